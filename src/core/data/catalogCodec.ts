import type { Author, Paper, PaperSource } from '../../schema/corpus';
import { SOURCE_ROLES } from '../corpus/fields';
import { SEED_FORMATS } from '../corpus/seedFormats';
import { FormatError, ID, OPTIONAL_CHECKS, OPTIONAL_KEYS, type OptionalKey, YEARS, expectBoolean, expectInt, expectList, expectNumber, expectString, expectText } from './fieldChecks';
import type { PaperRecord } from './format';

/**
 * The catalog's paper tuples (`papers-NNN.json`): a paper without its long
 * texts, written by the build and read back, checked, by the loader.
 */

/**
 * A paper's catalog tuple:
 * `[id, title, authors, authorsTruncated, year, sources, optional]`.
 * An author "Given Family" with those parts is `[given, family]`, a bare
 * name is a string, anything else its object; a source is
 * `[file index, line, format index, role index, match?]`; `optional` holds
 * the optional fields that are set, or 0.
 *
 * @example
 * encodePaper(paper, ['000_332d00c4af8a5a2c.txt'])
 * // => ['fast-vision-…', 'Fast Vision Transformers with HiLo Attention', [['Zizheng', 'Pan'], …], 0, 2022, [[0, 1, 0, 0]], { shortName: …, date: … }]
 */
export function encodePaper(p: Paper, sourceFiles: readonly string[], citationKey?: string): unknown[] {
  const optional: Record<string, unknown> = {};
  for (const k of OPTIONAL_KEYS) if (p[k] !== undefined) optional[k] = p[k];
  const tuple = [
    p.id,
    p.title,
    p.authors.map(encodeAuthor),
    p.authorsTruncated ? 1 : 0,
    p.year ?? 0,
    p.sources.map((s) => {
      const file = sourceFiles.indexOf(s.file);
      if (file < 0) throw new Error(`source file ${s.file} is not listed`);
      const out: unknown[] = [file, s.line, SEED_FORMATS.indexOf(s.format), SOURCE_ROLES.indexOf(s.role)];
      if (s.match !== undefined) out.push(s.match);
      return out;
    }),
    Object.keys(optional).length > 0 ? optional : 0,
  ];
  // The default citation key, computed by the build over the whole corpus, so the extension never has to.
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
 * The paper record of a catalog tuple, with the keys in the schema's order
 * and an empty lead, which the leads file fills in. Checks the types of
 * what it reads; the build validated every paper against the full schema
 * before writing it.
 *
 * @example
 * decodePaper(encodePaper(paper, files), files) // => { id, title, …, sources, lead: '' }
 */
export function decodePaper(t: unknown, sourceFiles: readonly string[]): PaperRecord {
  const [id, title, authors, truncated, year, sources, optional, citationKey] = expectList(t, 'a paper');
  const opt: Partial<Record<OptionalKey, unknown>> = optional === 0 ? {} : (optional as Record<string, unknown>);
  if (typeof opt !== 'object' || opt === null) throw new FormatError('optional fields are not an object');
  // Built in the schema's key order, as the full paper has them.
  const paperId = expectString(id, 'a paper id');
  if (!ID.test(paperId)) throw new FormatError(`"${paperId.slice(0, 80)}" is not a paper id`);
  for (const k of Object.keys(opt)) if (!(OPTIONAL_KEYS as readonly string[]).includes(k)) throw new FormatError(`a paper has an unknown field "${k}"`);
  const checked = (k: OptionalKey): void => {
    if (opt[k] !== undefined) out[k] = OPTIONAL_CHECKS[k](opt[k]);
  };
  const out: Record<string, unknown> = { id: paperId, title: expectText(title, 'a title') };
  checked('shortName');
  out['authors'] = expectList(authors, 'an author list').map(decodeAuthor);
  if (truncated !== 0 && truncated !== 1) throw new FormatError('"authors truncated" is not 0 or 1');
  out['authorsTruncated'] = truncated === 1;
  for (const k of ['authorCount', 'organization', 'affiliations', 'date'] as const) checked(k);
  if (year !== 0) out['year'] = expectInt(year, 'a year', ...YEARS);
  for (const k of ['category', 'arxiv', 'doi', 'venue', 'laterTitles', 'formerKeys', 'codeFlag', 'codeUrl', 'upvotes', 'metadataNote'] as const) checked(k);
  out['sources'] = expectList(sources, 'a source list').map((s): PaperSource => {
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
  out['lead'] = '';
  if (citationKey !== undefined) {
    if (!/^[a-z0-9]+$/.test(expectString(citationKey, 'a citation key'))) throw new FormatError('a citation key is malformed');
    out['citationKey'] = citationKey;
  }
  return out as PaperRecord;
}

/** An author back from the catalog, checked. */
function decodeAuthor(a: unknown): Author {
  if (typeof a === 'string') return { name: expectText(a, 'an author') };
  if (Array.isArray(a)) {
    const given = expectText(a[0], 'a given name');
    const family = expectText(a[1], 'a family name');
    return { name: `${given} ${family}`, given, family };
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
