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
  const { body, chrome } = stripHeaderChrome(toLines(text));
  const content = body.filter((l) => l.text.trim() !== '' && !isChrome(l.text));
  if (content.length === 0) {
    throw new SeedParseError(file, 1, chrome.length > 0 ? 'file holds page chrome but no records' : 'file is empty');
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
