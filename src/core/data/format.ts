import { fnv1a } from '../util/hash';
import { snippet } from '../corpus/display';
import type { Technique, TechniquePaper } from '../../schema/lexicon';
import type { Author, FileReport, Paper, PaperMeta, PaperSource } from '../../schema/corpus';
import { ARXIV_ID, PAPER_FIELDS, SOURCE_ROLES } from '../corpus/fields';
import { SEED_FORMATS } from '../corpus/seedFormats';

/**
 * The shipped data files (DATA_VERSION 2). The corpus is split so that search is
 * ready after reading only what search and lists need:
 *
 * - `manifest.json`: the build id, the paper count, the list of chunk files
 *   and the seed-file reports.
 * - `papers-NNN.json`: the catalog, {@link CATALOG_CHUNK} papers per file,
 *   each paper a compact tuple without its abstract.
 * - `leads-NNN.json`: each paper's first sentence or so (`lead`), for lists
 *   and hovers, in the same chunks as the catalog; read after search is
 *   ready, with the lexicon and the abstract index.
 * - `search-names.json`, `search-abstracts.json`: the index shards, whose
 *   terms and postings are in part files of about a megabyte each.
 * - `techniques-NNN.json`: the technique lexicon, {@link TECHNIQUE_CHUNK}
 *   techniques per file, each listing its papers by catalog position.
 * - `details-NNN.json`: abstracts and raw texts, {@link DETAILS_CHUNK}
 *   papers per file, read when a paper's details or abstract are needed.
 *
 * Every file carries the build id, so files from two builds never mix.
 */

/** Papers per catalog file: each parses in a few milliseconds. */
export const CATALOG_CHUNK = 2000;
/** Papers per details file, read on demand. */
export const DETAILS_CHUNK = 500;
/** Techniques per lexicon file. */
export const TECHNIQUE_CHUNK = 2000;
/** Characters of the abstract kept in the catalog (the display snippets are at most this long). */
export const LEAD_LENGTH = 200;

/** A paper as lists, hovers, ranking and citation keys see it: no long texts, plus its lead. */
export type PaperRecord = PaperMeta & {
  /** The abstract's first sentence or so, at most {@link LEAD_LENGTH} characters; "" when there is no abstract. */
  lead: string;
};


export interface Manifest {
  kind: 'paperlens-data';
  version: number;
  /** Hash of every data file's content: each file names it, and all must agree. */
  build: string;
  paperCount: number;
  catalog: string[];
  leads: string[];
  details: string[];
  searchNames: string;
  searchAbstracts: string;
  techniques: string[];
  /** Seed files the sources name, by index. */
  sourceFiles: string[];
  /** The reconciliation report of each seed file. */
  files: FileReport[];
  /** FNV-1a of each other data file's text, checked as the file is read: a damaged byte is caught. */
  checksums: Record<string, string>;
  /** FNV-1a of this manifest's JSON without `check`. */
  check: string;
}

export interface CatalogChunk {
  kind: 'paperlens-papers';
  build: string;
  first: number;
  papers: unknown[];
}

export interface TechniquesChunk {
  kind: 'paperlens-techniques';
  build: string;
  version: number;
  first: number;
  /** Techniques as in the lexicon, with `papers` as flat triples (catalog position, flags, mentions); see {@link encodeTechnique}. */
  techniques: unknown[];
}

export interface LeadsChunk {
  kind: 'paperlens-leads';
  build: string;
  first: number;
  leads: string[];
}

export interface DetailsChunk {
  kind: 'paperlens-details';
  build: string;
  first: number;
  details: unknown[];
}

/**
 * The names of the files that hold `count` things, `size` per file.
 *
 * @example
 * chunkNames('papers', 4500, 2000) // => ['papers-000.json', 'papers-001.json', 'papers-002.json']
 */
export function chunkNames(prefix: string, count: number, size: number): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(count / size)) }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}.json`);
}

/** Optional fields of a paper, stored by name when present. */
const OPTIONAL_KEYS = ['shortName', 'authorCount', 'organization', 'affiliations', 'date', 'category', 'arxiv', 'doi', 'venue', 'laterTitles', 'formerKeys', 'codeFlag', 'codeUrl', 'upvotes', 'metadataNote'] as const;
const ROLES = SOURCE_ROLES;
const FORMATS = SEED_FORMATS;

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
export function encodePaper(p: Paper, sourceFiles: readonly string[]): unknown[] {
  const optional: Record<string, unknown> = {};
  for (const k of OPTIONAL_KEYS) if (p[k] !== undefined) optional[k] = p[k];
  return [
    p.id,
    p.title,
    p.authors.map(encodeAuthor),
    p.authorsTruncated ? 1 : 0,
    p.year ?? 0,
    p.sources.map((s) => {
      const file = sourceFiles.indexOf(s.file);
      if (file < 0) throw new Error(`source file ${s.file} is not listed`);
      const out: unknown[] = [file, s.line, FORMATS.indexOf(s.format), ROLES.indexOf(s.role)];
      if (s.match !== undefined) out.push(s.match);
      return out;
    }),
    Object.keys(optional).length > 0 ? optional : 0,
  ];
}

function encodeAuthor(a: Author): unknown {
  const keys = Object.keys(a);
  if (keys.length === 1) return a.name;
  if (keys.length === 3 && a.given !== undefined && a.family !== undefined && a.name === `${a.given} ${a.family}`) return [a.given, a.family];
  return a;
}

/**
 * The manifest's own checksum: FNV-1a of its JSON without `check`, keys in
 * the order they were written (JSON.parse keeps it).
 *
 * @example
 * manifestCheck(JSON.parse(text)) === JSON.parse(text).check // true for an undamaged manifest
 */
export function manifestCheck(manifest: object): string {
  const { check: _check, ...rest } = manifest as { check?: unknown };
  return fnv1a(JSON.stringify(rest));
}

/** A malformed record in a data file. */
export class FormatError extends Error {}

const str = (x: unknown, what: string): string => {
  if (typeof x !== 'string') throw new FormatError(`${what} is not text`);
  return x;
};
const num = (x: unknown, what: string): number => {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new FormatError(`${what} is not a number`);
  return x;
};
const arr = (x: unknown, what: string): unknown[] => {
  if (!Array.isArray(x)) throw new FormatError(`${what} is not a list`);
  return x;
};
/** A whole number in [min, max]: a year of 1e308 or a line of -1 never reaches a citation or a view. */
const int = (x: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number => {
  if (!Number.isInteger(x) || (x as number) < min || (x as number) > max) throw new FormatError(`${what} is not a whole number from ${min} to ${max}`);
  return x as number;
};
const text = (x: unknown, what: string): string => {
  if (str(x, what) === '') throw new FormatError(`${what} is empty`);
  return x as string;
};
const bool = (x: unknown, what: string): boolean => {
  if (typeof x !== 'boolean') throw new FormatError(`${what} is not true or false`);
  return x;
};
const webUrl = (x: unknown, what: string): string => {
  if (!/^https?:\/\/[^\s]+$/.test(str(x, what))) throw new FormatError(`${what} is not a web address`);
  return x as string;
};
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CATEGORY = /^[a-z]+\.[A-Z]{2,4}$/;
/** The range of years the schema allows. */
const YEARS = [1900, 2100] as const;

/** The optional fields of a catalog tuple, each checked as the schema would. */
const OPTIONAL_CHECKS: Record<(typeof OPTIONAL_KEYS)[number], (x: unknown) => unknown> = {
  shortName: (x) => text(x, 'a short name'),
  authorCount: (x) => int(x, 'an author count', 1),
  organization: (x) => text(x, 'an organisation'),
  affiliations: (x) => arr(x, 'affiliations').map((a) => text(a, 'an affiliation')),
  date: (x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new FormatError('a date is not an object');
    const d = x as Record<string, unknown>;
    for (const k of Object.keys(d)) if (!['year', 'month', 'day'].includes(k)) throw new FormatError(`a date has an unknown part "${k}"`);
    if (d['year'] !== undefined) int(d['year'], 'a date\'s year', ...YEARS);
    if (d['month'] !== undefined) int(d['month'], 'a date\'s month', 1, 12);
    if (d['day'] !== undefined) int(d['day'], 'a date\'s day', 1, 31);
    return d;
  },
  category: (x) => {
    if (!CATEGORY.test(str(x, 'a category'))) throw new FormatError('a category is not an arXiv category');
    return x;
  },
  arxiv: (x) => {
    if (!ARXIV_ID.test(str(x, 'an arXiv id'))) throw new FormatError('an arXiv id is malformed');
    return x;
  },
  doi: (x) => {
    if (!/^10\.\d{4,9}\/\S+$/.test(str(x, 'a DOI'))) throw new FormatError('a DOI is malformed');
    return x;
  },
  venue: (x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new FormatError('a venue is not an object');
    const v = x as Record<string, unknown>;
    for (const k of Object.keys(v)) if (!['type', 'name', 'short', 'year'].includes(k)) throw new FormatError(`a venue has an unknown part "${k}"`);
    if (v['type'] !== 'conference' && v['type'] !== 'journal') throw new FormatError('a venue is neither a conference nor a journal');
    text(v['name'], "a venue's name");
    if (v['short'] !== undefined) text(v['short'], "a venue's short name");
    if (v['year'] !== undefined) int(v['year'], "a venue's year", 1950, 2100);
    return v;
  },
  laterTitles: (x) => arr(x, 'later titles').map((t) => text(t, 'a later title')),
  formerKeys: (x) =>
    arr(x, 'former keys').map((k) => {
      if (!/^[a-z0-9]+$/.test(str(k, 'a former key'))) throw new FormatError('a former key is malformed');
      return k;
    }),
  codeFlag: (x) => bool(x, 'a code flag'),
  codeUrl: (x) => webUrl(x, 'a code link'),
  upvotes: (x) => int(x, 'an upvote count', 0),
  metadataNote: (x) => str(x, 'a metadata note'),
};

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
  const [id, title, authors, truncated, year, sources, optional] = arr(t, 'a paper');
  const opt: Partial<Record<(typeof OPTIONAL_KEYS)[number], unknown>> = optional === 0 ? {} : (optional as Record<string, unknown>);
  if (typeof opt !== 'object' || opt === null) throw new FormatError('optional fields are not an object');
  // Built in the schema's key order, as the full paper has them.
  const paperId = str(id, 'a paper id');
  if (!ID.test(paperId)) throw new FormatError(`"${paperId.slice(0, 80)}" is not a paper id`);
  for (const k of Object.keys(opt)) if (!(OPTIONAL_KEYS as readonly string[]).includes(k)) throw new FormatError(`a paper has an unknown field "${k}"`);
  const checked = (k: (typeof OPTIONAL_KEYS)[number]): void => {
    if (opt[k] !== undefined) out[k] = OPTIONAL_CHECKS[k](opt[k]);
  };
  const out: Record<string, unknown> = { id: paperId, title: text(title, 'a title') };
  checked('shortName');
  out['authors'] = arr(authors, 'an author list').map(decodeAuthor);
  if (truncated !== 0 && truncated !== 1) throw new FormatError('"authors truncated" is not 0 or 1');
  out['authorsTruncated'] = truncated === 1;
  for (const k of ['authorCount', 'organization', 'affiliations', 'date'] as const) checked(k);
  if (year !== 0) out['year'] = int(year, 'a year', ...YEARS);
  for (const k of ['category', 'arxiv', 'doi', 'venue', 'laterTitles', 'formerKeys', 'codeFlag', 'codeUrl', 'upvotes', 'metadataNote'] as const) checked(k);
  out['sources'] = arr(sources, 'a source list').map((s): PaperSource => {
    const [file, line, format, role, match] = arr(s, 'a source');
    const src: PaperSource = {
      file: str(sourceFiles[num(file, 'a source file')], 'a source file'),
      line: int(line, 'a source line', 1),
      format: FORMATS[num(format, 'a source format')] as PaperSource['format'],
      role: ROLES[num(role, 'a source role')] as PaperSource['role'],
    };
    if (src.format === undefined || src.role === undefined) throw new FormatError('a source has an unknown format or role');
    if (match !== undefined) src.match = str(match, 'a source match');
    return src;
  });
  out['lead'] = '';
  return out as PaperRecord;
}

function decodeAuthor(a: unknown): Author {
  if (typeof a === 'string') return { name: text(a, 'an author') };
  if (Array.isArray(a)) {
    const given = text(a[0], 'a given name');
    const family = text(a[1], 'a family name');
    return { name: `${given} ${family}`, given, family };
  }
  if (typeof a === 'object' && a !== null) {
    const o = a as Record<string, unknown>;
    const out: Author = { name: text(o['name'], 'an author') };
    for (const k of Object.keys(o)) if (!['name', 'given', 'family', 'organization'].includes(k)) throw new FormatError(`an author has an unknown field "${k}"`);
    if (o['given'] !== undefined) out.given = text(o['given'], 'a given name');
    if (o['family'] !== undefined) out.family = text(o['family'], 'a family name');
    if (o['organization'] !== undefined) out.organization = bool(o['organization'], 'an organisation flag');
    return out;
  }
  throw new FormatError('an author is malformed');
}

/**
 * A paper's details tuple: `[titleRaw | 0, abstract, abstractRaw | 0,
 * abstractNote | 0, urls]`, where 0 means "the same as the title" or "the
 * same as the abstract" or "none".
 *
 * @example
 * encodeDetails(paper) // => [0, 'Vision Transformers (ViTs) have …', 0, 0, ['https://github.com/ziplab/LITv2']]
 */
export function encodeDetails(p: Paper): unknown[] {
  return [p.titleRaw === p.title ? 0 : p.titleRaw, p.abstract, p.abstractRaw === p.abstract ? 0 : p.abstractRaw, p.abstractNote ?? 0, p.urls, p.provenance ?? 0];
}

/** A paper's provenance record, checked as the schema would: fields to `{ via, urls, records? }`. */
function checkProvenance(x: unknown): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new FormatError('provenance is not an object');
  for (const [field, v] of Object.entries(x as Record<string, unknown>)) {
    const p = v as Record<string, unknown> | null;
    if (typeof p !== 'object' || p === null || !['primary', 'agreement', 'arxiv-id', 'seed'].includes(p['via'] as string)) throw new FormatError(`the provenance of ${field} is malformed`);
    arr(p['urls'], `the provenance of ${field}`).forEach((u) => webUrl(u, 'a provenance URL'));
    if (p['records'] !== undefined) arr(p['records'], `the provenance of ${field}`).forEach((r) => str(r, 'a seed record'));
  }
  return x as Record<string, unknown>;
}

/**
 * The full paper: its catalog record joined with its details tuple, keys in
 * the schema's order.
 *
 * @example
 * fullPaper(record, ['TransMLA: …', 'Abstract …', 0, 0, []]).abstract // => 'Abstract …'
 */
export function fullPaper(record: PaperRecord, t: unknown): Paper {
  const [titleRaw, abstract, abstractRaw, note, urls, provenance] = arr(t, 'paper details');
  const text = str(abstract, 'an abstract');
  const fields: Record<string, unknown> = {
    ...record,
    titleRaw: titleRaw === 0 ? record.title : str(titleRaw, 'a raw title'),
    abstract: text,
    abstractRaw: abstractRaw === 0 ? text : str(abstractRaw, 'a raw abstract'),
    urls: arr(urls, 'a URL list').map((u) => webUrl(u, 'a URL')),
  };
  if (note !== 0) fields['abstractNote'] = str(note, 'an abstract note');
  if (provenance !== 0 && provenance !== undefined) fields['provenance'] = checkProvenance(provenance);
  const out: Record<string, unknown> = {};
  for (const k of PAPER_FIELDS) if (fields[k] !== undefined) out[k] = fields[k];
  return out as Paper;
}

/** Every source file the papers name, sorted: the index the catalog refers to. */
export function sourceFilesOf(papers: readonly Paper[]): string[] {
  return [...new Set(papers.flatMap((p) => p.sources.map((s) => s.file)))].sort();
}

const INTRODUCES = 1;
const IN_TITLE = 2;

/**
 * A technique as shipped: its papers as one flat list of numbers, three per
 * paper (catalog position, 1 for introduces + 2 for in the title, mentions),
 * which parses without building an object per paper.
 *
 * @example
 * encodeTechnique(technique, indexOf).papers // => [12, 3, 4, 40, 0, 1, …]
 */
export function encodeTechnique(t: Technique, indexOf: ReadonlyMap<string, number>): unknown {
  return {
    ...t,
    papers: t.papers.flatMap((p) => {
      const i = indexOf.get(p.id);
      if (i === undefined) throw new Error(`technique ${t.id} names paper ${p.id}, which the corpus does not have`);
      return [i, (p.role === 'introduces' ? INTRODUCES : 0) | (p.inTitle ? IN_TITLE : 0), p.mentions];
    }),
  };
}

/**
 * A shipped technique back as the lexicon has it, its papers looked up in
 * the catalog. Checks the shape of what the matcher and the views read.
 *
 * @example
 * decodeTechnique(encodeTechnique(t, indexOf), papers) // deep-equals t
 */
export function decodeTechnique(json: unknown, papers: readonly PaperRecord[]): Technique {
  const t = json as Partial<Record<keyof Technique, unknown>> | null;
  const strings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (
    t === null ||
    typeof t !== 'object' ||
    typeof t.id !== 'string' ||
    typeof t.name !== 'string' ||
    !['name', 'acronym', 'phrase'].includes(t.kind as string) ||
    !strings(t.expansions) ||
    !strings(t.aliases) ||
    !strings(t.keys) ||
    !strings(t.singleTokenKeys) ||
    !Array.isArray(t.papers) ||
    t.papers.length === 0 ||
    t.papers.length % 3 !== 0
  ) {
    throw new FormatError(`technique ${JSON.stringify(t?.id ?? t?.name)} is malformed`);
  }
  if (!ID.test(t.id)) throw new FormatError(`"${t.id.slice(0, 80)}" is not a technique id`);
  if (t.name === '' || (t.keys as string[]).length === 0 || (t.keys as string[]).includes('')) throw new FormatError(`technique ${t.id} has no name or an empty key`);
  if (t.paperCount !== undefined) int(t.paperCount, `technique ${t.id}'s paper count`, 1);
  if (t.family !== undefined && t.family !== true) throw new FormatError(`technique ${t.id} has a malformed family flag`);
  if (t.guard !== undefined) {
    const g = t.guard as Partial<Record<'reason' | 'keys' | 'context', unknown>> | null;
    if (g === null || typeof g !== 'object' || typeof g.reason !== 'string' || !strings(g.keys) || !strings(g.context)) throw new FormatError(`technique ${t.id} has a malformed guard`);
  }
  if (t.meanings !== undefined) {
    for (const m of arr(t.meanings, `technique ${t.id}'s meanings`)) {
      const mm = m as Partial<Record<'expansion' | 'papers', unknown>> | null;
      if (mm === null || typeof mm !== 'object' || typeof mm.expansion !== 'string' || !strings(mm.papers)) throw new FormatError(`technique ${t.id} has a malformed meaning`);
    }
  }
  const flat = t.papers as unknown[];
  const list: TechniquePaper[] = [];
  for (let k = 0; k < flat.length; k += 3) {
    const paper = papers[int(flat[k], 'a paper position', 0)];
    if (!paper) throw new FormatError(`technique ${t.id} names paper ${String(flat[k])}, which the catalog does not have`);
    const flags = int(flat[k + 1], 'paper flags', 0, INTRODUCES | IN_TITLE);
    list.push({ id: paper.id, role: flags & INTRODUCES ? 'introduces' : 'mentions', mentions: int(flat[k + 2], 'mentions', 0), inTitle: (flags & IN_TITLE) !== 0 });
  }
  return { ...(t as Technique), papers: list };
}

/**
 * The lead of a paper: its abstract's first sentence or so, as lists show it.
 *
 * @example
 * leadOf(paper) // => 'Vision Transformers (ViTs) have triggered the most recent and significant breakthroughs in computer vision.'
 */
export const leadOf = (p: Paper): string => snippet(p.abstract, LEAD_LENGTH);
