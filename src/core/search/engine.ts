import MiniSearch from 'minisearch';
import type { Paper, PaperMeta } from '../../schema/corpus';
import { titleKey } from '../corpus/titles';
import {
  ABSTRACT_FIELDS,
  FIELD_BOOSTS,
  type IndexedPaper,
  NAME_FIELDS,
  QUERY_OPTIONS,
  SEARCH_OPTIONS,
  TERM_OPTIONS,
  type TermSpec,
  processQueryTerm,
  termSpecs,
  toIndexedPaper,
  tokenize,
} from './options';
import { IndexShard, type SalientTerms, type ShardJson, bm25, runToEnd, shardFromMiniSearch, shardFromText } from './shard';

/** What the ranking needs to know of a paper. */
export type SearchablePaper = Pick<PaperMeta, 'id' | 'title' | 'shortName' | 'authors'>;

export interface SearchHit<P extends SearchablePaper = PaperMeta> {
  paper: P;
  score: number;
  /** Query terms that matched something in this paper. */
  matchedTerms: string[];
}

export interface SearchQueryOptions {
  limit?: number;
}

/** The index as the build writes it: one shard loaded first, one after. */
export interface IndexShards {
  names: ShardJson;
  abstracts: ShardJson;
}

/** What an engine needs besides the name shard. */
export interface EngineParts {
  /** The abstract shard, when it has loaded. */
  abstracts?: IndexShard;
}

/**
 * Abstract postings kept at build time: each paper's 24 most salient
 * abstract terms (highest BM25 weight in that abstract). See
 * docs/performance.md for what this costs and saves.
 */
export const SALIENT_ABSTRACT_TERMS: SalientTerms = { perDocument: 24 };

/** The most the title boost multiplies a score by (a query that is the title or short name). */
const MAX_TITLE_BOOST = 4;

/** The most the author boost multiplies a score by (the first author, named in full). */
const MAX_AUTHOR_BOOST = 2;

/**
 * The search engine over a corpus. MiniSearch builds the index and its
 * radix tree answers exact, prefix and fuzzy term lookups; scores are
 * MiniSearch's (BM25+, field boosts, prefix and fuzzy weights, one point
 * of "quality" per query term matched), computed over compact posting
 * lists and only as far as the top results need. Then our own ranking for
 * what people type into a citation picker: a paper whose short name or
 * title the query spells out comes first, and papers that match every
 * query word beat papers that match one word many times.
 */
export class PaperSearch<P extends SearchablePaper = PaperMeta> {
  private readonly executor: Executor;
  private abstracts: IndexShard | undefined;

  private constructor(
    private readonly papers: readonly P[],
    private readonly names: IndexShard,
    parts: EngineParts = {},
  ) {
    if (names.documentCount !== papers.length) {
      throw new Error(`search index holds ${names.documentCount} papers but the corpus has ${papers.length}; rebuild the data`);
    }
    this.executor = new Executor(papers.length);
    this.titleKeys = new Array<string | undefined>(papers.length).fill(undefined);
    this.shortKeys = new Array<string | undefined>(papers.length).fill(undefined);
    if (parts.abstracts) this.addAbstracts(parts.abstracts);
  }

  /**
   * Builds the index with MiniSearch and writes it as shards (build step).
   *
   * @example
   * const shards = PaperSearch.buildShards(corpus.papers, (p) => techniqueNames.get(p.id) ?? []);
   * writeFileSync('search-names.json', JSON.stringify(shards.names));
   */
  static buildShards(
    papers: readonly Paper[],
    techniquesOf: (p: Paper) => readonly string[] = () => [],
    salient: SalientTerms | null = SALIENT_ABSTRACT_TERMS,
  ): IndexShards {
    // MiniSearch indexes the short fields; the abstracts, nine words in ten, go straight into their shard.
    const ms = new MiniSearch<IndexedPaper>({ ...SEARCH_OPTIONS, fields: [...NAME_FIELDS] });
    ms.addAll(papers.map((p) => ({ ...toIndexedPaper(p, techniquesOf(p)), abstract: '' })));
    const texts = papers.map((p) => toIndexedPaper(p).abstract);
    return {
      names: shardFromMiniSearch(ms, NAME_FIELDS),
      abstracts: shardFromText(ABSTRACT_FIELDS[0] as string, texts, TERM_OPTIONS, salient),
    };
  }

  /**
   * Builds a ready index in memory (tests, scripts): the same shards the
   * build writes, decoded as a load decodes them.
   *
   * @example
   * PaperSearch.build(corpus.papers).search('kv cache')[0]?.paper.title
   */
  static build<Q extends Paper>(papers: readonly Q[], techniquesOf: (p: Paper) => readonly string[] = () => [], salient?: SalientTerms | null): PaperSearch<Q> {
    const shards = PaperSearch.buildShards(papers, techniquesOf, salient);
    return new PaperSearch(papers, runToEnd(IndexShard.decode(shards.names)), { abstracts: runToEnd(IndexShard.decode(shards.abstracts)) });
  }

  /**
   * An engine over loaded shards. Without the abstract shard it searches
   * titles, names, authors and techniques; {@link addAbstracts} adds it.
   *
   * @example
   * const search = PaperSearch.fromShards(papers, names);
   * search.addAbstracts(abstracts);
   */
  static fromShards<Q extends SearchablePaper>(papers: readonly Q[], names: IndexShard, parts: EngineParts = {}): PaperSearch<Q> {
    return new PaperSearch(papers, names, parts);
  }

  /** Adds the abstract shard once it has loaded; later searches use it. */
  addAbstracts(shard: IndexShard): void {
    if (shard.documentCount !== this.papers.length) {
      throw new Error(`abstract index holds ${shard.documentCount} papers but the corpus has ${this.papers.length}; rebuild the data`);
    }
    this.abstracts = shard;
    this.executor.clearCache();
  }

  /** Whether abstracts are searched yet. */
  get hasAbstracts(): boolean {
    return this.abstracts !== undefined;
  }

  get size(): number {
    return this.papers.length;
  }

  search(text: string, opts: SearchQueryOptions = {}): SearchHit<P>[] {
    const limit = opts.limit ?? 20;
    const query = boundQuery(text).query;
    const terms = queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const shards = this.abstracts ? [this.names, this.abstracts] : [this.names];
    const candidates = this.executor.run(shards, terms);
    return this.rerankTop(candidates, terms, titleKey(query), limit);
  }

  /**
   * The final ranking, computed only where it can change the top `limit`.
   * Candidates come in order of MiniSearch's score times the coverage
   * factor (their bound), which the title boost can raise at most
   * four-fold, and the author boost two-fold more for the papers with a
   * query word in an author's name (found from the author postings). Once
   * even that cannot lift the next candidate past the `limit`-th result,
   * the rest are left alone.
   */
  private rerankTop(candidates: Candidates, terms: readonly string[], qKey: string, limit: number): SearchHit<P>[] {
    const termSet = new Set(terms);
    const hits: SearchHit<P>[] = [];
    const best: number[] = [];
    let floor = -Infinity;
    const byAuthor = this.authorWordDocs(termSet, candidates);
    let authorsLeft = byAuthor.size;
    const maxTitle = qKey.length >= 2 ? MAX_TITLE_BOOST : 1;
    for (let doc = candidates.next(); doc >= 0; doc = candidates.next()) {
      const bound = candidates.bound(doc);
      if (hits.length >= limit && bound * maxTitle * (authorsLeft > 0 ? MAX_AUTHOR_BOOST : 1) < floor) break;
      let author = 1;
      if (byAuthor.has(doc)) {
        authorsLeft--;
        author = authorBoost((this.papers[doc] as P).authors, termSet, (name) => this.termsOfName(name));
      }
      if (hits.length >= limit && bound * author * maxTitle < floor) continue;
      const paper = this.papers[doc] as P;
      const score = bound * author * this.titleBoostOf(doc, paper, qKey);
      if (hits.length >= limit && score < floor) continue;
      hits.push({ paper, score, matchedTerms: candidates.matched(doc) });
      insertDescending(best, score, limit);
      if (best.length >= limit) floor = best[limit - 1] as number;
    }
    hits.sort((x, y) => y.score - x.score || x.paper.id.localeCompare(y.paper.id));
    return hits.slice(0, limit);
  }

  /**
   * The candidates with a query word in an author's name, from the names
   * shard's author postings: the only papers an author boost can apply to.
   */
  private authorWordDocs(terms: ReadonlySet<string>, candidates: Candidates): Set<number> {
    const out = new Set<number>();
    const slot = this.names.slotOf('authors');
    if (slot < 0) return out;
    const F = this.names.fields.length;
    for (const term of terms) {
      const no = this.names.terms.get(term);
      if (no === undefined) continue;
      const to = this.names.start[no * F + slot + 1] as number;
      for (let p = this.names.start[no * F + slot] as number; p < to; p++) {
        const doc = this.names.docs[p] as number;
        if (candidates.bound(doc) > 0) out.add(doc);
      }
    }
    return out;
  }

  /** Title keys of papers the ranking has looked at, kept for the next query. */
  private readonly titleKeys: (string | undefined)[];
  private readonly shortKeys: (string | undefined)[];
  /** The query terms of each author name seen: names recur across papers (and prolific authors across many). */
  private readonly nameTerms = new Map<string, string[]>();

  private titleBoostOf(doc: number, paper: P, qKey: string): number {
    if (qKey.length < 2) return 1;
    const title = (this.titleKeys[doc] ??= titleKey(paper.title));
    const short = (this.shortKeys[doc] ??= paper.shortName ? titleKey(paper.shortName) : '');
    return titleBoost(title, short, qKey);
  }

  private termsOfName(name: string): string[] {
    let terms = this.nameTerms.get(name);
    if (!terms) this.nameTerms.set(name, (terms = queryTerms(name)));
    return terms;
  }
}

/** Keeps `list` the `limit` largest values seen, largest first. */
function insertDescending(list: number[], x: number, limit: number): void {
  if (list.length >= limit && x <= (list[list.length - 1] as number)) return;
  let i = list.length;
  list.push(x);
  while (i > 0 && (list[i - 1] as number) < x) {
    list[i] = list[i - 1] as number;
    i--;
  }
  list[i] = x;
  if (list.length > limit) list.length = limit;
}

/**
 * Bounds on a query, so that any input answers in bounded time and memory
 * (the quick pick searches on every keystroke): the first `chars`
 * characters are searched, words longer than `termChars` are dropped (no
 * indexed word is that long, and a typo-tolerant lookup of a 45,000-letter
 * word would take gigabytes), and at most `terms` distinct words count.
 */
export const QUERY_LIMITS = { chars: 1000, termChars: 64, terms: 32 } as const;

/**
 * A query cut to {@link QUERY_LIMITS}, with a note saying what was left out
 * (for the quick pick and the CLI to show), or none when it fits.
 *
 * @example
 * boundQuery('kv cache').note // => undefined
 * boundQuery('x'.repeat(2000)).note // => 'Only the first 1,000 characters of the query are searched.'
 */
export function boundQuery(query: string): { query: string; note?: string } {
  const notes: string[] = [];
  let q = query;
  if (q.length > QUERY_LIMITS.chars) {
    q = q.slice(0, QUERY_LIMITS.chars);
    notes.push(`Only the first ${QUERY_LIMITS.chars.toLocaleString('en-US')} characters of the query are searched.`);
  }
  const words = tokenize(q);
  if (words.some((w) => w.length > QUERY_LIMITS.termChars)) notes.push(`Words longer than ${QUERY_LIMITS.termChars} characters are left out.`);
  if (new Set(words.map((w) => w.toLowerCase())).size > QUERY_LIMITS.terms) notes.push(`Only the first ${QUERY_LIMITS.terms} distinct words are searched.`);
  return notes.length > 0 ? { query: q, note: notes.join(' ') } : { query: q };
}

/** The query as the index sees it: tokenised, folded, stop words, repeats and overlong words dropped, at most QUERY_LIMITS.terms words. */
export function queryTerms(query: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const token of tokenize(query)) {
    if (token.length > QUERY_LIMITS.termChars) continue;
    const t = processQueryTerm(token);
    if (t === null || seen.has(t)) continue;
    if (seen.size >= QUERY_LIMITS.terms) break;
    seen.add(t);
    out.push(t);
  }
  return out;
}

/**
 * The final score of a paper from its MiniSearch score: author position,
 * query coverage, and a query that spells out the title or short name.
 *
 * @example
 * rerank(2.5, 2, paper, ['kv', 'cache'], new Set(['kv', 'cache']), titleKey('kv cache')) // => 2.5 × 1² × the author and title boosts
 */
export function rerank(raw: number, matchedCount: number, paper: SearchablePaper, terms: readonly string[], termSet: ReadonlySet<string>, qKey: string): number {
  // Coverage: share of the query's words this paper matched at all.
  const coverage = matchedCount / terms.length;
  return raw * coverage * coverage * authorBoost(paper.authors, termSet) * titleBoost(titleKey(paper.title), paper.shortName ? titleKey(paper.shortName) : '', qKey);
}

/**
 * A query that names an author ("Haoyu He", "zizheng pan hilo", "pan 2022")
 * favours the papers where that author comes first: ×2 for the first author
 * when the query has the whole name, ×1.5 when it has one of its words (a
 * given name or a surname alone), and less for later authors.
 */
function authorBoost(authors: readonly { name: string }[], terms: ReadonlySet<string>, termsOf: (name: string) => readonly string[] = queryTerms): number {
  for (let i = 0; i < authors.length; i++) {
    const nameTerms = termsOf((authors[i] as { name: string }).name);
    if (nameTerms.length === 0) continue;
    const matched = nameTerms.filter((t) => terms.has(t)).length;
    if (matched > 0) return 1 + matched / nameTerms.length / (i + 1);
  }
  return 1;
}

/** ×4 when the query spells out the short name or the title, ×2 for the start of a title, ×1.5 for a piece of one. */
function titleBoost(title: string, short: string, qKey: string): number {
  if (qKey.length < 2) return 1;
  if (short !== '' && short === qKey) return 4;
  if (title === qKey) return 4;
  if (title.startsWith(qKey) && qKey.length >= 4) return 2;
  if (qKey.length >= 6 && title.includes(qKey)) return 1.5;
  return 1;
}

/** One query term's scores: the papers it matched and what each scored. */
interface TermHits {
  docs: Int32Array;
  scores: Float64Array;
}

/**
 * The papers a query matched, handed out best first by a bound on their
 * final score: MiniSearch's score times the coverage factor. A max-heap,
 * so the first hundred cost O(n + 100 log n), not a sort of every match.
 */
interface Candidates {
  /** The next paper (its position in the corpus), or -1 when none is left. */
  next(): number;
  /** MiniSearch's score × (matched terms / query terms)², or 0 for a paper the query did not match. */
  bound(doc: number): number;
  /** The query terms the paper matched. */
  matched(doc: number): string[];
}

const PREFIX_WEIGHT = QUERY_OPTIONS.weights?.prefix ?? 0.375;
const FUZZY_WEIGHT = QUERY_OPTIONS.weights?.fuzzy ?? 0.45;
const MAX_FUZZY = QUERY_OPTIONS.maxFuzzy ?? 6;
const BOOSTS: Readonly<Record<string, number>> = FIELD_BOOSTS;

/** Cached term results kept across keystrokes: earlier words of a query do not change as you type. */
const CACHE_ENTRIES = 48;
const CACHE_POSTINGS = 4_000_000;

/**
 * Runs queries over shards with MiniSearch's scoring, into reusable
 * buffers sized to the corpus. Each distinct term's scores are cached, so
 * typing the third word of a query only looks up the third word.
 */
class Executor {
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly total: Float64Array;
  private readonly matchedCount: Uint16Array;
  private readonly matchedMask: Int32Array;
  /** Per paper, for the last query: its bound and the terms it matched (bit per unique term). */
  private readonly bound: Float64Array;
  private readonly mask: Int32Array;
  private readonly heap: Int32Array;
  /** Papers the last query touched (the first ones of `touched`). */
  private lastCount = 0;
  private readonly cache = new Map<string, TermHits>();
  private cachedPostings = 0;

  constructor(private readonly n: number) {
    this.acc = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.total = new Float64Array(n);
    this.matchedCount = new Uint16Array(n);
    this.matchedMask = new Int32Array(n);
    this.bound = new Float64Array(n);
    this.mask = new Int32Array(n);
    this.heap = new Int32Array(n);
  }

  clearCache(): void {
    this.cache.clear();
    this.cachedPostings = 0;
  }

  run(shards: readonly IndexShard[], terms: readonly string[]): Candidates {
    // Query positions with the same term count once for "quality" (MiniSearch's unique query terms).
    const specs = termSpecs(terms);
    const unique = [...new Set(terms)];
    const perTerm = unique.map((u) => this.termHits(shards, specs.flatMap((s, i) => (terms[i] === u ? s : []))));

    // Clear what the previous query left in the per-paper buffers.
    const { total, matchedCount, matchedMask, touched, bound, mask, heap } = this;
    for (let i = 0; i < this.lastCount; i++) {
      const doc = touched[i] as number;
      bound[doc] = 0;
      mask[doc] = 0;
    }
    let m = 0;
    perTerm.forEach((hits, u) => {
      const bit = u < 31 ? 1 << u : 0;
      for (let i = 0; i < hits.docs.length; i++) {
        const doc = hits.docs[i] as number;
        if (matchedCount[doc] === 0) touched[m++] = doc;
        total[doc] = (total[doc] as number) + (hits.scores[i] as number);
        matchedCount[doc] = (matchedCount[doc] as number) + 1;
        matchedMask[doc] = (matchedMask[doc] as number) | bit;
      }
    });
    this.lastCount = m;
    // MiniSearch multiplies by the number of query terms matched; the coverage factor squares their share.
    const termCount = terms.length;
    for (let i = 0; i < m; i++) {
      const doc = touched[i] as number;
      const count = matchedCount[doc] as number;
      bound[doc] = (total[doc] as number) * count * ((count / termCount) * (count / termCount));
      mask[doc] = matchedMask[doc] as number;
      total[doc] = 0;
      matchedCount[doc] = 0;
      matchedMask[doc] = 0;
      heap[i] = doc;
    }
    // Max-heap of papers on bound, ties to the earlier corpus position.
    const above = (a: number, b: number): boolean => (bound[a] as number) > (bound[b] as number) || ((bound[a] as number) === (bound[b] as number) && a < b);
    let size = m;
    const down = (i: number): void => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let top = i;
        if (l < size && above(heap[l] as number, heap[top] as number)) top = l;
        if (r < size && above(heap[r] as number, heap[top] as number)) top = r;
        if (top === i) return;
        const t = heap[i] as number;
        heap[i] = heap[top] as number;
        heap[top] = t;
        i = top;
      }
    };
    for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
    return {
      next: () => {
        if (size === 0) return -1;
        const doc = heap[0] as number;
        heap[0] = heap[--size] as number;
        down(0);
        return doc;
      },
      bound: (doc) => bound[doc] as number,
      matched: (doc) => {
        if (unique.length <= 31) return unique.filter((_, u) => ((mask[doc] as number) & (1 << u)) !== 0);
        return unique.filter((_, u) => (perTerm[u] as TermHits).docs.includes(doc));
      },
    };
  }

  private termHits(shards: readonly IndexShard[], specs: readonly TermSpec[]): TermHits {
    const key = JSON.stringify(specs.map((s) => [s.term, s.prefix, s.fuzzy, s.fields]));
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    let m = 0;
    const { acc, touched, n } = this;
    const add = (shard: IndexShard, termNo: number, weight: number, fields: readonly string[]): void => {
      const F = shard.fields.length;
      for (const field of fields) {
        const slot = shard.slotOf(field);
        if (slot < 0) continue;
        const from = shard.start[termNo * F + slot] as number;
        const to = shard.start[termNo * F + slot + 1] as number;
        if (from === to) continue;
        const df = shard.df ? (shard.df[termNo * F + slot] as number) : to - from;
        const avg = shard.averageFieldLength[slot] as number;
        const w = weight * (BOOSTS[field] ?? 1);
        for (let p = from; p < to; p++) {
          const doc = shard.docs[p] as number;
          const s = w * bm25(shard.tfs[p] as number, df, n, shard.fieldLength[doc * F + slot] as number, avg);
          if (acc[doc] === 0) touched[m++] = doc;
          acc[doc] = (acc[doc] as number) + s;
        }
      }
    };
    for (const spec of specs) {
      for (const shard of shards) {
        const fields = spec.fields.filter((f) => shard.fields.includes(f));
        if (fields.length === 0) continue;
        const exact = shard.terms.get(spec.term);
        if (exact !== undefined) add(shard, exact, 1, fields);
        const prefixed = new Set<string>();
        if (spec.prefix) {
          for (const [term, no] of shard.terms.atPrefix(spec.term)) {
            const distance = term.length - spec.term.length;
            if (distance === 0) continue;
            prefixed.add(term);
            add(shard, no, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), fields);
          }
        }
        if (spec.fuzzy !== false) {
          const maxDistance = spec.fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(spec.term.length * spec.fuzzy)) : spec.fuzzy;
          if (maxDistance > 0) {
            for (const [term, [no, distance]] of shard.terms.fuzzyGet(spec.term, maxDistance)) {
              if (distance === 0 || prefixed.has(term)) continue;
              add(shard, no, (FUZZY_WEIGHT * term.length) / (term.length + distance), fields);
            }
          }
        }
      }
    }
    const hits: TermHits = { docs: touched.slice(0, m), scores: new Float64Array(m) };
    for (let i = 0; i < m; i++) {
      const doc = touched[i] as number;
      hits.scores[i] = acc[doc] as number;
      acc[doc] = 0;
    }
    this.cache.set(key, hits);
    this.cachedPostings += m;
    for (const [k, v] of this.cache) {
      if (this.cache.size <= CACHE_ENTRIES && this.cachedPostings <= CACHE_POSTINGS) break;
      this.cache.delete(k);
      this.cachedPostings -= v.docs.length;
    }
    return hits;
  }
}

