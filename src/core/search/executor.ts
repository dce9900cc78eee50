import { FIELD_BOOSTS, QUERY_OPTIONS, type TermSpec, fuzzyFor, isPrefix, termSpecsAt } from './options';
import { bm25Idf, bm25Tf } from './ranking';
import type { IndexShard } from './shard';

/**
 * The query executor: MiniSearch's scoring (BM25+, field boosts, prefix and
 * fuzzy weights, one point of "quality" per query term matched) computed
 * over the compact posting lists of loaded shards, into buffers sized to
 * the corpus, with the papers handed out best first from a heap. The
 * ranking on top of it is PaperSearch's (engine.ts).
 */

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
export interface Candidates {
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
/**
 * A word found in fewer papers than this (as typed, or as the start of a
 * word while it is typed) is looked up with typos too; a word the corpus
 * knows is taken as spelt. (MiniSearch looks every word up with typos,
 * which costs a walk of the dictionary per keystroke and adds the rare
 * neighbours of common words.)
 */
export const RARE_PAPERS = 3;
/** At most this many corrections of a word count (the closest, then the most common). */
export const MAX_CORRECTIONS = 3;
/**
 * In a large corpus a typo often spells some rare word that is there (a
 * coined name, an author's given name: "vido" for "video"). A word in fewer
 * than one paper in this many is looked up with typos too, but only
 * corrections {@link COMMONER} times as common as the word itself count.
 */
const RARE_SHARE = 1000;
/** How much more common than a rare word a correction must be to count beside it. */
export const COMMONER = 10;

/**
 * Below how many papers a word is rare in a corpus of `n`: it is looked up
 * with typos (RARE_PAPERS, or one paper in RARE_SHARE in a large corpus).
 *
 * @example
 * rareBelow(400) // => 3
 * rareBelow(100_000) // => 100
 */
export function rareBelow(n: number): number {
  return Math.max(RARE_PAPERS, n / RARE_SHARE);
}

/** How many typos a word may have: a fifth of its letters (MiniSearch's `fuzzy: 0.2`), at most MAX_FUZZY. */
export function typoLimit(term: string, fuzzy: number | false = fuzzyFor(term)): number {
  if (fuzzy === false) return 0;
  return fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
}

/** Papers with the term in any of `fields`: its full document frequency there. */
export function documentFrequency(shard: IndexShard, no: number, fields: readonly string[]): number {
  const F = shard.fields.length;
  let df = 0;
  for (let i = 0; i < fields.length; i++) {
    const slot = shard.slotOf(fields[i] as string);
    if (slot < 0) continue;
    df += shard.df ? (shard.df[no * F + slot] as number) : (shard.start[no * F + slot + 1] as number) - (shard.start[no * F + slot] as number);
  }
  return df;
}

/**
 * The words `term` may be a misspelling of, in `fields` of a shard: the
 * terms within `maxDistance` typos (not the term itself, nor the terms in
 * `[from, to)`, which its prefix lookup already has), closest first and
 * then the most common, at most {@link MAX_CORRECTIONS}, each in at least
 * `minDf` papers (one or more). In a large corpus
 * a misspelt word is near many rare words (names, misspellings in
 * abstracts): ranking by distance and frequency keeps the word that was
 * meant, rather than every rare neighbour, whose high inverse document
 * frequency would outscore it.
 *
 * @example
 * corrections(names, 'decodnig', 1, ['title'], 0, 0) // => [[termNo('decoding'), 1]]
 */
export function corrections(shard: IndexShard, term: string, maxDistance: number, fields: readonly string[], from = 0, to = 0, minDf = 1): [number, number][] {
  const found: [number, number, number][] = [];
  shard.terms.typos(term, maxDistance, (no, distance) => {
    if (distance === 0 || (no >= from && no < to)) return;
    const df = documentFrequency(shard, no, fields);
    if (df >= minDf) found.push([no, distance, df]);
  });
  found.sort((a, b) => a[1] - b[1] || b[2] - a[2] || a[0] - b[0]);
  return found.slice(0, MAX_CORRECTIONS).map((c) => [c[0], c[1]]);
}
const BOOSTS: Readonly<Record<string, number>> = FIELD_BOOSTS;

/** Cached term results kept across keystrokes: earlier words of a query do not change as you type. */
const CACHE_ENTRIES = 48;
const CACHE_POSTINGS = 4_000_000;

/**
 * Runs queries over shards with MiniSearch's scoring, into reusable
 * buffers sized to the corpus. Each distinct term's scores are cached, so
 * typing the third word of a query only looks up the third word.
 *
 * @example
 * const executor = new Executor(papers.length);
 * const candidates = executor.run([names, abstracts], queryTerms('kv cache'));
 * candidates.next() // => the corpus position of the paper with the highest bound, or -1
 */
export class Executor implements Candidates {
  private readonly acc: Float64Array;
  private readonly touched: Int32Array;
  private readonly total: Float64Array;
  private readonly matchedCount: Uint16Array;
  private readonly matchedMask: Int32Array;
  /** Per paper, for the last query: its bound and the terms it matched (bit per unique term). */
  private readonly boundOf: Float64Array;
  private readonly mask: Int32Array;
  private readonly heap: Int32Array;
  /** Papers the last query touched (the first ones of `touched`). */
  private lastCount = 0;
  private readonly cache = new Map<string, TermHits>();
  private cachedPostings = 0;

  /**
   * @param typos whether words are also looked up with typos (MiniSearch's fuzzy search, as {@link corrections} ranks it)
   * @param documentCount the number of documents the scores assume: `n`, unless the index is a part of a larger one whose statistics it carries
   */
  constructor(
    n: number,
    private readonly typos = true,
    private readonly documentCount = n,
  ) {
    this.acc = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.total = new Float64Array(n);
    this.matchedCount = new Uint16Array(n);
    this.matchedMask = new Int32Array(n);
    this.boundOf = new Float64Array(n);
    this.mask = new Int32Array(n);
    this.heap = new Int32Array(n);
  }

  /** Forgets the cached term scores: a shard was added, so they are stale. */
  clearCache(): void {
    this.cache.clear();
    this.cachedPostings = 0;
  }

  /** The papers that match `terms` (query terms, as `queryTerms` makes them) in any of `shards`, best bound first. */
  run(shards: readonly IndexShard[], terms: readonly string[]): Candidates {
    // Clear what the previous query left in the per-paper buffers, before termHits reuses `touched` as
    // scratch: cleared after, a paper of the last query would keep its bound, and count as a candidate.
    this.forget();
    // Query positions with the same term count once for "quality" (MiniSearch's unique query terms), their
    // lookups together.
    const unique: string[] = [];
    const perTerm: TermHits[] = [];
    for (let i = 0; i < terms.length; i++) {
      const u = terms[i] as string;
      if (unique.includes(u)) continue;
      unique.push(u);
      let prefixes = isPrefix(u, i, terms.length) ? 'p' : 'w';
      for (let j = i + 1; j < terms.length; j++) if (terms[j] === u) prefixes += isPrefix(u, j, terms.length) ? 'p' : 'w';
      perTerm.push(this.termHits(shards, u, prefixes));
    }

    let m = 0;
    for (let u = 0; u < perTerm.length; u++) m = this.gather(perTerm[u] as TermHits, u < 31 ? 1 << u : 0, m);
    this.lastCount = m;
    this.bounds(m, terms.length);
    // Max-heap of papers on bound, ties to the earlier corpus position.
    this.size = m;
    this.unique = unique;
    this.perTerm = perTerm;
    this.matchedByMask.clear();
    for (let i = (m >> 1) - 1; i >= 0; i--) this.down(i);
    return this;
  }

  /** Clears the bounds and masks of the last query's papers. */
  private forget(): void {
    const { touched, boundOf, mask } = this;
    for (let i = 0; i < this.lastCount; i++) {
      const doc = touched[i] as number;
      boundOf[doc] = 0;
      mask[doc] = 0;
    }
    this.lastCount = 0;
  }

  /** Adds one query term's hits to the papers' totals (its bit in their masks); returns how many papers are touched now. */
  private gather(hits: TermHits, bit: number, touchedCount: number): number {
    const { total, matchedCount, matchedMask, touched } = this;
    const { docs, scores } = hits;
    let m = touchedCount;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      if (matchedCount[doc] === 0) touched[m++] = doc;
      total[doc] = (total[doc] as number) + (scores[i] as number);
      matchedCount[doc] = (matchedCount[doc] as number) + 1;
      matchedMask[doc] = (matchedMask[doc] as number) | bit;
    }
    return m;
  }

  /**
   * Each touched paper's bound: MiniSearch multiplies its score by the number of query terms matched, the
   * coverage factor by their share squared. Clears the totals, and puts the papers in the heap.
   */
  private bounds(m: number, termCount: number): void {
    const { total, matchedCount, matchedMask, touched, boundOf: bound, mask, heap } = this;
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
  }

  // Candidates, for the last query: the executor hands itself out (no closures per keystroke).
  private size = 0;
  private unique: string[] = [];
  private perTerm: TermHits[] = [];

  next(): number {
    if (this.size === 0) return -1;
    const heap = this.heap;
    const doc = heap[0] as number;
    heap[0] = heap[--this.size] as number;
    this.down(0);
    return doc;
  }

  bound(doc: number): number {
    return this.boundOf[doc] as number;
  }

  matched(doc: number): string[] {
    const { unique, perTerm } = this;
    if (unique.length > 31) return unique.filter((_, u) => (perTerm[u] as TermHits).docs.includes(doc));
    // Papers with the same terms matched share one list (a copy, for the caller to keep).
    const mask = this.mask[doc] as number;
    let terms = this.matchedByMask.get(mask);
    if (terms === undefined) {
      terms = [];
      for (let u = 0; u < unique.length; u++) if ((mask & (1 << u)) !== 0) terms.push(unique[u] as string);
      this.matchedByMask.set(mask, terms);
    }
    return terms.slice();
  }

  /** The terms matched, by mask, for the last query. */
  private readonly matchedByMask = new Map<number, string[]>();

  private down(at: number): void {
    const { heap, boundOf: b, size } = this;
    let i = at;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < size) {
        const x = heap[l] as number;
        const y = heap[top] as number;
        if ((b[x] as number) > (b[y] as number) || ((b[x] as number) === (b[y] as number) && x < y)) top = l;
      }
      if (r < size) {
        const x = heap[r] as number;
        const y = heap[top] as number;
        if ((b[x] as number) > (b[y] as number) || ((b[x] as number) === (b[y] as number) && x < y)) top = r;
      }
      if (top === i) return;
      const t = heap[i] as number;
      heap[i] = heap[top] as number;
      heap[top] = t;
      i = top;
    }
  }

  /** A term's hits, looked up as a prefix or not at each of its positions in the query (`prefixes`: 'p' or 'w' each). */
  private termHits(shards: readonly IndexShard[], term: string, prefixes: string): TermHits {
    const key = `${prefixes}\u0000${term}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    let specs = termSpecsAt(term, prefixes[0] === 'p');
    for (let i = 1; i < prefixes.length; i++) specs = specs.concat(termSpecsAt(term, prefixes[i] === 'p'));
    const hits = this.lookUp(shards, specs);
    this.cache.set(key, hits);
    this.cachedPostings += hits.docs.length;
    if (this.cache.size > CACHE_ENTRIES || this.cachedPostings > CACHE_POSTINGS) this.evict();
    return hits;
  }

  /** Drops the least recently used term results, a quarter of the cache's bounds at a time. */
  private evict(): void {
    const entries = (CACHE_ENTRIES * 3) >> 2;
    const postings = (CACHE_POSTINGS * 3) >> 2;
    for (const key of this.cache.keys()) {
      if (this.cache.size <= entries && this.cachedPostings <= postings) break;
      this.cachedPostings -= (this.cache.get(key) as TermHits).docs.length;
      this.cache.delete(key);
    }
  }

  /** The papers a term matches and their scores: its lookups (specs) in every shard, summed. */
  private lookUp(shards: readonly IndexShard[], specs: readonly TermSpec[]): TermHits {
    this.m = 0;
    // The word as typed: exact, and as a prefix while it is being typed. Per spec and shard: the fields
    // searched there, and the prefix's range of terms (for the typo walk to skip).
    const plans: Lookup[] = [];
    // Every spec is of the same word: where it is in each shard's terms is found once.
    const positions = this.positions;
    for (let i = 0; i < shards.length; i++) positions[i] = -1;
    for (let k = 0; k < specs.length; k++) {
      const spec = specs[k] as TermSpec;
      for (let i = 0; i < shards.length; i++) {
        const shard = shards[i] as IndexShard;
        const fields = this.fieldsIn(shard, spec.fields);
        if (fields.slots.length === 0) continue;
        if (positions[i] === -1) positions[i] = shard.terms.position(spec.term);
        const at = positions[i] as number;
        const exact = shard.terms.get(spec.term, at);
        if (exact !== undefined) this.add(shard, exact, 1, fields);
        const range = spec.prefix ? shard.terms.prefixRange(spec.term, at) : NO_RANGE;
        if (spec.prefix) this.addPrefixed(shard, range[0], range[1], exact, spec.term.length, fields);
        plans.push({ spec, shard, fields, range });
      }
    }
    // Then, for a word that is in (almost) no paper, the words it may be a misspelling of; for a rare word
    // of a large corpus, only the words far more common than it.
    if (this.typos && this.m < rareBelow(this.documentCount)) this.addCorrections(plans, this.m < RARE_PAPERS ? 1 : COMMONER * this.m);
    return this.collect();
  }

  /** Adds the corrections of the word being looked up, in each of its lookups, in at least `minDf` papers each. */
  private addCorrections(plans: readonly Lookup[], minDf: number): void {
    for (let k = 0; k < plans.length; k++) {
      const { spec, shard, fields, range } = plans[k] as Lookup;
      const maxDistance = typoLimit(spec.term, spec.fuzzy);
      if (maxDistance === 0) continue;
      const found = corrections(shard, spec.term, maxDistance, fields.names, range[0], range[1], minDf);
      for (let i = 0; i < found.length; i++) {
        const no = (found[i] as [number, number])[0];
        const distance = (found[i] as [number, number])[1];
        const length = (shard.terms.terms[no] as string).length;
        this.add(shard, no, (FUZZY_WEIGHT * length) / (length + distance), fields);
      }
    }
  }

  /** Per shard, where the word being looked up is in its terms (-1: not found yet). */
  private readonly positions: number[] = [];

  /** Papers the term being looked up has reached so far (the first ones of `touched`, their scores in `acc`). */
  private m = 0;

  /** Adds the terms `[from, to)` that a prefix of `length` letters starts (but the prefix itself, `exact`), each weighted by how much of it the prefix is. */
  private addPrefixed(shard: IndexShard, from: number, to: number, exact: number | undefined, length: number, fields: ShardFields): void {
    const { terms } = shard.terms;
    for (let no = from; no < to; no++) {
      if (no === exact) continue;
      const full = (terms[no] as string).length;
      this.add(shard, no, (PREFIX_WEIGHT * full) / (full + 0.3 * (full - length)), fields);
    }
  }

  /** Adds a term's postings in some fields of a shard (with the fields' boosts), weighted, to the term being looked up. */
  private add(shard: IndexShard, termNo: number, weight: number, fields: ShardFields): void {
    const F = shard.fields.length;
    const { slots, boosts } = fields;
    for (let f = 0; f < slots.length; f++) {
      const slot = slots[f] as number;
      const from = shard.start[termNo * F + slot] as number;
      const to = shard.start[termNo * F + slot + 1] as number;
      if (from === to) continue;
      const df = shard.df ? (shard.df[termNo * F + slot] as number) : to - from;
      // weight × boost × bm25(…), with the term's part computed once.
      this.accumulate(shard, from, to, slot, weight * (boosts[f] as number) * bm25Idf(df, this.documentCount));
    }
  }

  /** Adds the postings `[from, to)` of one field slot, each as w × its part of BM25. */
  private accumulate(shard: IndexShard, from: number, to: number, slot: number, w: number): void {
    const { acc, touched } = this;
    const F = shard.fields.length;
    const avg = shard.averageFieldLength[slot] as number;
    let m = this.m;
    for (let p = from; p < to; p++) {
      const doc = shard.docs[p] as number;
      const s = w * bm25Tf(shard.tfs[p] as number, shard.fieldLength[doc * F + slot] as number, avg);
      if (acc[doc] === 0) touched[m++] = doc;
      acc[doc] = (acc[doc] as number) + s;
    }
    this.m = m;
  }

  /** The term's hits, from `touched` and `acc`, which it leaves clear. */
  private collect(): TermHits {
    const { acc, touched, m } = this;
    const hits: TermHits = { docs: touched.slice(0, m), scores: new Float64Array(m) };
    for (let i = 0; i < m; i++) {
      const doc = touched[i] as number;
      hits.scores[i] = acc[doc] as number;
      acc[doc] = 0;
    }
    return hits;
  }

  /** The fields of a list a shard holds, with their slots and boosts; worked out once per shard and list. */
  private fieldsIn(shard: IndexShard, names: readonly string[]): ShardFields {
    let known = this.shardFields.get(shard);
    if (known === undefined) this.shardFields.set(shard, (known = new Map()));
    let fields = known.get(names);
    if (fields === undefined) {
      const held = names.filter((f) => shard.fields.includes(f));
      fields = { names: held, slots: held.map((f) => shard.slotOf(f)), boosts: held.map((f) => BOOSTS[f] ?? 1) };
      known.set(names, fields);
    }
    return fields;
  }

  private readonly shardFields = new WeakMap<IndexShard, Map<readonly string[], ShardFields>>();
}

/** Some fields of a shard: their names, slots and boosts. */
interface ShardFields {
  names: readonly string[];
  slots: readonly number[];
  boosts: readonly number[];
}

/** One lookup of a term in a shard, for its typos to follow. */
interface Lookup {
  spec: TermSpec;
  shard: IndexShard;
  fields: ShardFields;
  range: readonly [number, number];
}

const NO_RANGE: readonly [number, number] = [0, 0];
