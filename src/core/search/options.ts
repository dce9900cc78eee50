import type { Options, Query, SearchOptions } from 'minisearch';
import type { Paper } from '../../schema/corpus';
import { foldForSearch } from '../text/clean';

/**
 * The single source of truth for the search index: the same options object
 * builds the index at build time and loads it at run time. MiniSearch does
 * not serialise functions, so loading with different options would silently
 * tokenise queries differently from the index.
 */

/** What the index sees of a paper. Nothing is stored in the index; papers are looked up by id. */
export interface IndexedPaper {
  id: string;
  title: string;
  shortName: string;
  authors: string;
  abstract: string;
  year: string;
  techniques: string;
}

export function toIndexedPaper(p: Paper, techniques: readonly string[] = []): IndexedPaper {
  return {
    id: p.id,
    title: p.title,
    shortName: p.shortName ?? '',
    authors: [...p.authors.map((a) => a.name), p.organization ?? ''].join(', '),
    abstract: p.abstract,
    year: p.year === undefined ? '' : String(p.year),
    techniques: techniques.join(', '),
  };
}

/** Very common English words that carry no meaning in a query. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or of to in on for with by from at as is are was were be been being it its this that these those ' +
    'we our us via into than then so such which who whom whose what when where how can could may might will would ' +
    'do does did not no but if while about over under between through also both each other more most very'
  ).split(' '),
);

const SPLIT = /[\s\p{P}\p{S}]+/u;

/**
 * Splits on whitespace, punctuation and symbols, after folding ² → 2 and
 * è → e. A hyphenated name also yields its joined form, so "SN-Net" is found
 * as "snnet" as well as "sn" + "net", and does not drown in SNN papers.
 */
export function tokenize(text: string): string[] {
  // Indexed loops: this runs on every keystroke, mostly before the JIT has optimised it, where for-of costs an iterator.
  const out: string[] = [];
  const chunks = foldForSearch(text).split(/\s+/);
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c] as string;
    const parts = chunk.split(SPLIT);
    let n = 0;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] === '') continue;
      out.push(parts[i] as string);
      n++;
    }
    // (The empty parts join to nothing.)
    if (n >= 2 && n <= 4 && HYPHENATED.test(chunk.replace(EDGE_PUNCTUATION, ''))) {
      const joined = parts.join('');
      if (joined.length <= 24) out.push(joined);
    }
  }
  return out;
}

const HYPHENATED = /^[\p{L}\d]+(?:-[\p{L}\d]+)+$/u;
const EDGE_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;

/**
 * Extra index terms for a coined name: its CamelCase parts when every part
 * is at least two letters (TransMLA → trans, mla; SnapKV → snap, kv), and its
 * stem without a version suffix (LITv2 → lit, YOLOv12 → yolo). LLaVA and MoE
 * have one-letter parts and are kept whole.
 */
export function camelParts(token: string): string[] {
  // Most words are plain lowercase: no capitals to split at, no version to drop.
  if (LOWERCASE_WORD.test(token)) return [];
  const out: string[] = [];
  const base = token.replace(/(?:[vV]\d+(?:\.\d+)*|\d+)$/, '');
  if (base !== token && base.length >= 2) out.push(base.toLowerCase());
  const parts = base.match(/\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\d+/gu) ?? [];
  if (parts.length >= 2 && parts.join('') === base && parts.every((p) => p.length >= 2)) {
    out.push(...parts.filter((p) => !/^\d+$/.test(p)).map((p) => p.toLowerCase()));
  }
  return out;
}

const LOWERCASE_WORD = /^[a-z]+$/;

/** Index-time terms: the lowercase token, plus its coined-name parts. */
export function processIndexTerm(term: string): string | string[] | null {
  const lower = term.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  const parts = camelParts(term);
  return parts.length > 0 ? [lower, ...parts] : lower;
}

/** Query-time terms: lowercase, stop words dropped, no expansion. */
export function processQueryTerm(term: string): string | null {
  const lower = term.toLowerCase();
  return STOP_WORDS.has(lower) ? null : lower;
}

export const SEARCH_FIELDS = ['title', 'shortName', 'authors', 'abstract', 'year', 'techniques'] as const;


/**
 * Field boosts. A short name or a title word is worth far more than an
 * abstract word, and an author name more than a passing mention.
 */
export const FIELD_BOOSTS: Record<(typeof SEARCH_FIELDS)[number], number> = {
  shortName: 6,
  title: 3,
  techniques: 2,
  authors: 2.5,
  year: 1,
  abstract: 1,
};

/** Short fields where a prefix is a name being typed ("transm" → TransMLA). */
export const PREFIX_FIELDS: readonly string[] = ['title', 'shortName', 'authors', 'techniques'];
/** Long text, matched by whole words (and typos) only. */
export const WORD_FIELDS: readonly string[] = ['abstract', 'year'];

/** The fields of the index shard loaded first: everything short. */
export const NAME_FIELDS: readonly string[] = ['title', 'shortName', 'authors', 'techniques', 'year'];
/** The fields of the abstract shard, which loads after search is ready. */
export const ABSTRACT_FIELDS: readonly string[] = ['abstract'];

/** Typo tolerance: one edit per five characters, for terms of four or more. */
export const fuzzyFor = (term: string): number | false => (term.length >= 4 ? 0.2 : false);

/**
 * Whether a query term may be a prefix: the last term once it has three
 * characters (it is still being typed), earlier terms of four or more
 * (abbreviations such as "transf"). Short complete words ("he", "kv") match
 * exactly.
 */
export const isPrefix = (term: string, i: number, count: number): boolean => term.length >= (i === count - 1 ? 3 : 4);

export const QUERY_OPTIONS: SearchOptions = {
  boost: FIELD_BOOSTS,
  prefix: (term, i, terms) => isPrefix(term, i, terms.length),
  fuzzy: fuzzyFor,
  maxFuzzy: 2,
  combineWith: 'OR',
  processTerm: processQueryTerm,
  weights: { fuzzy: 0.4, prefix: 0.6 },
};

/** One way a query term is looked up: which fields, and whether as a prefix and with typos. */
export interface TermSpec {
  term: string;
  prefix: boolean;
  /** MiniSearch's fuzzy option: a fraction of the term's length, or false. */
  fuzzy: number | false;
  fields: readonly string[];
}

/**
 * How each already-processed query term is looked up. A prefix expands only
 * over the short fields: as a prefix of abstract words, "pan" would match
 * "panoramas" and "panoptic" and bury Zizheng Pan's papers under them. The
 * two lookups of a prefix term cover disjoint fields, so nothing is counted
 * twice.
 *
 * @example
 * termSpecs(['kv', 'cach']).map((s) => s.map((x) => [x.term, x.prefix]))
 * // => [[['kv', false]], [['cach', true], ['cach', false]]]
 */
export function termSpecs(terms: readonly string[]): TermSpec[][] {
  return terms.map((t, i) => termSpecsAt(t, isPrefix(t, i, terms.length)));
}

/** The lookups of one query term ({@link termSpecs}), a prefix or not. */
export function termSpecsAt(t: string, prefix: boolean): TermSpec[] {
  const fuzzy = fuzzyFor(t);
  if (!prefix) return [{ term: t, prefix: false, fuzzy, fields: SEARCH_FIELDS }];
  return [
    { term: t, prefix: true, fuzzy, fields: PREFIX_FIELDS },
    { term: t, prefix: false, fuzzy, fields: WORD_FIELDS },
  ];
}

/**
 * The same lookups as a MiniSearch query tree, for MiniSearch's own
 * search(): the tests compare PaperLens's executor with it (with typos
 * off: PaperLens ranks the corrections of a misspelt word its own way).
 *
 * @example
 * miniSearch.search(toQuery(['kv', 'cach'], { typos: false }))
 */
export function toQuery(terms: readonly string[], opts: { typos?: boolean } = {}): Query {
  const fuzzy = (s: TermSpec): number | false => (opts.typos === false ? false : s.fuzzy);
  return {
    combineWith: 'OR',
    queries: termSpecs(terms).flatMap((specs) =>
      specs.map((s): Query => (s.fields === SEARCH_FIELDS ? { queries: [s.term], prefix: s.prefix, fuzzy: fuzzy(s) } : { queries: [s.term], fields: [...s.fields], prefix: s.prefix, fuzzy: fuzzy(s) })),
    ),
  };
}

/** How text becomes index terms: part of SEARCH_OPTIONS, and what the abstract shard is indexed with. */
export const TERM_OPTIONS = { tokenize, processTerm: processIndexTerm } as const;

export const SEARCH_OPTIONS: Options<IndexedPaper> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  ...TERM_OPTIONS,
  searchOptions: QUERY_OPTIONS,
};
