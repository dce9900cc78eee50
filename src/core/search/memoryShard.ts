import { processIndexTerm, tokenize } from './options';
import { radixTree } from './radixTree';
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
 * Given a `cache` (one per file), a rebuild after an edit cuts only the
 * changed texts into terms.
 */

/** Documents between the points where building may pause. */
const STEP_DOCS = 100;
/** Postings written between pauses. */
const STEP_POSTINGS = 50_000;

/**
 * A field text's terms with their counts, flat (term, count, term, count…).
 * Kept across builds of the same file: after an edit, only the changed
 * entries' texts are cut into terms again; and a text that repeats (a
 * journal name across thousands of entries) is cut once.
 */
export type TermCache = Map<string, TextTerms>;

interface TextTerms {
  /** Term, count, term, count… */
  terms: readonly (string | number)[];
  /** The field length MiniSearch gives the text: its distinct tokens, before stop words are dropped. */
  length: number;
}

function termsOf(text: string, cache: TermCache, next: TermCache): TextTerms {
  let out = next.get(text) ?? cache.get(text);
  if (!out) {
    const tf = new Map<string, number>();
    const tokens = tokenize(text);
    for (const token of tokens) {
      const processed = processIndexTerm(token);
      if (processed === null) continue;
      for (const term of typeof processed === 'string' ? [processed] : processed) tf.set(term, (tf.get(term) ?? 0) + 1);
    }
    out = { terms: [...tf].flat(), length: new Set(tokens).size };
  }
  next.set(text, out);
  return out;
}

/**
 * A shard over `docs`, where `textsOf(docs[i])[slot]` is document i's
 * text in `fields[slot]`, as sliced work (run it with `runNow` or
 * `runSliced`).
 *
 * @example
 * const shard = runNow(buildMemoryShard(['title', 'authors'], [['Fast Vision Transformers with HiLo Attention', 'Zizheng Pan']], (d) => d));
 * shard.terms.get('hilo') // => the term's number
 */
export function* buildMemoryShard<D>(fields: readonly string[], docs: readonly D[], textsOf: (doc: D) => readonly string[], cache?: { terms: TermCache }): Generator<undefined, IndexShard> {
  const F = fields.length;
  const n = docs.length;
  // Term → its postings as flat (slot, doc, tf) triples, in document order.
  const postings = new Map<string, number[]>();
  const fieldLength = new Uint16Array(n * F);
  const totalLength = new Float64Array(F);
  const known: TermCache = cache?.terms ?? new Map();
  const next: TermCache = new Map();
  for (let doc = 0; doc < n; doc++) {
    const texts = textsOf(docs[doc] as D);
    for (let slot = 0; slot < F; slot++) {
      const text = texts[slot];
      if (!text) continue;
      const { terms, length } = termsOf(text, known, next);
      fieldLength[doc * F + slot] = Math.min(length, 0xffff);
      totalLength[slot] = (totalLength[slot] as number) + length;
      for (let i = 0; i < terms.length; i += 2) {
        const term = terms[i] as string;
        let list = postings.get(term);
        if (!list) postings.set(term, (list = []));
        list.push(slot, doc, terms[i + 1] as number);
      }
    }
    if (doc % STEP_DOCS === STEP_DOCS - 1) yield;
  }
  if (cache) cache.terms = next;
  // Sorted in runs of one first character (in order), so no one sort blocks for long.
  const byFirst = new Map<number, string[]>();
  for (const term of postings.keys()) {
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
  let total = 0;
  for (const list of postings.values()) total += list.length / 3;
  const start = new Int32Array(terms.length * F + 1);
  const docsOut = new Int32Array(total);
  const tfs = new Uint8Array(total);
  let p = 0;
  let work = 0;
  for (let t = 0; t < terms.length; t++) {
    const list = postings.get(terms[t] as string) as number[];
    // Slot-major within a term; documents stay in order within a slot.
    for (let slot = 0; slot < F; slot++) {
      start[t * F + slot] = p;
      for (let i = 0; i < list.length; i += 3) {
        if (list[i] !== slot) continue;
        docsOut[p] = list[i + 1] as number;
        tfs[p] = Math.min(list[i + 2] as number, 0xff);
        p++;
      }
    }
    work += list.length + F;
    if (work > STEP_POSTINGS) {
      work = 0;
      yield;
    }
  }
  start[terms.length * F] = p;
  yield;
  const dict = yield* radixTree(terms);
  const average = Float64Array.from(totalLength, (sum) => (n === 0 ? 0 : sum / n));
  return new IndexShard(fields, n, dict, start, docsOut, tfs, undefined, fieldLength, average);
}
