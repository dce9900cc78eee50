import type { Author, Paper, PaperSource } from '../../schema/corpus';
import { SOURCE_ROLES } from '../corpus/fields';
import { SEED_FORMATS } from '../corpus/seedFormats';
import { FormatError, ID, OPTIONAL_CHECKS, OPTIONAL_KEYS, type OptionalKey, YEARS, expectBoolean, expectInt, expectList, expectNumber, expectString, expectText } from './fieldChecks';
import type { PaperRecord } from './format';

/**
 * The catalog's paper tuples, written by the build and read back, checked,
 * by the loader. A paper comes in two parts: its head (`papers-NNN.json`),
 * what search and the first lists need, read before search is ready; and
 * its facts (`facts-NNN.json`), everything else the catalog knows of it,
 * read right after. At 100,000 papers the facts (six authors a paper, the
 * sources, dates, ids and keys) are two thirds of the catalog, and most of
 * the objects a load makes.
 */

/**
 * A paper's head tuple: `[id, title, shortName or 0, year or 0]`.
 *
 * @example
 * encodeHead(hilo) // => ['fast-vision-…', 'Fast Vision Transformers with HiLo Attention', 'HiLo', 2022]
 */
export function encodeHead(p: Paper): unknown[] {
  return [p.id, p.title, p.shortName ?? 0, p.year ?? 0];
}

/**
 * A paper's facts tuple: `[authors, authorsTruncated, sources, optional,
 * citationKey?]`. An author "Given Family" with those parts is
 * `[given, family]`, a bare name is a string, anything else its object; a
 * source is `[file index, line, format index, role index, match?]`;
 * `optional` holds the optional fields that are set (but the short name,
 * which is in the head), or 0; the citation key is the paper's key under the
 * default formula, computed by the build over the whole corpus, so the
 * extension never has to.
 *
 * @example
 * encodeFacts(hilo, ['000_332d00c4af8a5a2c.txt'], 'pan2022fast')
 * // => [[['Zizheng', 'Pan'], …], 0, [[0, 1, 0, 0]], { date: … }, 'pan2022fast']
 */
export function encodeFacts(p: Paper, sourceFiles: readonly string[], citationKey?: string): unknown[] {
  const optional: Record<string, unknown> = {};
  for (const k of OPTIONAL_KEYS) if (k !== 'shortName' && p[k] !== undefined) optional[k] = p[k];
  const tuple: unknown[] = [
    p.authors.map(encodeAuthor),
    p.authorsTruncated ? 1 : 0,
    p.sources.map((s) => {
      const file = sourceFiles.indexOf(s.file);
      if (file < 0) throw new Error(`source file ${s.file} is not listed`);
      const out: unknown[] = [file, s.line, SEED_FORMATS.indexOf(s.format), SOURCE_ROLES.indexOf(s.role)];
      if (s.match !== undefined) out.push(s.match);
      return out;
    }),
    Object.keys(optional).length > 0 ? optional : 0,
  ];
  if (citationKey !== undefined) tuple.push(citationKey);
  return tuple;
}

/** An author as the catalog stores it: a bare name, `[given, family]`, or the object. */
function encodeAuthor(a: Author): unknown {
  const keys = Object.keys(a);
  if (keys.length === 1) return a.name;
  if (keys.length === 3 && a.given !== undefined && a.family !== undefined && a.name === `${a.given} ${a.family}`) return [a.given, a.family];
  return a;
}

/**
 * The paper record of a head tuple: id, title, short name and year, with
 * no authors, sources or lead yet ({@link applyFacts} and the leads file
 * fill them in). Checks the types of what it reads; the build validated
 * every paper against the full schema before writing it.
 *
 * @example
 * decodeHead(encodeHead(hilo)) // => { id, title, shortName: 'HiLo', authors: [], authorsTruncated: false, year: 2022, sources: [], lead: '' }
 */
export function decodeHead(t: unknown): PaperRecord {
  const [id, title, shortName, year] = expectList(t, 'a paper');
  const paperId = expectString(id, 'a paper id');
  if (!ID.test(paperId)) throw new FormatError(`"${paperId.slice(0, 80)}" is not a paper id`);
  // In the schema's key order, as the full paper has them.
  const out: Record<string, unknown> = { id: paperId, title: expectText(title, 'a title') };
  if (shortName !== 0) out['shortName'] = OPTIONAL_CHECKS.shortName(shortName);
  out['authors'] = [];
  out['authorsTruncated'] = false;
  if (year !== 0) out['year'] = expectInt(year, 'a year', ...YEARS);
  out['sources'] = [];
  out['lead'] = '';
  return out as PaperRecord;
}

/**
 * Fills a paper record in with its facts tuple: authors, sources, the
 * optional fields and the citation key, each checked.
 *
 * @example
 * const record = decodeHead(encodeHead(hilo));
 * applyFacts(record, encodeFacts(hilo, files, 'pan2022fast'), files); // record.authors[0].name => 'Zizheng Pan'
 */
export function applyFacts(record: PaperRecord, t: unknown, sourceFiles: readonly string[]): void {
  const [authors, truncated, sources, optional, citationKey] = expectList(t, 'a paper\'s facts');
  const opt: Partial<Record<OptionalKey, unknown>> = optional === 0 ? {} : (optional as Record<string, unknown>);
  if (typeof opt !== 'object' || opt === null) throw new FormatError('optional fields are not an object');
  for (const k of Object.keys(opt)) if (k === 'shortName' || !(OPTIONAL_KEYS as readonly string[]).includes(k)) throw new FormatError(`a paper has an unknown field "${k}"`);
  if (truncated !== 0 && truncated !== 1) throw new FormatError('"authors truncated" is not 0 or 1');
  const decodedAuthors = expectList(authors, 'an author list').map(decodeAuthor);
  const decodedSources = expectList(sources, 'a source list').map((s): PaperSource => {
    const [file, line, format, role, match] = expectList(s, 'a source');
    const src: PaperSource = {
      file: expectString(sourceFiles[expectNumber(file, 'a source file')], 'a source file'),
      line: expectInt(line, 'a source line', 1),
      format: SEED_FORMATS[expectNumber(format, 'a source format')] as PaperSource['format'],
      role: SOURCE_ROLES[expectNumber(role, 'a source role')] as PaperSource['role'],
    };
    if (src.format === undefined || src.role === undefined) throw new FormatError('a source has an unknown format or role');
    if (match !== undefined) src.match = expectString(match, 'a source match');
    return src;
  });
  const fields: Record<string, unknown> = {};
  for (const k of OPTIONAL_KEYS) if (opt[k] !== undefined) fields[k] = OPTIONAL_CHECKS[k](opt[k]);
  if (citationKey !== undefined && !/^[a-z0-9]+$/.test(expectString(citationKey, 'a citation key'))) throw new FormatError('a citation key is malformed');
  // Checked in full before anything is set: a malformed tuple leaves the record as it was.
  const out = record as Record<string, unknown>;
  out['authors'] = decodedAuthors;
  out['authorsTruncated'] = truncated === 1;
  out['sources'] = decodedSources;
  Object.assign(out, fields);
  if (citationKey !== undefined) out['citationKey'] = citationKey;
}

/** An author back from the catalog, checked. */
function decodeAuthor(a: unknown): Author {
  if (typeof a === 'string') return { name: expectText(a, 'an author') };
  if (Array.isArray(a)) {
    const given = expectText(a[0], 'a given name');
    const family = expectText(a[1], 'a family name');
    const name = `${given} ${family}`;
    // V8 keeps a joined string as pointers to its parts (and "Given " as a string of its own) until it is
    // read; reading it once makes it one flat string: about 26 bytes less an author, 20 MB at 100,000 papers.
    void name.charCodeAt(0);
    return { name, given, family };
  }
  if (typeof a === 'object' && a !== null) {
    const o = a as Record<string, unknown>;
    const out: Author = { name: expectText(o['name'], 'an author') };
    for (const k of Object.keys(o)) if (!['name', 'given', 'family', 'organization'].includes(k)) throw new FormatError(`an author has an unknown field "${k}"`);
    if (o['given'] !== undefined) out.given = expectText(o['given'], 'a given name');
    if (o['family'] !== undefined) out.family = expectText(o['family'], 'a family name');
    if (o['organization'] !== undefined) out.organization = expectBoolean(o['organization'], 'an organisation flag');
    return out;
  }
  throw new FormatError('an author is malformed');
}

/**
 * Every source file the papers name, sorted: the index the catalog refers to.
 *
 * @example
 * sourceFilesOf(corpus.papers) // => ['000_332d00c4af8a5a2c.txt', '001_…', …]
 */
export function sourceFilesOf(papers: readonly Paper[]): string[] {
  return [...new Set(papers.flatMap((p) => p.sources.map((s) => s.file)))].sort();
}
