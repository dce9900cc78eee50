/**
 * A user's CSL-JSON file (Zotero, Better BibTeX's "Better CSL JSON",
 * Pandoc, citation-js) → library entries. The top-level array is split into
 * its items in one linear, string-aware pass and each item is parsed on its
 * own, in slices: a broken item is a problem at its line, and the others
 * still load.
 */
import type { Author } from '../../schema/corpus';
import { arxivReferences } from '../corpus/arxiv';
import type { Sliced } from '../util/sliced';
import type { LibraryEntry, LibraryFile, LibraryProblem } from './entry';

/** How many items are parsed between points where the work may pause. */
const STEP_ITEMS = 200;

interface CslName {
  family?: unknown;
  given?: unknown;
  literal?: unknown;
  'non-dropping-particle'?: unknown;
  'dropping-particle'?: unknown;
  suffix?: unknown;
}

/**
 * Every item of a CSL-JSON text (an array of items, or one item), and every problem.
 *
 * @example
 * runNow(parseCslJson('[{"id": "pan2022", "type": "paper-conference", "title": "Fast ViTs", "issued": {"date-parts": [[2022, 5]]}}]', 'refs.json')).entries[0]
 * // => { key: 'pan2022', type: 'paper-conference', title: 'Fast ViTs', year: 2022, date: { year: 2022, month: 5 }, … }
 */
export function* parseCslJson(text: string, file: string): Sliced<LibraryFile> {
  const problems: LibraryProblem[] = [];
  const entries: LibraryEntry[] = [];
  const seen = new Map<string, number>();
  const items = splitItems(text);
  if ('error' in items) {
    problems.push({ file, line: items.line, reason: items.error, severity: 'error' });
    return { file, format: 'csl-json', entries, problems };
  }
  let n = 0;
  for (const { start, end, line } of items.spans) {
    if (++n % STEP_ITEMS === 0) yield;
    let item: unknown;
    try {
      item = JSON.parse(text.slice(start, end));
    } catch (e) {
      problems.push({ file, line, reason: `this item is not valid JSON (${(e as Error).message.replace(/\s*in JSON at position \d+.*$/, '')})`, severity: 'error' });
      continue;
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ file, line, reason: 'this item is not a JSON object', severity: 'error' });
      continue;
    }
    const r = toEntry(item as Record<string, unknown>, file, line);
    if (typeof r === 'string') {
      problems.push({ file, line, reason: r, severity: 'error' });
      continue;
    }
    const first = seen.get(r.key.toLowerCase());
    if (first !== undefined) {
      problems.push({ file, line, key: r.key, reason: `the id "${r.key}" is used again (first on line ${first}); this item is skipped`, severity: 'error' });
      continue;
    }
    seen.set(r.key.toLowerCase(), line);
    entries.push(r);
  }
  return { file, format: 'csl-json', entries, problems };
}

/** Where each top-level item is: the elements of the top-level array, or the one top-level object. */
function splitItems(text: string): { spans: { start: number; end: number; line: number }[] } | { error: string; line: number } {
  let i = 0;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  if (text[i] === '{') return { spans: [{ start: i, end: text.length, line: lineAt(text, i) }] };
  if (text[i] !== '[') return { error: 'is not CSL-JSON: it does not start with [ or {', line: lineAt(text, i) };
  const spans: { start: number; end: number; line: number }[] = [];
  let depth = 0;
  let start = -1;
  let line = 1;
  let startLine = 1;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '\n') line++;
    else if (c === '"') {
      // Strings: skip to the closing quote, honouring escapes.
      for (j++; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\') j++;
        else if (text[j] === '\n') line++;
      }
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth === 2 && start < 0) {
        start = j;
        startLine = line;
      }
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 1 && start >= 0) {
        spans.push({ start, end: j + 1, line: startLine });
        start = -1;
      }
      if (depth === 0) return { spans };
    } else if (depth === 1 && start < 0 && c !== ',' && !/\s/.test(c as string)) {
      spans.push({ start: j, end: j + 1, line });
    }
  }
  return start >= 0 ? { error: 'an item never closes (its brackets do not balance)', line: startLine } : { error: 'the top-level array never closes', line };
}

function lineAt(text: string, at: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : typeof x === 'number' ? String(x) : undefined);

function toEntry(item: Record<string, unknown>, file: string, line: number): LibraryEntry | string {
  // A citation key Zotero or Better BibTeX exports wins over the id (in a plain Zotero export, an item URI or number).
  const key = str(item['citation-key']) ?? str(item['citationKey']) ?? str(item['id']);
  if (key === undefined) return 'this item has no "id" or "citation-key", so it cannot be cited';
  const names = (Array.isArray(item['author']) ? item['author'] : Array.isArray(item['editor']) ? item['editor'] : []) as CslName[];
  const authors: Author[] = [];
  let truncated = false;
  for (const n of names) {
    const a = toAuthor(n);
    if (a === 'others') truncated = true;
    else if (a) authors.push(a);
  }
  const title = str(item['title']) ?? key;
  const out: LibraryEntry = { key, type: str(item['type']) ?? 'article', title: title.replace(/\s+/g, ' '), authors, authorsTruncated: truncated, file, line };
  const date = dateOf(item['issued']);
  if (date) {
    out.date = date;
    out.year = date.year;
  }
  const venue = str(item['container-title']) ?? str(item['event-title']) ?? str(item['event']);
  if (venue) out.venue = venue;
  const doi = str(item['DOI'])?.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  if (doi) out.doi = doi;
  const url = str(item['URL']);
  if (url) out.url = url;
  const archive = str(item['archive'])?.toLowerCase();
  const arxiv = archive === 'arxiv' ? str(item['number']) : undefined;
  const id = arxiv ?? arxivReferences(`${url ?? ''} ${str(item['note']) ?? ''}`)[0]?.id;
  if (id) out.arxiv = id.replace(/v\d+$/, '');
  const abstract = str(item['abstract']);
  if (abstract) out.abstract = abstract.replace(/\s+/g, ' ');
  return out;
}

function toAuthor(n: CslName): Author | 'others' | undefined {
  if (typeof n !== 'object' || n === null) return undefined;
  const literal = str(n.literal);
  if (literal !== undefined) return literal.toLowerCase() === 'others' ? 'others' : { name: literal, organization: true };
  const family = [str(n['non-dropping-particle']), str(n.family)].filter(Boolean).join(' ');
  const given = [str(n.given), str(n['dropping-particle'])].filter(Boolean).join(' ');
  if (family === '') return given === '' ? undefined : { name: given };
  const suffixed = str(n.suffix) ? `${family}, ${str(n.suffix)}` : family;
  return given === '' ? { name: suffixed, family: suffixed } : { name: `${given} ${suffixed}`, given, family: suffixed };
}

/** `{"date-parts": [[2022, 5, 26]]}`, `{"raw": "2022-05-26"}`, `{"literal": "2022"}`, or an EDTF string. */
function dateOf(issued: unknown): LibraryEntry['date'] {
  let parts: unknown[] | undefined;
  if (typeof issued === 'string') parts = issued.split(/[-/]/).slice(0, 3);
  else if (typeof issued === 'object' && issued !== null) {
    const d = issued as Record<string, unknown>;
    const dp = d['date-parts'];
    if (Array.isArray(dp) && Array.isArray(dp[0])) parts = dp[0] as unknown[];
    else if (typeof d['raw'] === 'string') parts = /(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(d['raw'])?.slice(1);
    else if (typeof d['literal'] === 'string') parts = /\d{4}/.exec(d['literal'])?.slice(0, 1);
  }
  const [y, m, day] = (parts ?? []).map((x) => Number(x));
  if (y === undefined || !Number.isInteger(y) || y < 1000 || y > 2999) return undefined;
  const out: NonNullable<LibraryEntry['date']> = { year: y };
  if (m !== undefined && m >= 1 && m <= 12) {
    out.month = m;
    if (day !== undefined && day >= 1 && day <= 31) out.day = day;
  }
  return out;
}
