import { alternating } from './formats/alternating';
import { bareAbstracts } from './formats/bareAbstracts';
import { blankSeparated } from './formats/blankSeparated';
import { dailyPapers } from './formats/dailyPapers';
import type { FormatParser } from './formats/parser';
import { profileList } from './formats/profileList';
import { toLines } from './lines';
import { isChrome, stripHeaderChrome } from './shapes';
import { type Line, type SeedFormat, type SeedRecord, SeedParseError } from './types';

/** Tried in order: the more specific shapes first, the generic listings last. */
const PARSERS: readonly FormatParser[] = [bareAbstracts, profileList, dailyPapers, blankSeparated, alternating];

export interface ParsedSeedFile {
  file: string;
  format: SeedFormat;
  /** Why the content was recognised as that format. */
  evidence: string;
  records: SeedRecord[];
  /** Page chrome lines that were recognised and skipped. */
  chrome: Line[];
}

/**
 * Reads one seed file. The format is recognised from the content, never from
 * the file name. Throws SeedParseError (`file:line: reason`) on anything it
 * cannot read; it never drops a record silently.
 *
 * @example
 * parseSeedFile('x.txt', 'Abstract:We present Foo, a model. It is fast and it works on many tasks well enough for everyone.')
 */
export function parseSeedFile(file: string, text: string): ParsedSeedFile {
  const lines = toLines(text);
  for (const l of lines) checkLine(l, file);
  const { body, chrome } = stripHeaderChrome(lines);
  const content = body.filter((l) => l.text.trim() !== '' && !isChrome(l.text));
  if (content.length === 0) {
    const what = chrome.length > 0 ? 'file holds page chrome but no records' : text.trim() === '' && text.replace(/^\uFEFF/, '') !== '' ? 'file holds only blank lines' : 'file is empty';
    throw new SeedParseError(file, 1, what);
  }
  for (const p of PARSERS) {
    const evidence = p.detect(body, content);
    if (evidence === undefined) continue;
    const records = p.parse(body, file);
    for (const l of body) if (l.text.trim() !== '' && isChrome(l.text)) chrome.push(l);
    return { file, format: p.format, evidence, records, chrome };
  }
  const first = content[0] as Line;
  throw new SeedParseError(
    file,
    first.n,
    'unknown format: no abstracts, "Abstract:" lines, category+date lines or "·" metadata blocks found',
  );
}

/**
 * Longest line a seed may hold. The longest in the real seeds is about 2,000
 * characters (an abstract); a line 10 times that is a page saved without its
 * line breaks, or not a listing at all, and is refused before any parser
 * looks at it, so a huge line costs one length check.
 */
export const MAX_LINE_LENGTH = 20_000;

/**
 * Characters no listing holds: control characters other than tab (a binary
 * file, or a NUL-padded download), and U+FFFD, which means an earlier step
 * already replaced bytes it could not decode, so the text is damaged.
 */
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]/;

/** Stops the build at a line that is absurdly long or holds characters text never does. */
function checkLine(l: Line, file: string): void {
  if (l.text.length > MAX_LINE_LENGTH) {
    throw new SeedParseError(
      file,
      l.n,
      `line is ${l.text.length} characters long, more than the ${MAX_LINE_LENGTH} a title or abstract line may have; is this a page saved without line breaks?`,
    );
  }
  const m = FORBIDDEN.exec(l.text);
  if (m) {
    const code = `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const why = m[0] === '\ufffd' ? 'a replacement character: the text was damaged by a wrong encoding before it was saved' : 'a control character; is this a binary file?';
    throw new SeedParseError(file, l.n, `column ${m.index + 1} holds ${code}, ${why}`);
  }
}
