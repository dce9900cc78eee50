/**
 * The blocks of a .bib file as BibTeX reads them, in one linear pass: every
 * `@type{…}` or `@type(…)`, entries, @string, @preamble and @comment alike.
 * Used to decide whether appending to a file is safe and to find the
 * entries already in it; the user's library is read by a full parser.
 *
 * BibTeX's own rules, which this follows: text outside blocks is ignored;
 * a block's body ends where its braces balance (a backslash escapes
 * nothing); in a block opened with `(`, a `)` at brace depth 0 and outside
 * a quoted value closes it.
 */
import { type Sliced, runNow } from '../util/sliced';

/** One `@type{…}` block of a .bib file. */
export interface BibBlock {
  /** Lowercase: "article", "string", "comment". */
  type: string;
  /** The citation key; for @string the macro's name; "" when there is none. */
  key: string;
  /** Offsets of the whole block, from "@" to just after its closing delimiter. */
  start: number;
  end: number;
  /** 1-based line of the "@". */
  line: number;
  /** False when its delimiters never balance: it runs to the end of the text. */
  closed: boolean;
}

/** Types that are not entries: no citation key. */
export const SPECIAL_TYPES: ReadonlySet<string> = new Set(['comment', 'string', 'preamble']);

/** How much text a scan reads between points where it may pause. */
const STEP_CHARS = 1 << 16;

const TYPE = /[A-Za-z][\w-]*/y;
const SPACE = /\s*/y;
const KEY = /[^,\s{}()="#]*/y;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const PAREN_BODY = /[{}()"]/g;

/**
 * Every block of a .bib text, in order, as sliced work: it pauses every
 * 64 KB, so the extension can run it without blocking (see `runSliced`).
 * Linear in the text's length. An unclosed block runs to the end of the
 * text and is the last one.
 *
 * @example
 * runNow(scanBlocks('@misc{a,\n title={x}}\n@string{k = "v"}')).map((b) => `${b.type}:${b.key}`) // => ['misc:a', 'string:k']
 */
export function* scanBlocks(text: string): Sliced<BibBlock[]> {
  return (yield* scanFrom(text, 0, 1)).blocks;
}

/**
 * The blocks from offset `from` (outside any block, on line `line`) on, as
 * {@link scanBlocks} reads them. With `stop`, the scan stops at the first
 * offset between blocks where `stop` says so, and says where: how a re-read
 * after an edit scans only the changed part of a file.
 */
export function* scanFrom(text: string, from: number, line: number, stop?: (offset: number) => boolean): Sliced<{ blocks: BibBlock[]; stoppedAt?: number }> {
  const out: BibBlock[] = [];
  let counted = from; // newlines before `counted` are in `line`
  let paused = from;
  let i = from;
  for (;;) {
    if (i - paused >= STEP_CHARS) {
      paused = i;
      yield;
    }
    if (stop?.(i)) return { blocks: out, stoppedAt: i };
    const at = text.indexOf('@', i);
    if (at < 0) break;
    for (let n = text.indexOf('\n', counted); n >= 0 && n < at; n = text.indexOf('\n', n + 1)) line++;
    counted = at;
    TYPE.lastIndex = at + 1;
    const type = TYPE.exec(text)?.[0];
    if (type === undefined) {
      i = at + 1;
      continue;
    }
    SPACE.lastIndex = TYPE.lastIndex;
    SPACE.exec(text);
    const open = SPACE.lastIndex;
    const delimiter = text[open];
    if (delimiter !== '{' && delimiter !== '(') {
      // Not a block ("@" in an e-mail address, or BibTeX's @comment without braces): BibTeX skips it.
      i = TYPE.lastIndex;
      continue;
    }
    SPACE.lastIndex = open + 1;
    SPACE.exec(text);
    KEY.lastIndex = SPACE.lastIndex;
    const key = KEY.exec(text)?.[0] ?? '';
    const end = delimiter === '{' ? braceEnd(text, open) : parenEnd(text, open);
    out.push({ type: type.toLowerCase(), key, start: at, end: end ?? text.length, line, closed: end !== undefined });
    if (end === undefined) break;
    i = end;
  }
  return { blocks: out };
}

/** Just after the `}` that balances the `{` at `open`, or undefined. */
function braceEnd(text: string, open: number): number | undefined {
  // A loop over character codes: a regex match per brace allocates, and large libraries have millions of braces.
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE && --depth === 0) return i + 1;
  }
  return undefined;
}

/** Just after the `)` that closes the `(` at `open` (at brace depth 0, outside quotes), or undefined. */
function parenEnd(text: string, open: number): number | undefined {
  let depth = 0;
  let quoted = false;
  PAREN_BODY.lastIndex = open + 1;
  for (let m = PAREN_BODY.exec(text); m; m = PAREN_BODY.exec(text)) {
    const c = m[0];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '"' && depth === 0) quoted = !quoted;
    else if (c === ')' && depth === 0 && !quoted) return m.index + 1;
  }
  return undefined;
}

/** Why appending to a .bib file would not be safe, and where. */
export interface BibProblem {
  /** 1-based line of the block at fault. */
  line: number;
  reason: string;
}

/**
 * What in a list of blocks would swallow an entry appended after them: a
 * block (an entry, @string, @preamble or @comment) that never closes, so
 * that BibTeX reads everything after it, an appended entry included, as
 * part of it. Undefined when appending is safe.
 *
 * @example
 * problemOf(runNow(scanBlocks('@string{k = "v"\n'))) // => { line: 1, reason: 'the @string "k" that starts on line 1 never closes (its braces do not balance)' }
 */
export function problemOf(blocks: readonly BibBlock[]): BibProblem | undefined {
  const open = blocks[blocks.length - 1];
  if (!open || open.closed) return undefined;
  const special = SPECIAL_TYPES.has(open.type);
  const what = special || open.key === '' ? `the @${open.type}${open.key === '' ? '' : ` "${open.key}"`}` : `the entry "${open.key}"`;
  return { line: open.line, reason: `${what} that starts on line ${open.line} never closes (its braces do not balance)` };
}

/**
 * The entries of a .bib text (not @string, @preamble or @comment), at once.
 *
 * @example
 * bibEntries('@string{x = "y"}\n@misc{a, title = {A}}').map((e) => e.key) // => ['a']
 */
export function bibEntries(text: string): BibBlock[] {
  return runNow(scanBlocks(text)).filter((b) => !SPECIAL_TYPES.has(b.type));
}

/**
 * Why appending to a .bib text would not be safe, at once; undefined when it is.
 *
 * @example
 * bibProblem('@misc{a,\n  title = {A\n}\n') // => { line: 1, reason: 'the entry "a" that starts on line 1 never closes (its braces do not balance)' }
 */
export function bibProblem(text: string): BibProblem | undefined {
  return problemOf(runNow(scanBlocks(text)));
}
