import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bibAuthors } from '../../src/core/cite/bibtex';
import { type BibliographyFormat, type LatexCiteCommand, formatBibliography, formatCitation } from '../../src/core/cite/formats';
import { toLatex, toLatexTitle } from '../../src/core/cite/latex';
import { assignKeys } from '../../src/core/cite/keys';
import type { Paper } from '../../src/schema/corpus';
import { makePaper, org, person } from '../support/papers';
import { realCorpus } from '../support/realCorpus';

/**
 * The real toolchain: every entry, plus one that holds every character the
 * escaper maps, compiled by LaTeX with BibTeX (eleven standard styles) and
 * with BibLaTeX + Biber, citing every key explicitly. Any error, and any
 * warning that is not about metadata the corpus genuinely lacks, fails.
 *
 * Needs `latex`, `bibtex`, `biber` and biblatex.sty, which Debian provides:
 *   apt-get install --no-install-recommends texlive-latex-base texlive-latex-recommended texlive-bibtex-extra biber
 * Without them these tests are skipped, unless PAPERLENS_REQUIRE_TEX=1
 * (set it in CI once the packages are installed, so a broken install fails
 * instead of skipping). The CSL-JSON goes through `pandoc --citeproc` when
 * pandoc is installed, and that one test is skipped otherwise.
 */

const APT = 'apt-get install --no-install-recommends texlive-latex-base texlive-latex-recommended texlive-bibtex-extra biber';

function run(cmd: string, args: string[], cwd?: string) {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000 });
}

/** Why the toolchain cannot run here, or undefined when it can. */
function missingTools(): string | undefined {
  const absent = ['latex', 'bibtex', 'biber', 'kpsewhich'].filter((bin) => run(bin, ['--version']).status !== 0);
  if (absent.length > 0) return `${absent.join(', ')} not on PATH`;
  const sty = ['biblatex.sty', 'etoolbox.sty', 'url.sty', 'natbib.sty'].filter((f) => run('kpsewhich', [f]).stdout.trim() === '');
  return sty.length > 0 ? `LaTeX packages missing: ${sty.join(', ')}` : undefined;
}

const missing = missingTools();
if (missing !== undefined && process.env['PAPERLENS_REQUIRE_TEX'] === '1') {
  throw new Error(`PAPERLENS_REQUIRE_TEX=1 but ${missing}; install with: ${APT}`);
}
const toolTest = (title: string, fn: () => void) =>
  missing === undefined ? test(title, fn) : test.skip(`${title} [skipped: ${missing}; install with: ${APT}]`, fn);

/** Every character latex.ts maps, in a title, an author list and an abstract. */
const TORTURE = 'a \\ b {c} d_e #f $g <h> |i| 1--2 % & ~ ^ " \' ` @ ! ? [x] (y) * + = ; : , . / ß æ Æ œ Œ ø Ø å Å ł Ł ı ȷ ' +
  'nb\u00a0sp thin\u2009sp ‐ ‑ ‒ – — ‘x’ “y” ‚ „ … · • † ‡ § ¶ ® ™ © ° £ € ¢ ¥ ¡ ¿ ⁄ − × ÷ ± ∓ ⋅ ∘ ∗ ≤ ≥ ≠ ≈ ∼ ≃ ≡ ≪ ≫ ∝ ¬ ′ ' +
  '→ ← ↔ ⇒ ⇐ ⇔ ↑ ↓ ∞ ∑ ∏ √ ∈ ∉ ⊂ ⊆ ∪ ∩ ∀ ∃ ∂ ∇ ⋯ ∅ α β γ δ ε ϵ ζ η θ ϑ ι κ λ μ µ ν ξ π ρ σ ς τ υ φ ϕ χ ψ ω ' +
  'Γ Δ Θ Λ Ξ Π Σ Υ Φ Ψ Ω x⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀ y₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ ×² è é ê ë ã ō ȯ ŭ č ő ç ą ů ạ ḇ ǘ í ï Ñ Ö Ç S²FT H₂O';
const TORTURE_KEY = 'paperlenstorture';

suite('cite toolchain: LaTeX + BibTeX, BibLaTeX + Biber and Pandoc accept every entry', function () {
  this.timeout(300_000);
  const papers: Paper[] = [
    ...realCorpus().papers,
    makePaper({
      id: 'paperlens-torture',
      title: TORTURE,
      abstract: TORTURE,
      authors: [person('Baptiste Rozière'), person('Paul Erdős'), org('Ørsted & Co, Ltd.'), person('Zoë Ångström')],
      authorsTruncated: true,
    }),
  ];
  const keys = new Map([...assignKeys(realCorpus().papers), ['paperlens-torture', TORTURE_KEY]]);
  // The entries with no year: papers without a first-version year and without a venue year.
  const noYear = papers.filter((p) => !/^ {2}year +=/m.test(formatCitation(p, keys.get(p.id) as string, 'bibtex'))).map((p) => keys.get(p.id) as string);
  let dir = '';

  suiteSetup(() => {
    if (missing === undefined) dir = mkdtempSync(join(tmpdir(), 'paperlens-tex-'));
  });
  suiteTeardown(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Writes the .bib and a document citing every key explicitly: with our own `latex` format, one citation per
   * line, or (`oneCommand`) all keys in one command, since biblatex spends ~5 ms on each citation command.
   */
  function writeDocument(name: string, cited: Paper[], format: BibliographyFormat, command: LatexCiteCommand, preamble: string, back: string, oneCommand = false): void {
    writeFileSync(join(dir, `${name}.bib`), formatBibliography(cited, keys, format, { abstract: true }));
    const cites = oneCommand
      ? `\\${command}{${cited.map((p) => keys.get(p.id) as string).join(',')}}`
      : cited.map((p) => formatCitation(p, keys.get(p.id) as string, 'latex', { latexCommand: command })).join('\n');
    writeFileSync(join(dir, `${name}.tex`), `\\documentclass{article}\n\\usepackage[T1]{fontenc}\n${preamble}\n\\begin{document}\n${cites}\n${back}\n\\end{document}\n`);
  }

  /** Runs LaTeX and fails with the log's errors; returns the log. */
  function latex(name: string): string {
    const r = run('latex', ['-interaction=nonstopmode', '-halt-on-error', `${name}.tex`], dir);
    const log = readFileSync(join(dir, `${name}.log`), 'utf8');
    const errors = log.split('\n').filter((l) => l.startsWith('!'));
    assert.equal(r.status, 0, `latex ${name} failed:\n${errors.join('\n')}\n${log.slice(-1500)}`);
    return log;
  }

  function assertAllCited(name: string, log: string, cited: Paper[]): void {
    assert.doesNotMatch(log, /Citation .* undefined|There were undefined (references|citations)/, `${name}: unresolved citations`);
    assert.doesNotMatch(log, /^! /m, name);
    const bbl = readFileSync(join(dir, `${name}.bbl`), 'utf8');
    const items = bbl.match(/\\bibitem|\\entry\{/g) ?? [];
    assert.equal(items.length, cited.length, `${name}.bbl has ${items.length} entries, expected ${cited.length}`);
  }

  const natbibStyles = ['plainnat', 'unsrtnat', 'abbrvnat'];
  // Author-year styles require a year and say so for each paper without one: the gap the corpus really has.
  const yearRequired = [...natbibStyles, 'apalike'];
  for (const style of ['plain', 'unsrt', 'alpha', 'abbrv', 'ieeetr', 'acm', 'siam', ...yearRequired]) {
    const natbib = natbibStyles.includes(style);
    const allowed = yearRequired.includes(style) ? 'only "empty year" warnings, for exactly the papers without a year' : 'no warnings';
    toolTest(`bibtex, ${style}.bst: no errors, ${allowed}; LaTeX resolves every citation`, () => {
      const name = `bibtex-${style}`;
      writeDocument(name, papers, 'bibtex', natbib ? 'citep' : 'cite', `\\usepackage{url}${natbib ? '\n\\usepackage{natbib}' : ''}`, `\\bibliographystyle{${style}}\n\\bibliography{${name}}`);
      latex(name);
      const bt = run('bibtex', [name], dir);
      const blg = readFileSync(join(dir, `${name}.blg`), 'utf8');
      assert.doesNotMatch(blg, /error message|I was expecting|I'm skipping/, `${name}: BibTeX errors\n${blg.slice(-2000)}`);
      assert.ok(bt.status === 0 || bt.status === 1, `bibtex exited ${bt.status}\n${blg.slice(-2000)}`); // 1: warnings only
      const warnings = blg.split('\n').filter((l) => l.startsWith('Warning--'));
      assert.deepEqual(warnings.sort(), yearRequired.includes(style) ? noYear.map((k) => `Warning--empty year in ${k}`).sort() : [], `${name}: BibTeX warnings`);
      latex(name);
      assertAllCited(name, latex(name), papers);
    });
  }

  toolTest('LaTeX typesets every escaped title, author list and abstract', () => {
    // Bibliography styles print titles and names but rarely abstracts; this puts all of the escaped text on a page.
    const body = papers.map((p) => [toLatexTitle(p.title), bibAuthors(p) ?? '', toLatex(p.abstract)].join('\n\n')).join('\n\n\\bigskip\n');
    writeFileSync(join(dir, 'fields.tex'), `\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\n${body}\n\\end{document}\n`);
    const log = latex('fields');
    assert.doesNotMatch(log, /Missing character|Undefined control sequence/, 'fields');
  });

  /** LaTeX, Biber, LaTeX twice (biblatex's own workflow); fails on any Biber warning or error and any unresolved citation. */
  function biblatex(name: string, cited: Paper[], biberArgs: string[]): void {
    const preamble = `\\usepackage[backend=biber]{biblatex}\n\\addbibresource{${name}.bib}`;
    writeDocument(name, cited, 'biblatex', 'autocite', preamble, '\\printbibliography', true);
    latex(name);
    const b = run('biber', ['--quiet', ...biberArgs, name], dir);
    const blg = readFileSync(join(dir, `${name}.blg`), 'utf8');
    assert.equal(b.status, 0, `biber exited ${b.status}\n${b.stdout}\n${b.stderr}\n${blg.slice(-2000)}`);
    assert.deepEqual(blg.split('\n').filter((l) => / (WARN|ERROR) /.test(l)), [], `${name}: Biber warnings or errors`);
    latex(name);
    const log = latex(name);
    assert.doesNotMatch(log, /Package biblatex Warning/, name);
    assertAllCited(name, log, cited);
  }

  toolTest('biblatex + biber with its defaults: every corpus entry; no warning, every citation resolved', () => {
    biblatex('biblatex', realCorpus().papers, []);
  });

  // Biber decodes LaTeX to UTF-8 in the .bbl by default, and pdfLaTeX's UTF-8 tables lack rare letters such as ȯ
  // (U+022F) however they were typed; --output-safechars is Biber's switch to write them back as LaTeX macros.
  // Its encoder writes a double accent such as ǘ = {\'{\"u}} back as the invalid \'\"{u}, so ǘ is left out here;
  // the BibTeX runs above compile it.
  toolTest('biblatex + biber --output-safechars: every character the escaper maps (but ǘ)', () => {
    const text = TORTURE.replace('ǘ', '');
    const torture = makePaper({ id: 'paperlens-torture-biber', title: text, abstract: text, authors: [person('Zoë Ångström')] });
    keys.set(torture.id, `${TORTURE_KEY}biber`);
    biblatex('biblatex-torture', [torture], ['--output-safechars']);
  });

  const pandocMissing = run('pandoc', ['--version']).status === 0 ? undefined : 'pandoc not on PATH; install with: apt-get install --no-install-recommends pandoc';
  (pandocMissing === undefined ? test : test.skip)(
    `pandoc --citeproc reads the CSL-JSON and resolves every [@key] without a warning${pandocMissing ? ` [skipped: ${pandocMissing}]` : ''}`,
    function () {
      if (dir === '') dir = mkdtempSync(join(tmpdir(), 'paperlens-tex-'));
      writeFileSync(join(dir, 'refs.json'), formatBibliography(papers, keys, 'csl-json'));
      writeFileSync(join(dir, 'doc.md'), papers.map((p) => `Cited ${formatCitation(p, keys.get(p.id) as string, 'pandoc')}.`).join('\n\n'));
      const r = run('pandoc', ['--citeproc', '--bibliography=refs.json', '-t', 'plain', '--wrap=none', 'doc.md'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr.trim(), '', `pandoc warnings:\n${r.stderr.slice(0, 2000)}`);
      // Pandoc prints apostrophes typographically (d’Ascoli).
      const printed = r.stdout.replace(/\u2019/g, "'");
      for (const p of realCorpus().papers.filter((x) => x.authors.length > 0)) {
        assert.ok(printed.includes(p.authors[0]?.family ?? p.authors[0]?.name ?? ''), `${p.id}: first author missing from pandoc's bibliography`);
      }
      assert.match(r.stdout, /et al\./); // Pandoc renders {literal: "others"} as "et al."
    },
  );
});
