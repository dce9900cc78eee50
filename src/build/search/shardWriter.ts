import type MiniSearch from 'minisearch';
import { SHARD_VERSION, type ShardJson, type ShardPart } from '../../core/search/shard';
import { bm25 } from '../../core/search/ranking';
import { VarintWriter } from './varintWriter';

/**
 * Writes search shards (the format is in src/core/search/shard.ts, with its
 * reader): the short fields from a built MiniSearch index, the abstracts
 * straight from their text.
 */

/** Characters of postings per part: a part parses and decodes in a few milliseconds. */
export const PART_CHARS = 1 << 20;

/**
 * Which postings of a field to keep: each document's `perDocument` most
 * salient terms, those with the highest BM25 weight in that document (rare
 * words it uses often). Scores of kept postings do not change: document
 * frequencies and field lengths stay those of the whole field.
 */
export interface SalientTerms {
  perDocument: number;
}

type Plain = ReturnType<MiniSearch['toJSON']>;

/** One term's postings in one field: documents ascending, with term frequencies. */
interface FieldPostings {
  slot: number;
  docs: readonly number[];
  tfs: readonly number[];
  /** Documents in the whole field that have the term (more than `docs` holds when pruned). */
  df: number;
}

/** Term frequencies are stored in a byte. */
const MAX_TF = 255;

/**
 * Writes the fields `fields` of a built MiniSearch index as a shard (the
 * short fields: title, short name, authors, techniques, year).
 *
 * @example
 * const ms = new MiniSearch({ ...SEARCH_OPTIONS, fields: [...NAME_FIELDS] }); ms.addAll(docs);
 * const names = shardFromMiniSearch(ms, NAME_FIELDS);
 */
export function shardFromMiniSearch(ms: MiniSearch, fields: readonly string[]): ShardJson {
  const plain: Plain = ms.toJSON();
  const n = plain.documentCount;
  for (let i = 0; i < n; i++) {
    if (plain.documentIds[i] === undefined) throw new Error(`search index: document ${i} is missing; the index must be built in corpus order`);
  }
  const fieldIds = fields.map((f) => {
    const id = plain.fieldIds[f];
    if (id === undefined) throw new Error(`search index has no field "${f}"`);
    return id;
  });
  const lengths = new VarintWriter();
  for (let doc = 0; doc < n; doc++) {
    const row = plain.fieldLength[doc] ?? [];
    for (const id of fieldIds) lengths.write(row[id] ?? 0);
  }
  const entries = plain.index.map(([term, data]): [string, FieldPostings[]] => {
    const lists: FieldPostings[] = [];
    fieldIds.forEach((fid, slot) => {
      const docs = data[fid];
      if (!docs) return;
      const sorted = Object.keys(docs)
        .map(Number)
        .sort((x, y) => x - y);
      lists.push({ slot, docs: sorted, tfs: sorted.map((d) => docs[d] as number), df: sorted.length });
    });
    return [term, lists];
  });
  return encodeShard(
    fields,
    n,
    fieldIds.map((id) => plain.averageFieldLength[id] ?? 0),
    lengths,
    entries,
    false,
  );
}

/** How the index turns a field's text into terms: MiniSearch's tokenize and processTerm options. */
export interface TermOptions {
  tokenize: (text: string, field?: string) => string[];
  processTerm: (term: string, field?: string) => string | string[] | null | undefined | false;
}

/**
 * Indexes one long text field straight into a shard, the way MiniSearch's
 * add() would (same tokenizer and term processing, a field's length is its
 * number of unique tokens, the running average MiniSearch keeps), keeping
 * only each document's most salient terms when `salient` is given. The
 * abstracts are most of the corpus's words: indexing them here, once,
 * without a radix-tree insert per word, keeps the build of 100,000 papers
 * to a minute.
 *
 * @example
 * const abstracts = shardFromText('abstract', papers.map((p) => p.abstract), SEARCH_OPTIONS, { perDocument: 24 });
 */
export function shardFromText(field: string, texts: readonly string[], options: TermOptions, salient: SalientTerms | null): ShardJson {
  const n = texts.length;
  const ids = new Map<string, number>();
  const words: string[] = [];
  const df: number[] = [];
  const docTerms: Int32Array[] = [];
  const docTfs: Uint16Array[] = [];
  const lengths: number[] = [];
  // A token always gives the same terms: remember them as term numbers.
  const termsOf = new Map<string, readonly number[]>();
  const idOf = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) {
      id = words.length;
      ids.set(term, id);
      words.push(term);
      df.push(0);
    }
    return id;
  };
  let tf = new Int32Array(1024);
  const seen: number[] = [];
  let avg = 0;
  texts.forEach((text, doc) => {
    const tokens = options.tokenize(text, field);
    const length = new Set(tokens).size;
    avg = (avg * doc + length) / (doc + 1);
    lengths.push(length);
    for (const token of tokens) {
      let terms = termsOf.get(token);
      if (!terms) {
        const processed = options.processTerm(token, field);
        terms = Array.isArray(processed) ? processed.map(idOf) : processed ? [idOf(processed)] : [];
        termsOf.set(token, terms);
      }
      for (const id of terms) {
        if (id >= tf.length) {
          const grown = new Int32Array(Math.max(tf.length * 2, id + 1));
          grown.set(tf);
          tf = grown;
        }
        if (tf[id] === 0) seen.push(id);
        tf[id] = (tf[id] as number) + 1;
      }
    }
    docTerms.push(Int32Array.from(seen));
    docTfs.push(Uint16Array.from(seen, (id) => Math.min(tf[id] as number, 65535)));
    for (const id of seen) {
      df[id] = (df[id] as number) + 1;
      tf[id] = 0;
    }
    seen.length = 0;
  });

  // Per term, the documents (in order) that keep it.
  const postings = words.map(() => ({ docs: [] as number[], tfs: [] as number[] }));
  docTerms.forEach((terms, doc) => {
    const tfs = docTfs[doc] as Uint16Array;
    let keep = Array.from(terms.keys());
    if (salient && keep.length > salient.perDocument) {
      const w = keep.map((k) => bm25(tfs[k] as number, df[terms[k] as number] as number, n, lengths[doc] as number, avg));
      keep.sort((x, y) => (w[y] as number) - (w[x] as number) || ((words[terms[x] as number] as string) < (words[terms[y] as number] as string) ? -1 : 1));
      keep = keep.slice(0, salient.perDocument);
    }
    for (const k of keep) {
      const p = postings[terms[k] as number] as { docs: number[]; tfs: number[] };
      p.docs.push(doc);
      p.tfs.push(tfs[k] as number);
    }
  });
  const lengthWriter = new VarintWriter();
  for (const l of lengths) lengthWriter.write(l);
  const entries = words.map((term, id): [string, FieldPostings[]] => {
    const p = postings[id] as { docs: number[]; tfs: number[] };
    return [term, p.docs.length > 0 ? [{ slot: 0, docs: p.docs, tfs: p.tfs, df: df[id] as number }] : []];
  });
  return encodeShard([field], n, [avg], lengthWriter, entries, salient !== null);
}

/**
 * A shard from its field lengths and its terms' postings: terms sorted,
 * postings as varints, cut into parts of about {@link PART_CHARS}.
 * Term frequencies above {@link MAX_TF} are stored as {@link MAX_TF}.
 */
function encodeShard(fields: readonly string[], n: number, avg: number[], lengths: VarintWriter, entries: [string, FieldPostings[]][], pruned: boolean): ShardJson {
  const parts: ShardPart[] = [];
  let out = new VarintWriter();
  let terms: string[] = [];
  let first = 0;
  let termCount = 0;
  let postingCount = 0;
  const close = (): void => {
    if (terms.length > 0) parts.push({ kind: 'paperlens-search-part', first, terms, postings: out.toString() });
    first = termCount;
    terms = [];
    out = new VarintWriter();
  };
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [term, lists] of entries) {
    if (lists.length === 0) continue;
    terms.push(term);
    termCount++;
    for (const { slot, docs, tfs, df } of lists) {
      out.write(slot + 1);
      out.write(docs.length);
      if (pruned) out.write(df);
      let last = -1;
      docs.forEach((doc, i) => {
        const tf = Math.min(tfs[i] as number, MAX_TF);
        out.write((doc - last - 1) * 2 + (tf > 1 ? 1 : 0));
        if (tf > 1) out.write(tf - 2);
        last = doc;
      });
      postingCount += docs.length;
    }
    out.write(0);
    if (out.length >= PART_CHARS) close();
  }
  close();
  return {
    kind: 'paperlens-search-shard',
    version: SHARD_VERSION,
    fields: [...fields],
    documentCount: n,
    averageFieldLength: avg,
    fieldLength: lengths.toString(),
    termCount,
    postingCount,
    pruned,
    parts,
  };
}
