/**
 * Where a source file is prose: its comments and string literals, across
 * lines (a Python docstring, a C block comment, a JavaScript template).
 * Technique names may span words there ("multi-head latent attention"); in
 * code only whole identifiers match. One linear pass per file, sliced so
 * the extension host never blocks on a large file.
 */
import { type Sliced, runNow } from '../util/sliced';

interface StringRule {
  open: string;
  close: string;
  /** A backslash escapes the next character. */
  escape: boolean;
  /** May run over line ends; otherwise a line end closes it (an unterminated literal). */
  multiline: boolean;
}

interface Syntax {
  line: readonly string[];
  block: readonly (readonly [string, string])[];
  strings: readonly StringRule[];
}

const str = (open: string, multiline = false, escape = true, close = open): StringRule => ({ open, close, escape, multiline });
const C_STRINGS = [str('"'), str("'")];
const C_LIKE: Syntax = { line: ['//'], block: [['/*', '*/']], strings: C_STRINGS };
const HASH: Syntax = { line: ['#'], block: [], strings: [str('"', true), str("'", true)] };

/** Comment and string syntax by VS Code language id; other languages read as C-like. */
const SYNTAX: Record<string, Syntax> = {
  python: { line: ['#'], block: [], strings: [str('"""', true), str("'''", true), str('"'), str("'")] },
  javascript: { ...C_LIKE, strings: [...C_STRINGS, str('`', true)] },
  typescript: { ...C_LIKE, strings: [...C_STRINGS, str('`', true)] },
  javascriptreact: { ...C_LIKE, strings: [...C_STRINGS, str('`', true)] },
  typescriptreact: { ...C_LIKE, strings: [...C_STRINGS, str('`', true)] },
  go: { ...C_LIKE, strings: [...C_STRINGS, str('`', true, false)] },
  rust: { line: ['//'], block: [['/*', '*/']], strings: [str('"', true)] },
  julia: { line: ['#'], block: [['#=', '=#']], strings: [str('"""', true), str('"', true)] },
  shellscript: HASH,
  yaml: { line: ['#'], block: [], strings: C_STRINGS },
  toml: { line: ['#'], block: [], strings: [str('"""', true), str("'''", true, false), ...C_STRINGS] },
  r: HASH,
  ruby: HASH,
  perl: HASH,
  makefile: HASH,
  dockerfile: HASH,
  cmake: HASH,
  lua: { line: ['--'], block: [['--[[', ']]']], strings: [str('[[', true, false, ']]'), ...C_STRINGS] },
  sql: { line: ['--'], block: [['/*', '*/']], strings: C_STRINGS },
  haskell: { line: ['--'], block: [['{-', '-}']], strings: [str('"')] },
  matlab: { line: ['%'], block: [['%{', '%}']], strings: [str("'"), str('"')] },
  html: { line: [], block: [['<!--', '-->']], strings: C_STRINGS },
  xml: { line: [], block: [['<!--', '-->']], strings: C_STRINGS },
  bibtex: { line: ['%'], block: [], strings: [] },
};

/** Languages whose text is prose throughout: techniques may span spaces anywhere. */
export const PROSE_LANGUAGES: ReadonlySet<string> = new Set(['markdown', 'quarto', 'latex', 'tex', 'plaintext', 'restructuredtext', 'asciidoc', 'rmd']);

/**
 * The prose of a text: sorted, disjoint [start, end) offset ranges, as two
 * parallel arrays. Ask it with {@link isProse}.
 */
export interface ProseRegions {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

const STEP_CHARS = 1 << 16;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const openers = new Map<Syntax, { re: RegExp; kinds: Map<string, { end: string; rule?: StringRule }> }>();

function openerOf(syntax: Syntax): { re: RegExp; kinds: Map<string, { end: string; rule?: StringRule }> } {
  let o = openers.get(syntax);
  if (!o) {
    const kinds = new Map<string, { end: string; rule?: StringRule }>();
    // Longer openers first, so `"""` wins over `"` and `--[[` over `--`.
    for (const [open, close] of syntax.block) kinds.set(open, { end: close });
    for (const l of syntax.line) if (!kinds.has(l)) kinds.set(l, { end: '\n' });
    for (const s of syntax.strings) if (!kinds.has(s.open)) kinds.set(s.open, { end: s.close, rule: s });
    const alts = [...kinds.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
    o = { re: new RegExp(alts.length > 0 ? alts.join('|') : '(?!)', 'g'), kinds };
    openers.set(syntax, o);
  }
  return o;
}

/**
 * The comments and string literals of a text in a language, as sliced work.
 *
 * @example
 * runNow(proseRegionsOf('x = 1  # KV cache\ns = """multi-head\nlatent attention"""', 'python'))
 * // => { starts: [7, 25], ends: [17, 56] }
 */
export function* proseRegionsOf(text: string, languageId: string): Sliced<ProseRegions> {
  if (PROSE_LANGUAGES.has(languageId)) return { starts: [0], ends: [text.length] };
  const { re, kinds } = openerOf(SYNTAX[languageId] ?? C_LIKE);
  const starts: number[] = [];
  const ends: number[] = [];
  let paused = 0;
  let i = 0;
  while (i < text.length) {
    if (i - paused >= STEP_CHARS) {
      paused = i;
      yield;
    }
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) break;
    const at = m.index;
    const kind = kinds.get(m[0]);
    if (!kind) break;
    const from = at + m[0].length;
    let end: number;
    if (kind.rule) end = stringEnd(text, from, kind.rule);
    else if (kind.end === '\n') end = lineEnd(text, from);
    else {
      const close = text.indexOf(kind.end, from);
      end = close < 0 ? text.length : close + kind.end.length;
    }
    starts.push(at);
    ends.push(end);
    i = Math.max(end, at + 1);
  }
  return { starts, ends };
}

/**
 * The prose regions at once (the CLI, tests).
 *
 * @example
 * proseRegions('x = 1  # KV cache', 'python') // => { starts: [7], ends: [17] }
 */
export function proseRegions(text: string, languageId: string): ProseRegions {
  return runNow(proseRegionsOf(text, languageId));
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

const literalEnds = new Map<StringRule, RegExp>();

/** Just after the literal's closing delimiter; an unterminated one-line literal ends at its line's end. */
function stringEnd(text: string, from: number, rule: StringRule): number {
  let re = literalEnds.get(rule);
  if (!re) {
    // The first of: an escape (skipped whole), the closing delimiter, or (one-line literals) a line end.
    re = new RegExp(`${rule.escape ? '\\\\[\\s\\S]|' : ''}${escapeRe(rule.close)}${rule.multiline ? '' : '|\\n'}`, 'g');
    literalEnds.set(rule, re);
  }
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '\n') return m.index;
    if (m[0] === rule.close) return m.index + m[0].length;
  }
  return text.length;
}

/**
 * Whether an offset is in prose (a binary search).
 *
 * @example
 * isProse(regions, 9) // => true
 */
export function isProse(regions: ProseRegions, offset: number): boolean {
  return regionAt(regions, offset) >= 0;
}

/**
 * The index of the region holding `offset`, or -1.
 *
 * @example
 * regionAt(proseRegions('x = 1  # KV cache', 'python'), 10) // => 0
 * regionAt(proseRegions('x = 1  # KV cache', 'python'), 2)  // => -1
 */
export function regionAt(regions: ProseRegions, offset: number): number {
  let lo = 0;
  let hi = regions.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((regions.starts[mid] as number) > offset) hi = mid - 1;
    else if ((regions.ends[mid] as number) <= offset) lo = mid + 1;
    else return mid;
  }
  return -1;
}
