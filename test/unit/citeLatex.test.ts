import * as assert from 'node:assert/strict';
import { needsProtection, protect, toLatex, toLatexTitle } from '../../src/core/cite/latex';
import { bibAuthors } from '../../src/core/cite/bibtex';
import { makePaper } from '../support/papers';
import { realCorpus } from '../support/realCorpus';

/** Braces balance and never close more than they opened: what BibTeX needs to read a field. */
function assertBalanced(tex: string, what = tex): void {
  let depth = 0;
  for (const c of tex) {
    if (c === '{') depth++;
    if (c === '}') depth--;
    assert.ok(depth >= 0, `unbalanced } in ${what}`);
  }
  assert.equal(depth, 0, `unclosed { in ${what}`);
}

suite('cite latex: special characters', () => {
  const cases: [string, string][] = [
    ['50%', '50\\%'],
    ['R&D', 'R\\&D'],
    ['#1', '\\#1'],
    ['snake_case', 'snake\\_case'],
    ['$10,000', '\\$10,000'],
    ['{x}', '\\textbraceleft{}x\\textbraceright{}'],
    ['a}b', 'a\\textbraceright{}b'], // an unbalanced brace cannot break the entry
    ['~50', '\\textasciitilde{}50'],
    ['x^2', 'x\\textasciicircum{}2'],
    ['a\\b', 'a\\textbackslash{}b'],
    ['a < b > c | d', 'a \\textless{} b \\textgreater{} c \\textbar{} d'],
    ['1--2', '1-{}-2'], // a literal double hyphen must not become an en dash
    ['a---b', 'a-{}-{}-b'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(toLatex(input), expected));
  }
  test('text that only looks like LaTeX is escaped, not interpreted: display text is always literal', () => {
    assert.equal(toLatex('S$^{2}$FT'), 'S\\$\\textasciicircum{}\\textbraceleft{}2\\textbraceright{}\\$FT');
    assert.equal(toLatex('\\textbf{x}'), '\\textbackslash{}textbf\\textbraceleft{}x\\textbraceright{}');
  });
});

suite('cite latex: non-ASCII to LaTeX, each converted once', () => {
  const cases: [string, string][] = [
    ['Rozière', 'Rozi{\\`e}re'],
    ['Nyström', 'Nystr{\\"o}m'],
    ['Gödel Erdős', 'G{\\"o}del Erd{\\H{o}}s'],
    ['Dvořák', 'Dvo{\\v{r}}{\\\'a}k'],
    ['façade', 'fa{\\c{c}}ade'],
    ['Ñandú', '{\\~N}and{\\\'u}'],
    ['naïve', 'na{\\"i}ve'],
    ['Weiß Æsir Øresund Łódź', 'Wei{\\ss} {\\AE}sir {\\O}resund {\\L}{\\\'o}d{\\\'z}'],
    ['S²FT', 'S$^{2}$FT'],
    ['U²-Net', 'U$^{2}$-Net'],
    ['H₂O', 'H$_{2}$O'],
    ['AP₅₀', 'AP$_{50}$'],
    ['10¹⁹', '10$^{19}$'],
    ['xᵀ', 'x{$^{T}$}'], // math holding a capital is braced against case changes
    ['256×256', '256$\\times$256'],
    ['×²', '$\\times^{2}$'], // adjacent math merges; `$\times$$^{2}$` would open display math
    ['≤ ≥ ≈ ±', '$\\leq$ $\\geq$ $\\approx$ $\\pm$'],
    ['α-β', '$\\alpha$-$\\beta$'],
    ['ΔT', '{$\\Delta$}T'],
    ['φ ϕ ε ϵ', '$\\varphi$ $\\phi$ $\\varepsilon$ $\\epsilon$'], // LaTeX's \phi is ϕ, its \varphi is φ
    ['−1', '$-$1'],
    ['Intel® Core™ ©', 'Intel\\textregistered{} Core\\texttrademark{} \\textcopyright{}'],
    ['U²-Net†‡', 'U$^{2}$-Net\\textdagger{}\\textdaggerdbl{}'],
    ['a–b—c', 'a--b---c'],
    ['“quoted” ‘single’', "``quoted'' `single'"],
    ['wait…', 'wait\\ldots{}'],
    ['25°C', '25\\textdegree{}C'],
    ['a\u00a0b', 'a~b'],
    ['¡Hola! ¿Qué?', "\\textexclamdown{}Hola! \\textquestiondown{}Qu{\\'e}?"],
  ];
  for (const [input, expected] of cases) {
    test(`${input} → ${expected}`, () => assert.equal(toLatex(input), expected));
  }
  test('control characters, soft hyphens and zero-width marks are dropped; tabs and newlines become spaces', () => {
    assert.equal(toLatex('a\u00adb\u200bc\ufeffd\u0007e\tf\ng'), 'abcde f g');
  });
  test('characters with no LaTeX form are kept rather than lost', () => {
    assert.equal(toLatex('注意力 🚀'), '注意力 🚀');
  });
  test('every title and abstract in the corpus becomes pure ASCII with balanced braces', () => {
    for (const p of realCorpus().papers) {
      for (const tex of [toLatexTitle(p.title), toLatex(p.abstract)]) {
        assert.match(tex, /^[\x20-\x7e]*$/, p.id);
        assertBalanced(tex, p.id);
        assert.doesNotMatch(tex, /\$\$/, p.id);
      }
    }
  });
  test('the corpus characters the issue names come out once-escaped', () => {
    const s2ft = realCorpus().papers.find((p) => p.id.startsWith('s2ft-'));
    assert.equal(toLatexTitle(s2ft?.title ?? ''), '{S$^{2}$FT}: Efficient, Scalable and Generalizable {LLM} Fine-tuning by Structured Sparsity');
    const h2o = realCorpus().papers.find((p) => p.id.startsWith('h2o-'));
    assert.match(toLatexTitle(h2o?.title ?? ''), /^\{H\$_\{2\}\$O\}: Heavy-Hitter Oracle/);
  });
});

suite('cite latex: title case protection', () => {
  const cases: [string, string][] = [
    ['TransMLA: Multi-head Latent Attention Is All You Need', '{TransMLA}: Multi-head Latent Attention Is All You Need'],
    ['KV Cache Compression for LLMs', '{KV} Cache Compression for {LLMs}'],
    ['DeepSeek-V3 Technical Report', '{DeepSeek-V3} Technical Report'],
    ['Fast Vision Transformers with HiLo Attention', 'Fast Vision Transformers with {HiLo} Attention'],
    ['Stitched ViTs are Flexible Vision Backbones', 'Stitched {ViTs} are Flexible Vision Backbones'],
    ['T-Stitch: Accelerating Sampling', '{T-Stitch}: Accelerating Sampling'],
    ['Vision-Language Models and Mixture-of-Experts', 'Vision-Language Models and Mixture-of-Experts'],
    ['A Survey on 3D Point Clouds (PIE)', 'A Survey on {3D} Point Clouds ({PIE})'],
    ['CLIPA-v2: 81.1% Zero-shot ImageNet', '{CLIPA-v2}: 81.1\\% Zero-shot {ImageNet}'],
    ['U²-Net: Going Deeper with Nested U-Structure', '{U$^{2}$-Net}: Going Deeper with Nested {U-Structure}'],
    ['Attention Is All You Need?', 'Attention Is All You Need?'],
    ['Über iPhone', '{\\"U}ber {iPhone}'],
    ['Model Å', 'Model {{\\AA}}'],
  ];
  for (const [input, expected] of cases) {
    test(`${input} → ${expected}`, () => assert.equal(toLatexTitle(input), expected));
  }
  test('needsProtection: capitals after the first letter, digits, single capitals; not "A", not ordinary words', () => {
    for (const w of ['KV', 'DeepSeek', 'LLMs', 'iPhone', 'V3', 'S²FT', '3D', 'X', 'T-Stitch', 'GPT-4']) assert.ok(needsProtection(w), w);
    for (const w of ['A', 'Attention', 'Multi-head', 'Vision-Language', 'über', '81.1', 'e.g']) assert.ok(!needsProtection(w), w);
  });
  test('protect keeps a leading macro from becoming a BibTeX special character', () => {
    assert.equal(protect('DeepSeek-AI'), '{DeepSeek-AI}');
    assert.equal(protect('\\textregistered{}Net'), '{{}\\textregistered{}Net}');
  });
});

suite('cite latex: atomic mode for fields BibTeX counts characters in', () => {
  test('macros and math become one braced special character each', () => {
    assert.equal(toLatex('70% Size', { atomic: true }), '70{\\%} Size');
    assert.equal(toLatex('S²FT × 2…', { atomic: true }), 'S{\\ensuremath{^{2}}}FT {\\ensuremath{\\times}} 2{\\ldots}');
    assert.equal(toLatex('Rozière a_b', { atomic: true }), 'Rozi{\\`e}re a{\\_}b');
  });
  test('no backslash is ever outside a brace group', () => {
    const tex = toLatex('50% & ~ ^ \\ {} # $ _ ® … × ² α ß è', { atomic: true });
    let depth = 0;
    for (const c of tex) {
      if (c === '{') depth++;
      if (c === '}') depth--;
      if (c === '\\') assert.ok(depth > 0, tex);
    }
  });
});

suite('cite latex: regressions found by the property tests', () => {
  test('C1 control characters are dropped and Unicode line breaks (NEL, LS, PS) become spaces, in every field', () => {
    assert.equal(toLatex('a\u0085b\u2028c\u2029d\u0080e\u009fF'), 'a b c deF');
    assert.equal(toLatex('x\vy\fz'), 'x y z');
  });
  test('a name part that only becomes a comma in LaTeX („, ‚) is braced, so it cannot split the name', () => {
    const p = makePaper({ title: 'T', authors: [{ name: '„Ann‚ Lee', given: '„Ann‚', family: 'Lee' }] });
    assert.equal(bibAuthors(p), "Lee, {,,Ann,}");
  });
});
