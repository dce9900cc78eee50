/**
 * Clean Unicode display text → LaTeX for BibTeX and BibLaTeX fields.
 *
 * The input is PaperLens's clean display text (`S²FT`, `Rozière`, `50%`),
 * never raw LaTeX, so every character is literal and is converted exactly
 * once: a backslash in the input is a backslash in the output
 * (`\textbackslash{}`), never the start of a macro. The output is pure ASCII,
 * so classic 7-bit BibTeX and any LaTeX input encoding accept it.
 *
 * BibTeX lowercases titles for sentence-case styles, and it would lowercase a
 * bare `\AE` or `$\Delta$` too. So every non-ASCII letter is written as a
 * braced "special character" (`{\"o}`, `{\ss}`), and math or macros with
 * capitals are braced (`{$\Delta$}`).
 */
import { FROM_SUBSCRIPT, FROM_SUPERSCRIPT } from '../text/scripts';

/** One stretch of output: plain text-mode LaTeX, or the inside of `$…$`. */
interface Piece {
  math: boolean;
  tex: string;
}

/** ASCII characters that LaTeX or BibTeX treat specially. */
export const ASCII_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}', // `\{` would count as a brace for BibTeX; unbalanced, it breaks the entry
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  _: '\\_',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}', // OT1 fonts print < > | as ¡ ¿ —
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Non-ASCII characters with a text-mode form. Braced where BibTeX's case changes must not touch them. */
export const TEXT_SYMBOLS: Record<string, string> = {
  ß: '{\\ss}', æ: '{\\ae}', Æ: '{\\AE}', œ: '{\\oe}', Œ: '{\\OE}', ø: '{\\o}', Ø: '{\\O}', å: '{\\aa}', Å: '{\\AA}',
  ł: '{\\l}', Ł: '{\\L}', ı: '{\\i}', ȷ: '{\\j}',
  '\u00a0': '~', '\u2009': '\\,', '\u202f': '\\,', '\u2002': '\\enspace{}', '\u2003': '\\quad{}',
  '\u2010': '-', '\u2011': '-', '\u2012': '--', '–': '--', '—': '---',
  '‘': '`', '’': "'", '‚': ',', '“': '``', '”': "''", '„': ',,',
  '…': '\\ldots{}', '·': '\\textperiodcentered{}', '•': '\\textbullet{}', '†': '\\textdagger{}', '‡': '\\textdaggerdbl{}', '§': '{\\S}', '¶': '{\\P}',
  '®': '\\textregistered{}', '™': '\\texttrademark{}', '©': '\\textcopyright{}', '°': '\\textdegree{}',
  '£': '{\\pounds}', '€': '\\texteuro{}', '¢': '\\textcent{}', '¥': '\\textyen{}', '¡': '\\textexclamdown{}', '¿': '\\textquestiondown{}', '⁄': '/',
};

/** Non-ASCII characters that only exist in math mode. */
export const MATH_SYMBOLS: Record<string, string> = {
  '\u2212': '-', '×': '\\times', '÷': '\\div', '±': '\\pm', '∓': '\\mp', '⋅': '\\cdot', '∘': '\\circ', '∗': '\\ast',
  '≤': '\\leq', '≥': '\\geq', '≠': '\\neq', '≈': '\\approx', '∼': '\\sim', '≃': '\\simeq', '≡': '\\equiv',
  '≪': '\\ll', '≫': '\\gg', '∝': '\\propto', '¬': '\\neg', '′': '\\prime',
  '→': '\\rightarrow', '←': '\\leftarrow', '↔': '\\leftrightarrow', '⇒': '\\Rightarrow', '⇐': '\\Leftarrow',
  '⇔': '\\Leftrightarrow', '↑': '\\uparrow', '↓': '\\downarrow', '∞': '\\infty', '∑': '\\sum', '∏': '\\prod',
  '√': '\\surd', '∈': '\\in', '∉': '\\notin', '⊂': '\\subset', '⊆': '\\subseteq', '∪': '\\cup', '∩': '\\cap',
  '∀': '\\forall', '∃': '\\exists', '∂': '\\partial', '∇': '\\nabla', '⋯': '\\cdots', '∅': '\\emptyset',
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ϵ: '\\epsilon', ζ: '\\zeta', η: '\\eta',
  θ: '\\theta', ϑ: '\\vartheta', ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', µ: '\\mu', ν: '\\nu', ξ: '\\xi',
  π: '\\pi', ρ: '\\rho', σ: '\\sigma', ς: '\\varsigma', τ: '\\tau', υ: '\\upsilon', φ: '\\varphi', ϕ: '\\phi',
  χ: '\\chi', ψ: '\\psi', ω: '\\omega', Γ: '\\Gamma', Δ: '\\Delta', Θ: '\\Theta', Λ: '\\Lambda', Ξ: '\\Xi',
  Π: '\\Pi', Σ: '\\Sigma', Υ: '\\Upsilon', Φ: '\\Phi', Ψ: '\\Psi', Ω: '\\Omega',
};


/** Combining marks → LaTeX accent commands. Letter-named accents need a braced argument. */
export const ACCENTS: Record<string, string> = {
  '\u0300': '\\`', '\u0301': "\\'", '\u0302': '\\^', '\u0303': '\\~', '\u0308': '\\"', '\u0304': '\\=',
  '\u0307': '\\.', '\u0306': '\\u', '\u030c': '\\v', '\u030b': '\\H', '\u0327': '\\c', '\u0328': '\\k',
  '\u030a': '\\r', '\u0323': '\\d', '\u0331': '\\b',
};

/**
 * Converts display text to LaTeX for a BibTeX field other than the title:
 * escapes `% & _ # $ { } ~ ^ \` (and `< > |`, which OT1 fonts misprint),
 * writes accents as braced accent commands, super- and subscripts as math,
 * and other symbols as their LaTeX macros. Characters with no LaTeX form
 * (CJK, emoji) are kept as they are. The ogonek (`ą` → `{\k{a}}`), like
 * any ogonek in pdfLaTeX, needs `\usepackage[T1]{fontenc}`; everything else
 * also compiles with LaTeX's default OT1 encoding.
 *
 * @example
 * toLatex('70% Size', { atomic: true }) // => '70{\\%} Size'
 * toLatex('50% of H₂O & Rozière’s ~x^2') // => "50\\% of H$_{2}$O \\& Rozi{\\`e}re's \\textasciitilde{}x\\textasciicircum{}2"
 * toLatex('S²FT × 2 ≤ α') // => 'S$^{2}$FT $\\times$ 2 $\\leq$ $\\alpha$'
 */
export function toLatex(text: string, options: LatexOptions = {}): string {
  return render(pieces(text, options.atomic === true), options.atomic === true);
}

export interface LatexOptions {
  /**
   * Write every macro and every math group as one braced BibTeX "special
   * character" (`{\%}`, `{\ldots}`, `{\ensuremath{\times}}`), so that BibTeX
   * functions that count characters (`text.prefix$`, used for alpha-style
   * labels) never cut one in half. Used for the `key` field.
   */
  atomic?: boolean;
}

/**
 * Like {@link toLatex}, and also protects words whose capitals matter from
 * the lowercasing that sentence-case styles apply: acronyms, CamelCase and
 * mixed-case words, words with digits, and single capital letters (except the
 * article "A") are wrapped in braces. Ordinary capitalised words are not, so
 * a style can still change their case. A hyphenated compound is protected as
 * a whole when any part needs it (`{DeepSeek-VL2}`, `{T-Stitch}`), and left
 * alone otherwise (`Vision-Language`).
 *
 * @example
 * toLatexTitle('TransMLA: Multi-head Latent Attention Is All You Need')
 * // => '{TransMLA}: Multi-head Latent Attention Is All You Need'
 * toLatexTitle('S²FT for LLMs with KV Cache in DeepSeek-V3')
 * // => '{S$^{2}$FT} for {LLMs} with {KV} Cache in {DeepSeek-V3}'
 */
export function toLatexTitle(title: string): string {
  return title
    .split(/(\s+)/)
    .map((token) => {
      if (/^\s*$/.test(token)) return token === '' ? '' : ' ';
      const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(token);
      const [, lead = '', core = '', trail = ''] = m ?? [];
      if (core === '' || !needsProtection(core)) return toLatex(token);
      return `${toLatex(lead)}${protect(toLatex(core))}${toLatex(trail)}`;
    })
    .join('');
}

/**
 * Wraps LaTeX in braces that BibTeX treats as protected text: its case is
 * never changed, and in a name list it is one literal name. A group that
 * starts with a backslash would be a BibTeX "special character" instead, so
 * that case gets an empty group first.
 *
 * @example
 * protect('DeepSeek-AI') // => '{DeepSeek-AI}'
 * protect('\\textregistered{}Net') // => '{{}\\textregistered{}Net}'
 */
export function protect(tex: string): string {
  return `{${tex.startsWith('\\') ? '{}' : ''}${tex}}`;
}

/**
 * Whether a title word must keep its capitals: an acronym or a CamelCase or
 * mixed-case part (`KV`, `DeepSeek`, `LLMs`, `iPhone`), a part with both
 * letters and digits (`V3`, `S²FT`, `3D`), or a single capital letter
 * (`T-Stitch`, "Model X"), except a lone "A".
 *
 * @example
 * needsProtection('DeepSeek-VL2') // => true
 * needsProtection('Vision-Language') // => false
 * needsProtection('A') // => false
 */
export function needsProtection(word: string): boolean {
  if (word === 'A') return false;
  return word.split(/[-‐‑/]/).some((part) => {
    const letters = part.match(/\p{L}/gu) ?? [];
    if (letters.length === 0) return false;
    if (/\p{Lu}/u.test(part.slice(part.search(/\p{L}/u) + 1))) return true;
    if (/\p{N}/u.test(part)) return true;
    return letters.length === 1 && /^\p{Lu}$/u.test(letters[0] ?? '');
  });
}

function pieces(text: string, atomic: boolean): Piece[] {
  const out: Piece[] = [];
  const push = (math: boolean, raw: string) => {
    // `\%` → `{\%}`, `\ldots{}` → `{\ldots}`; accents and letters are braced already.
    const tex = atomic && !math && raw.startsWith('\\') ? `{${raw.replace(/\{\}$/, '')}}` : raw;
    const last = out[out.length - 1];
    if (last && last.math === math) last.tex += tex;
    else out.push({ math, tex });
  };
  const chars = [...text.normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '-' && chars[i + 1] === '-') {
      push(false, '-{}'); // a literal "--" must not become an en dash
      continue;
    }
    if (ch in FROM_SUPERSCRIPT || ch in FROM_SUBSCRIPT) {
      const table = ch in FROM_SUPERSCRIPT ? FROM_SUPERSCRIPT : FROM_SUBSCRIPT;
      let run = '';
      while (i < chars.length && (chars[i] as string) in table) run += table[chars[i++] as string];
      i--;
      push(true, `${table === FROM_SUPERSCRIPT ? '^' : '_'}{${run}}`);
      continue;
    }
    if (/[\x20-\x7e]/.test(ch)) {
      push(false, ASCII_SPECIALS[ch] ?? ch);
      continue;
    }
    if (/[\t\n\v\f\r\u0085\u2028\u2029]/.test(ch)) {
      push(false, ' '); // line breaks of every kind: an entry's field stays on its line
      continue;
    }
    if (/[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]/.test(ch)) continue; // C0 and C1 controls, soft hyphens, zero-width marks
    const text = TEXT_SYMBOLS[ch];
    if (text !== undefined) {
      push(false, text);
      continue;
    }
    const math = MATH_SYMBOLS[ch];
    if (math !== undefined) {
      push(true, math); // math pieces start with `\`, `^`, `_` or `-`, so merged ones (`\times^{2}`) need no space
      continue;
    }
    push(false, accented(ch) ?? ch);
  }
  return out;
}

/** `è` → `{\`e}`, `č` → `{\v{c}}`, `ǘ` → `{\'{\"u}}`; undefined when the base is not ASCII. */
function accented(ch: string): string | undefined {
  const [base = '', ...marks] = [...ch.normalize('NFD')];
  if (marks.length === 0 || !/^[A-Za-z]$/.test(base) || marks.some((m) => ACCENTS[m] === undefined)) return undefined;
  let tex = base;
  marks.forEach((m, n) => {
    const cmd = ACCENTS[m] as string;
    tex = n === 0 && /[^A-Za-z]$/.test(cmd) ? `${cmd}${tex}` : `${cmd}{${tex}}`;
  });
  return `{${tex}}`;
}

function render(ps: Piece[], atomic: boolean): string {
  return ps
    .map((p) => {
      if (!p.math) return p.tex;
      if (atomic) return `{\\ensuremath{${p.tex}}}`;
      return /[A-Z]/.test(p.tex) ? `{$${p.tex}$}` : `$${p.tex}$`;
    })
    .join('');
}
