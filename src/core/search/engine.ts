import type { PaperMeta } from '../../schema/corpus';
import { titleKey } from '../corpus/titles';
import { foldForSearch } from '../text/clean';
import { COMMONER, type Candidates, Executor, corrections, documentFrequency, rareBelow, typoLimit } from './executor';
import { processQueryTerm, tokenize } from './options';
import { MAX_AUTHOR_BOOST, MAX_TITLE_BOOST, authorBoostOfNames, titleBoost } from './ranking';
import type { IndexShard } from './shard';
import { DocSet, TopHits } from './topHits';

/**
 * The public search API: {@link PaperSearch} over loaded shards, and how a
 * query is bounded and cut into terms. The shards come from the data
 * loader (core/data/load.ts); the build writes them with
 * src/build/search/buildShards.ts, whose `buildSearch` also makes a ready
 * engine in memory for tests, the eval and the bench.
 *
 * Longer than our other files (about 450 lines) for a reason: the engine is
 * one class whose parts (the title tier, the author and title boosts, the
 * final ranking) share its per-paper caches (title keys, author terms, the
 * title index); the term lookups and scoring are already apart
 * (executor.ts, ranking.ts, terms.ts, and the top hits in topHits.ts), and
 * splitting the rest would pass those caches between files.
 */

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

/** What an engine needs besides the name shard. */
export interface EngineParts {
  /** The abstract shard, when it has loaded. */
  abstracts?: IndexShard;
  /**
   * Whether misspelt words are looked up (default true). Without, a query
   * ranks exactly as MiniSearch's own search() with `fuzzy: false` would,
   * which is how the unit tests check the scoring.
   */
  typos?: boolean;
  /**
   * The number of documents the scores assume, when the index is a part of
   * a larger one and carries its statistics (see `withStatisticsOf`): the
   * part's scores are then on the whole's scale.
   */
  documentCount?: number;
}

/**
 * The search engine over a corpus. MiniSearch builds the index; each
 * shard's term dictionary (terms.ts) answers exact, prefix and typo
 * lookups; scores are MiniSearch's (BM25+, field boosts, prefix and fuzzy
 * weights, one point of "quality" per query term matched), computed over
 * compact posting lists and only as far as the top results need. A word
 * the corpus hardly knows is looked up with typos, its corrections ranked
 * by distance and frequency (executor.ts), and the title tier spells it
 * as the closest title word, so a misspelt title still counts as typed. Then our own ranking for
 * what people type into a citation picker: a paper whose short name or
 * title the query spells out comes first, and papers that match every
 * query word beat papers that match one word many times.
 */
export class PaperSearch<P extends SearchablePaper = PaperMeta> {
  private readonly executor: Executor;
  private readonly typos: boolean;
  private abstracts: IndexShard | undefined;

  private constructor(
    private readonly papers: readonly P[],
    private readonly names: IndexShard,
    parts: EngineParts = {},
  ) {
    if (names.documentCount !== papers.length) {
      throw new Error(`search index holds ${names.documentCount} papers but the corpus has ${papers.length}; rebuild the data`);
    }
    this.typos = parts.typos ?? true;
    this.executor = new Executor(papers.length, this.typos, parts.documentCount ?? papers.length);
    this.titleKeys = new Array<string | undefined>(papers.length).fill(undefined);
    this.shortKeys = new Array<string | undefined>(papers.length).fill(undefined);
    this.firstDocs = new DocSet(papers.length);
    this.authorDocs = new DocSet(papers.length);
    if (parts.abstracts) this.addAbstracts(parts.abstracts);
  }

  /**
   * An engine over loaded shards. Without the abstract shard it searches
   * titles, names, authors and techniques; {@link addAbstracts} adds it.
   *
   * @example
   * const search = PaperSearch.fromShards(papers, runNow(IndexShard.decode(namesJson)));
   * search.addAbstracts(runNow(IndexShard.decode(abstractsJson)));
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

  /**
   * The best `limit` papers (default 20) for what was typed, best first;
   * ties go to the paper id. The query is cut to {@link QUERY_LIMITS} first.
   *
   * @example
   * search.search('kv cache', { limit: 5 })[0]?.paper.title // => a KV-cache paper's title
   * search.search('the') // => [] (stop words alone match nothing)
   */
  search(text: string, opts: SearchQueryOptions = {}): SearchHit<P>[] {
    const limit = opts.limit ?? 20;
    // boundQuery's cut, without the words it counts for its note.
    const query = text.length > QUERY_LIMITS.chars ? text.slice(0, QUERY_LIMITS.chars) : text;
    const terms = queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const shards = this.abstracts ? [this.names, this.abstracts] : [this.names];
    const candidates = this.executor.run(shards, terms);
    return this.rerankTop(candidates, terms, titleKey(query), this.typos ? this.correctedTitleKey(query) : undefined, limit);
  }

  /**
   * The title tier of typo tolerance: the query's title key with each
   * word that is rare or absent in titles (see {@link titleWordFor}) spelt
   * as the closest, most common title word, or undefined when no word
   * needed it. A misspelt title then still earns the title boost,
   * which is what lifts the paper above the many papers that share the
   * rest of its words in a large corpus.
   */
  private correctedTitleKey(query: string): string | undefined {
    const text = foldForSearch(query);
    // The title key drops what is between words, so the words (as spelt) are all it needs. (An exec loop,
    // not a replace with a function: that calls back into JavaScript from the runtime for every word.)
    const words = WORD;
    words.lastIndex = 0;
    let spelt = '';
    let changed = false;
    for (let m = words.exec(text); m !== null; m = words.exec(text)) {
      const w = m[0];
      const t = w.toLowerCase();
      // A word being typed (at the very end of the query) may be the start of a known word; the same word
      // complete may be a typo. (Not the last query term: in "on the worl at" the stop word "at" follows.)
      const c = typoLimit(t) === 0 ? t : this.titleSpellingOf(t, m.index + w.length === text.length);
      if (c !== t) changed = true;
      spelt += c;
    }
    return changed ? titleKey(spelt) : undefined;
  }

  /** A query word as the title tier spells it ({@link titleWordFor}), kept across keystrokes. */
  private titleSpellingOf(word: string, typing: boolean): string {
    const key = typing ? `${word}…` : word;
    let c = this.titleSpelling.get(key);
    if (c === undefined) {
      c = this.titleWordFor(word, typing);
      if (this.titleSpelling.size >= 4096) this.titleSpelling.clear();
      this.titleSpelling.set(key, c);
    }
    return c;
  }

  /**
   * `word` when titles use it in enough papers (see `rareBelow`) or, being
   * typed, when some word starts with it; else its closest, most common
   * title word (for a word a few titles have, only one {@link COMMONER}
   * times as common), or itself. A word only authors or technique names
   * use is not a title word.
   */
  private titleWordFor(word: string, typing: boolean): string {
    const { names } = this;
    // Known as a title word (a name or an author's word does not count), in how many titles.
    const no = names.terms.get(word);
    const df = no === undefined ? 0 : documentFrequency(names, no, TITLE_FIELDS);
    if (df >= rareBelow(this.papers.length)) return word;
    if (typing) {
      const [from, to] = names.terms.prefixRange(word);
      if (to > from) return word;
    }
    // A rare title word gives way only to one far more common ("vido" for "video" among 100,000 titles).
    const best = corrections(names, word, typoLimit(word), TITLE_FIELDS, 0, 0, df === 0 ? 1 : COMMONER * df)[0];
    return best ? (names.terms.terms[best[0]] as string) : word;
  }

  /** Query words as the title tier spells them (see {@link correctedTitleKey}), kept across keystrokes. */
  private readonly titleSpelling = new Map<string, string>();

  /**
   * The final ranking, computed only where it can change the top `limit`.
   * A candidate's bound is MiniSearch's score times the coverage factor;
   * the title boost can raise it four-fold, but only for the papers whose
   * title or short name starts with the query (the title tier, scored
   * first; any other paper's at most 1.5-fold), and the author boost
   * two-fold, but only for the papers with a query word in an author's
   * name (found from the author postings, scored last). The others come
   * in order of their bound; once even the largest title boost left cannot
   * lift the next one past the `limit`-th result, they are left alone.
   * Then each author-word paper is checked against the top with its bound
   * times the largest author boost, and scored only if that could enter.
   */
  private rerankTop(candidates: Candidates, terms: readonly string[], qKey: string, fixedKey: string | undefined, limit: number): SearchHit<P>[] {
    const termSet = new Set(terms);
    const top = new TopHits<P>(limit);
    const byAuthor = this.authorWordDocs(terms, candidates);
    const q: Ranking = { candidates, termSet, byAuthor, qKey, fixedKey };
    const maxTitle = qKey.length >= 2 ? MAX_TITLE_BOOST : 1;
    // The title tier first: the papers whose title or short name starts with what was typed (as typed, or
    // with its typos corrected), the only ones a title boost above 1.5 can apply to.
    const first = this.titleStarts(qKey, fixedKey, candidates);
    if (first !== undefined) for (let i = 0; i < first.docs.length; i++) this.consider(top, q, first.docs[i] as number, maxTitle);
    const maxRest = first === undefined ? maxTitle : Math.min(maxTitle, Math.max(qKey.length, fixedKey?.length ?? 0) >= 6 ? 1.5 : 1);
    // Then the rest in order of their bound, until even the largest title boost left cannot lift one into the
    // top; then the papers with a query word in an author's name, which an author boost might.
    this.considerRest(top, q, first, maxRest);
    if (byAuthor.size > 0) this.considerAuthors(top, q, first, maxRest);
    return top.best().map((hit) => ({ paper: hit.paper, score: hit.score, matchedTerms: candidates.matched(hit.doc) }));
  }

  /** The candidates outside the title tier without a query word in an author's name, best bound first, while one can still make the top. */
  private considerRest(top: TopHits<P>, q: Ranking, first: DocSet | undefined, maxRest: number): void {
    const { candidates, byAuthor } = q;
    for (let doc = candidates.next(); doc >= 0; doc = candidates.next()) {
      if (first?.has(doc) || byAuthor.has(doc)) continue;
      if (top.excludes(candidates.bound(doc) * maxRest)) break;
      this.consider(top, q, doc, maxRest);
    }
  }

  /**
   * The candidates outside the title tier with a query word in an author's
   * name (a word like "de" is in the names of thousands): not sorted, each
   * checked against the top with its largest score, once the rest have
   * raised the bar.
   */
  private considerAuthors(top: TopHits<P>, q: Ranking, first: DocSet | undefined, maxRest: number): void {
    const { docs } = q.byAuthor;
    for (let i = 0; i < docs.length; i++) if (!first?.has(docs[i] as number)) this.consider(top, q, docs[i] as number, maxRest);
  }

  /** Scores a candidate, unless even `maxBoost` (the largest title boost it can have) cannot lift it into the top. */
  private consider(top: TopHits<P>, q: Ranking, doc: number, maxBoost: number): void {
    const bound = q.candidates.bound(doc);
    let author = 1;
    if (q.byAuthor.has(doc)) {
      if (top.excludes(bound * MAX_AUTHOR_BOOST * maxBoost)) return;
      author = authorBoostOfNames(this.authorTermsOf(doc), q.termSet);
    }
    if (top.excludes(bound * author * maxBoost)) return;
    const paper = this.papers[doc] as P;
    top.offer(paper, bound * author * this.titleBoostOf(doc, paper, q.qKey, q.fixedKey), doc);
  }

  /**
   * The candidates whose title or short name (as title keys) starts with
   * `qKey` or `fixedKey`, from the title index; undefined when there is
   * no index yet, the key is too short, or too many titles start with it
   * to be worth taking apart (the ranking then bounds every paper's title
   * boost by the largest).
   */
  private titleStarts(qKey: string, fixedKey: string | undefined, candidates: Candidates): DocSet | undefined {
    const index = this.titleIndex;
    if (index === undefined || qKey.length < 2) return undefined;
    const out = this.firstDocs;
    out.clear();
    for (let k = 0; k < 2; k++) {
      const key = k === 0 ? qKey : fixedKey;
      if (key === undefined) break;
      const bucket = index.get(key.slice(0, 2));
      if (bucket === undefined) continue;
      if (bucket.length > MAX_TITLE_BUCKET) return undefined;
      this.addTitleStarts(bucket, key, candidates, out);
    }
    return out;
  }

  /** Adds the candidates of a title index bucket whose title or short name starts with `key`. */
  private addTitleStarts(bucket: readonly number[], key: string, candidates: Candidates, out: DocSet): void {
    const { titleKeys, shortKeys } = this;
    for (let i = 0; i < bucket.length; i++) {
      const doc = bucket[i] as number;
      if (candidates.bound(doc) > 0 && ((titleKeys[doc] as string).startsWith(key) || (shortKeys[doc] as string).startsWith(key))) out.add(doc);
    }
  }

  /**
   * Computes every paper's title key and indexes the papers by the first
   * two letters of their title and short name keys, pausing (yield) every
   * thousand papers: the loader runs it after search is ready. Until it
   * has run, the ranking takes no shortcut through titles (the results are
   * the same, only slower for short queries in a large corpus).
   *
   * @example
   * runNow(search.indexTitles());
   */
  *indexTitles(): Generator<undefined, void> {
    const index = new Map<string, number[]>();
    const put = (key: string, doc: number): void => {
      if (key.length < 2) return;
      const head = key.slice(0, 2);
      const bucket = index.get(head);
      if (bucket === undefined) index.set(head, [doc]);
      else if (bucket[bucket.length - 1] !== doc) bucket.push(doc);
    };
    for (let doc = 0; doc < this.papers.length; doc++) {
      const paper = this.papers[doc] as P;
      put((this.titleKeys[doc] ??= titleKey(paper.title)), doc);
      put((this.shortKeys[doc] ??= paper.shortName ? titleKey(paper.shortName) : ''), doc);
      if (doc % 1000 === 999) yield;
    }
    this.titleIndex = index;
  }

  /** Papers by the first two letters of their title and short name keys, once {@link indexTitles} has run. */
  private titleIndex: Map<string, number[]> | undefined;

  /**
   * The candidates with a query word in an author's name, from the names
   * shard's author postings: the only papers an author boost can apply to.
   */
  private authorWordDocs(terms: readonly string[], candidates: Candidates): DocSet {
    const out = this.authorDocs;
    out.clear();
    const slot = this.names.slotOf('authors');
    if (slot < 0) return out;
    const F = this.names.fields.length;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      if (term.length < 2) continue; // an initial earns no author boost (ranking.ts)
      const no = this.names.terms.get(term);
      if (no === undefined) continue;
      addCandidates(this.names.docs, this.names.start[no * F + slot] as number, this.names.start[no * F + slot + 1] as number, candidates, out);
    }
    return out;
  }

  /** For the query being ranked: the papers of the title tier, and those with a query word in an author's name. */
  private readonly firstDocs: DocSet;
  private readonly authorDocs: DocSet;

  /** Title keys of papers the ranking has looked at, kept for the next query. */
  private readonly titleKeys: (string | undefined)[];
  private readonly shortKeys: (string | undefined)[];
  /** The query terms of each author name seen: names recur across papers (and prolific authors across many). */
  private readonly nameTerms = new Map<string, string[]>();

  private titleBoostOf(doc: number, paper: P, qKey: string, fixedKey: string | undefined): number {
    if (qKey.length < 2) return 1;
    const title = (this.titleKeys[doc] ??= titleKey(paper.title));
    const short = (this.shortKeys[doc] ??= paper.shortName ? titleKey(paper.shortName) : '');
    const boost = titleBoost(title, short, qKey);
    return fixedKey === undefined ? boost : Math.max(boost, titleBoost(title, short, fixedKey));
  }

  /** Each paper's authors as query terms, for the papers the ranking has boosted. */
  private readonly authorNames: (string[][] | undefined)[] = [];

  /**
   * A paper's authors as query terms, kept once it has authors (a loading
   * paper gets its authors after search is ready: see core/data/load.ts).
   */
  private authorTermsOf(doc: number): readonly string[][] {
    const known = this.authorNames[doc];
    if (known !== undefined) return known;
    const authors = (this.papers[doc] as P).authors;
    const terms = authors.map((a) => this.termsOfName(a.name));
    if (authors.length > 0) this.authorNames[doc] = terms;
    return terms;
  }

  private termsOfName(name: string): string[] {
    let terms = this.nameTerms.get(name);
    if (!terms) this.nameTerms.set(name, (terms = queryTerms(name)));
    return terms;
  }
}

/** Adds the candidates among the postings `docs[from, to)`. */
function addCandidates(docs: Int32Array, from: number, to: number, candidates: Candidates, out: DocSet): void {
  for (let p = from; p < to; p++) {
    const doc = docs[p] as number;
    if (candidates.bound(doc) > 0) out.add(doc);
  }
}

/** A title key start shared by more papers than this is not taken apart (a two-letter query in a large corpus). */
const MAX_TITLE_BUCKET = 4000;

/** A word, for the title tier (global: its exec loop starts at lastIndex 0). */
const WORD = /[\p{L}\p{N}]+/gu;

/** The fields the title tier of typo tolerance spells words from. */
const TITLE_FIELDS: readonly string[] = ['title', 'shortName'];

/** What the ranking of one query knows: its candidates, its terms, the papers an author boost applies to, and its title keys. */
interface Ranking {
  candidates: Candidates;
  termSet: ReadonlySet<string>;
  byAuthor: DocSet;
  qKey: string;
  fixedKey: string | undefined;
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

/**
 * The query as the index sees it: tokenised, folded, stop words, repeats
 * and overlong words dropped, at most QUERY_LIMITS.terms words.
 *
 * @example
 * queryTerms('the H₂O of it') // => ['h2o']
 */
export function queryTerms(query: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const tokens = tokenize(query);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (token.length > QUERY_LIMITS.termChars) continue;
    const t = processQueryTerm(token);
    if (t === null || seen.has(t)) continue;
    if (seen.size >= QUERY_LIMITS.terms) break;
    seen.add(t);
    out.push(t);
  }
  return out;
}
