import { processIndexTerm, tokenize } from './options';
import { TermDictionary } from './terms';
import { IndexShard } from './shard';

/**
 * A search shard built at run time, in memory, from documents' field
 * texts: the index of the user's own library. It has the layout of the
 * shards the build writes (shard.ts), so the same executor and ranking
 * search it, with the same tokens, typo tolerance, prefixes and scores, at
 * a keystroke cost that grows with the postings a query touches rather
 * than with MiniSearch's per-match bookkeeping.
 *
 * Terms are indexed as the build indexes them (options.ts `tokenize` and
 * `processIndexTerm`), and a field's length is MiniSearch's: its number of
 * distinct tokens.
 * Given a {@link TermCache} (one per file), a rebuild after an edit cuts
 * only the changed texts into terms.
 */

/** Documents between the points where building may pause. */
const STEP_DOCS = 100;
/** Postings written between pauses. */
const STEP_POSTINGS = 100_000;

/** A field text cut into terms: their numbers in the cache's vocabulary, with counts. */
interface TextTerms {
  ids: Int32Array;
  counts: Uint8Array;
  /** The field length MiniSearch gives the text: its distinct tokens, before stop words are dropped. */
  length: number;
}

/**
 * What building a file's index learnt, kept for the next build of the same
 * file: a vocabulary (term ↔ number) and each field text cut into term
 * numbers. After an edit only the changed entries' texts are cut again, and
 * a text that repeats (a journal name across thousands of entries) is cut
 * once. The vocabulary keeps terms no text uses any more; it starts over
 * when those outnumber the live ones.
 */
export class TermCache {
  terms: string[] = [];
  ids = new Map<string, number>();
  texts = new Map<string, TextTerms>();
}

/** A token's term numbers in a vocabulary: one, several (a CamelCase word and its parts), or none (a stop word). */
type TokenTerms = number | number[] | null;

function termsOf(text: string, cache: TermCache, next: Map<string, TextTerms>, tokenTerms: Map<string, TokenTerms>): TextTerms {
  let out = next.get(text) ?? cache.texts.get(text);
  if (!out) {
    const tf = new Map<number, number>();
    const tokens = tokenize(text);
    for (const token of tokens) {
      let ids = tokenTerms.get(token);
      if (ids === undefined) tokenTerms.set(token, (ids = termNumbers(token, cache)));
      if (ids === null) continue;
      if (typeof ids === 'number') tf.set(ids, (tf.get(ids) ?? 0) + 1);
      else for (const id of ids) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    out = { ids: Int32Array.from(tf.keys()), counts: Uint8Array.from(tf.values(), (c) => Math.min(c, 0xff)), length: new Set(tokens).size };
  }
  next.set(text, out);
  return out;
}

/** A token's terms (as the build indexes it), numbered in the cache's vocabulary. */
function termNumbers(token: string, cache: TermCache): TokenTerms {
  const processed = processIndexTerm(token);
  if (processed === null) return null;
  const number = (term: string): number => {
    let id = cache.ids.get(term);
    if (id === undefined) {
      id = cache.terms.length;
      cache.ids.set(term, id);
      cache.terms.push(term);
    }
    return id;
  };
  return typeof processed === 'string' ? number(processed) : processed.map(number);
}

/**
 * A shard over `docs`, where `textsOf(docs[i])[slot]` is document i's
 * text in `fields[slot]`, as sliced work (run it with `runNow` or
 * `runSliced`). The postings are laid out by counting, not by a map of
 * lists: one pass counts each term's postings per field, one pass places
 * them, so the work is linear in the postings.
 *
 * @example
 * const shard = runNow(buildMemoryShard(['title', 'authors'], [['Fast Vision Transformers with HiLo Attention', 'Zizheng Pan']], (d) => d));
 * shard.terms.get('hilo') // => the term's number
 */
export function* buildMemoryShard<D>(fields: readonly string[], docs: readonly D[], textsOf: (doc: D) => readonly string[], cache: TermCache = new TermCache()): Generator<undefined, IndexShard> {
  const F = fields.length;
  const n = docs.length;
  const fieldLength = new Uint16Array(n * F);
  const totalLength = new Float64Array(F);
  // Each document's texts, cut into terms (from the cache where it has them).
  const next = new Map<string, TextTerms>();
  // A word is cut into terms once per build, however many texts hold it.
  const tokenTerms = new Map<string, TokenTerms>();
  const cut: (TextTerms | undefined)[] = new Array<TextTerms | undefined>(n * F);
  let postings = 0;
  for (let doc = 0; doc < n; doc++) {
    const texts = textsOf(docs[doc] as D);
    for (let slot = 0; slot < F; slot++) {
      const text = texts[slot];
      if (!text) continue;
      const t = termsOf(text, cache, next, tokenTerms);
      cut[doc * F + slot] = t;
      fieldLength[doc * F + slot] = Math.min(t.length, 0xffff);
      totalLength[slot] = (totalLength[slot] as number) + t.length;
      postings += t.ids.length;
    }
    if (doc % STEP_DOCS === STEP_DOCS - 1) yield;
  }
  cache.texts = next;
  // Postings per (term number, field), and the terms in use.
  const V = cache.terms.length;
  const perTermSlot = new Int32Array(V * F);
  for (let i = 0; i < cut.length; i++) {
    const t = cut[i];
    if (!t) continue;
    const slot = i % F;
    for (const id of t.ids) perTermSlot[id * F + slot] = (perTermSlot[id * F + slot] as number) + 1;
  }
  yield;
  // The terms in use, sorted in runs of one first character (in order), so no one sort blocks for long.
  const byFirst = new Map<number, string[]>();
  for (let id = 0; id < V; id++) {
    let used = false;
    for (let slot = 0; slot < F && !used; slot++) used = (perTermSlot[id * F + slot] as number) > 0;
    if (!used) continue;
    const term = cache.terms[id] as string;
    const c = term.charCodeAt(0);
    const run = byFirst.get(c);
    if (run) run.push(term);
    else byFirst.set(c, [term]);
  }
  yield;
  const terms: string[] = [];
  for (const c of [...byFirst.keys()].sort((a, b) => a - b)) {
    terms.push(...(byFirst.get(c) as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    yield;
  }
  // Where each (term, field) list starts, in the sorted order; then each posting in its place, documents in order.
  const start = new Int32Array(terms.length * F + 1);
  const at = new Int32Array(V * F);
  let p = 0;
  terms.forEach((term, rank) => {
    const id = cache.ids.get(term) as number;
    for (let slot = 0; slot < F; slot++) {
      start[rank * F + slot] = p;
      at[id * F + slot] = p;
      p += perTermSlot[id * F + slot] as number;
    }
  });
  start[terms.length * F] = p;
  yield;
  const docsOut = new Int32Array(postings);
  const tfs = new Uint8Array(postings);
  let work = 0;
  for (let i = 0; i < cut.length; i++) {
    const t = cut[i];
    if (!t) continue;
    const doc = (i / F) | 0;
    const slot = i % F;
    for (let k = 0; k < t.ids.length; k++) {
      const q = (t.ids[k] as number) * F + slot;
      const where = at[q] as number;
      docsOut[where] = doc;
      tfs[where] = t.counts[k] as number;
      at[q] = where + 1;
    }
    work += t.ids.length;
    if (work > STEP_POSTINGS) {
      work = 0;
      yield;
    }
  }
  // A vocabulary mostly of terms no text uses any more starts over next time.
  if (V > 4 * terms.length + 10_000) {
    cache.terms = [];
    cache.ids = new Map();
    cache.texts = new Map();
  }
  const dict = new TermDictionary(terms);
  const average = Float64Array.from(totalLength, (sum) => (n === 0 ? 0 : sum / n));
  return new IndexShard(fields, n, dict, start, docsOut, tfs, undefined, fieldLength, average);
}

/**
 * A small index that stands beside a large one (the few entries an edit
 * changed, beside the rest of the file's index), scoring as if its
 * documents were in the large one: a term the large index knows has the
 * large index's document frequency, and the average field lengths are the
 * large one's. Searched with `documentCount` set to the large index's
 * count, its scores are on the large index's scale, so hits from both rank
 * together as they would in one index built before the edit.
 *
 * @example
 * const delta = withStatisticsOf(runNow(buildMemoryShard(FIELDS, edited, textsOf)), main);
 */
export function withStatisticsOf(part: IndexShard, whole: IndexShard): IndexShard {
  const F = part.fields.length;
  const df = new Int32Array(part.terms.size * F);
  const slots = part.fields.map((f) => whole.slotOf(f));
  const WF = whole.fields.length;
  for (let t = 0; t < part.terms.size; t++) {
    const w = whole.terms.get(part.terms.terms[t] as string);
    for (let s = 0; s < F; s++) {
      const own = (part.start[t * F + s + 1] as number) - (part.start[t * F + s] as number);
      const ws = slots[s] as number;
      const theirs = w === undefined || ws < 0 ? 0 : whole.df ? (whole.df[w * WF + ws] as number) : (whole.start[w * WF + ws + 1] as number) - (whole.start[w * WF + ws] as number);
      df[t * F + s] = Math.max(own, theirs);
    }
  }
  const average = Float64Array.from(part.fields, (f, s) => {
    const ws = whole.slotOf(f);
    return ws < 0 ? (part.averageFieldLength[s] as number) : (whole.averageFieldLength[ws] as number);
  });
  return new IndexShard(part.fields, part.documentCount, part.terms, part.start, part.docs, part.tfs, df, part.fieldLength, average);
}
