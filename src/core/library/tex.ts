/**
 * TeX in a user's .bib file → clean Unicode for display and search:
 * `Erd{\H{o}}s` → `Erdős`, `{\AA}ngstr{\"o}m` → `Ångström`, `Stra{\ss}e` →
 * `Straße`, `$\alpha$-nets` → `α-nets`, `S$^{2}$FT` → `S²FT`, `---` → `—`,
 * `\emph{Deep}` → `Deep`. The inverse of the tables the LaTeX writer uses
 * (cite/latex.ts), so a title PaperLens wrote reads back as it was.
 */
import { ACCENTS, ASCII_SPECIALS, MATH_SYMBOLS, TEXT_SYMBOLS } from '../cite/latex';
import { SUBSCRIPT, SUPERSCRIPT } from '../text/scripts';

const invert = (table: Record<string, string>): Map<string, string> => new Map(Object.entries(table).map(([ch, tex]) => [tex, ch]));

/** `\'` → U+0301: accent command → combining mark. */
const MARKS = new Map(Object.entries(ACCENTS).map(([mark, cmd]) => [cmd.slice(1), mark]));
/** `ss` → ß, `alpha` → α, `textbackslash` → \: command name → character. */
const SYMBOLS = new Map<string, string>();
for (const [tex, ch] of [...invert(TEXT_SYMBOLS), ...invert(MATH_SYMBOLS), ...invert(ASCII_SPECIALS)]) {
  const name = /^\{?\\([A-Za-z]+)(?:\{\})?\}?$/.exec(tex)?.[1];
  if (name !== undefined && !SYMBOLS.has(name)) SYMBOLS.set(name, ch);
}
for (const [name, ch] of Object.entries({ varepsilon: 'ε', epsilon: 'ϵ', ldots: '…', dots: '…', textendash: '–', textemdash: '—', textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', TeX: 'TeX', LaTeX: 'LaTeX', BibTeX: 'BibTeX', relax: '', par: ' ', newblock: ' ', emdash: '—', endash: '–', hyphen: '-', textquotedbl: '"', textellipsis: '…', slash: '/', textslash: '/', Dash: '—', dash: '—' })) {
  SYMBOLS.set(name, ch);
}
// Math operators print their own name, spaced as TeX spaces them: `n \log n` → `n log n`.
for (const op of 'log ln lg exp sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh max min sup inf lim liminf limsup det dim arg deg gcd hom ker Pr mod bmod'.split(' ')) SYMBOLS.set(op, `${op} `);
/** Commands whose argument is not shown: BibTeX's sort-order trick `{\noopsort{1973c}}1981` shows 1981. */
const HIDDEN = new Set(['noopsort', 'SortNoop', 'sortnoop', 'nocite']);
/** Commands that quote their argument. */
const QUOTING = new Set(['mkbibquote', 'enquote', 'textquote']);
/** Commands whose argument is shown as it is: formatting, boxes, links. */
const TRANSPARENT = new Set(
  'emph textbf textit textsc texttt textrm textsf textsl textup textnormal mathrm mathbf mathit mathsf mathtt mathcal mathbb mathop operatorname text mbox hbox fbox url path nolinkurl ensuremath NoCaseChange MakeUppercase MakeLowercase uppercase lowercase mkbibemph underline textsuperscript textsubscript'.split(' '),
);

/**
 * A BibTeX field value (braces, TeX commands and all) as display text.
 *
 * @example
 * texToUnicode('{\\AA}ngstr{\\"o}m and Erd{\\H{o}}s') // => 'Ångström and Erdős'
 * texToUnicode('\\emph{Deep} $\\alpha$-nets --- S$^{2}$FT') // => 'Deep α-nets — S²FT'
 */
export function texToUnicode(tex: string): string {
  return convert(tex, 0, tex.length, false)
    .replace(/[ \t\r\n\u00a0]+/g, ' ')
    .trim()
    .normalize('NFC');
}

function convert(s: string, from: number, to: number, mathMode: boolean): string {
  let out = '';
  let math = mathMode;
  let i = from;
  while (i < to) {
    const c = s[i] as string;
    if (c === '\\') {
      const r = command(s, i, to, math);
      out += r.text;
      i = r.next;
    } else if (c === '{') {
      const end = groupEnd(s, i, to);
      out += convert(s, i + 1, end - 1, math);
      i = end;
    } else if (c === '}') {
      i++; // unbalanced: dropped
    } else if (c === '$') {
      math = !math;
      i++;
    } else if (math && (c === '^' || c === '_')) {
      const arg = argument(s, i + 1, to);
      const inner = convert(s, arg.start, arg.end, true);
      const table = c === '^' ? SUPERSCRIPT : SUBSCRIPT;
      out += [...inner].every((ch) => table[ch] !== undefined) ? [...inner].map((ch) => table[ch]).join('') : `${c}${inner}`;
      i = arg.next;
    } else if (c === '~') {
      out += ' ';
      i++;
    } else if (c === '-' && !math && s.startsWith('---', i)) {
      out += '—';
      i += 3;
    } else if (c === '-' && !math && s.startsWith('--', i)) {
      out += '–';
      i += 2;
    } else if (c === '`' && !math) {
      const two = s.startsWith('``', i);
      out += two ? '“' : '‘';
      i += two ? 2 : 1;
    } else if (c === "'" && !math && s.startsWith("''", i)) {
      out += '”';
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Just after the `}` that closes the group opening at `open` (or `to` when it never closes). */
function groupEnd(s: string, open: number, to: number): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i + 1;
  }
  return to;
}

/** A command's argument: a `{group}` (its inside), or one character or control sequence. */
function argument(s: string, at: number, to: number): { start: number; end: number; next: number } {
  let i = at;
  while (i < to && (s[i] === ' ' || s[i] === '\t')) i++;
  if (s[i] === '{') {
    const end = groupEnd(s, i, to);
    return { start: i + 1, end: end - 1, next: end };
  }
  if (s[i] === '\\') {
    const name = /^\\(?:[A-Za-z]+|.)/.exec(s.slice(i, Math.min(to, i + 40)))?.[0] ?? '\\';
    return { start: i, end: i + name.length, next: i + name.length };
  }
  return { start: i, end: Math.min(to, i + 1), next: Math.min(to, i + 1) };
}

function command(s: string, at: number, to: number, math: boolean): { text: string; next: number } {
  const m = /^\\(?:([A-Za-z]+)|(.))/s.exec(s.slice(at, Math.min(to, at + 40)));
  if (!m) return { text: '', next: at + 1 };
  const word = m[1];
  const name = word ?? (m[2] as string);
  let next = at + m[0].length;
  // TeX skips spaces after a control word; `{}` after it (`\ss{}`) is an empty group.
  if (word !== undefined) {
    while (next < to && (s[next] === ' ' || s[next] === '\t' || s[next] === '\n')) next++;
    if (s.startsWith('{}', next) && !MARKS.has(name) && !TRANSPARENT.has(name)) next += 2;
  }
  const mark = MARKS.get(name);
  if (mark !== undefined) {
    const arg = argument(s, next, to);
    // An accent on a dotless i or j (`\"\i`) is on the letter: ï.
    const base = convert(s, arg.start, arg.end, math).replace(/^ı/, 'i').replace(/^ȷ/, 'j');
    return { text: base === '' ? mark : `${[...base][0]}${mark}${[...base].slice(1).join('')}`.normalize('NFC'), next: arg.next };
  }
  if (word === undefined) {
    // \& \% \$ \# \_ \{ \} and \\ (a line break), \, (a thin space), \- (a hyphenation point), \  (a space).
    const single: Record<string, string> = { '\\': ' ', ',': ' ', ';': ' ', ':': ' ', '!': '', ' ': ' ', '-': '', '/': '' };
    return { text: single[name] ?? name, next };
  }
  const symbol = SYMBOLS.get(name);
  if (symbol !== undefined) return { text: symbol, next };
  if (name === 'href') {
    const url = argument(s, next, to);
    const label = argument(s, url.next, to);
    return { text: convert(s, label.start, label.end, math), next: label.next };
  }
  if (HIDDEN.has(name)) return { text: '', next: argument(s, next, to).next };
  if (QUOTING.has(name)) {
    const arg = argument(s, next, to);
    return { text: `“${convert(s, arg.start, arg.end, math)}”`, next: arg.next };
  }
  if (TRANSPARENT.has(name)) {
    const arg = argument(s, next, to);
    return { text: convert(s, arg.start, arg.end, math), next: arg.next };
  }
  // An unknown command (a macro the file's @preamble defines, such as \MF or \PLOT) shows as its name, still a word of its own;
  // its argument, if any, is read as text.
  return { text: next > at + m[0].length ? `${name} ` : name, next };
}
