import type MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { VarintReader, VarintWriter } from './varint';

/**
 * A shard of the search index: the posting lists of some of the fields,
 * stored compactly, with MiniSearch's radix tree as the term dictionary.
 *
 * MiniSearch builds the index (with the one options object in options.ts);
 * the build step then writes each group of fields as a shard: its terms, and
 * for each term and field the documents with their term frequencies. A shard
 * loads into a handful of typed arrays instead of a Map per term and field,
 * which is what made MiniSearch's own index take seconds to load and
 * hundreds of megabytes at 100,000 papers.
 */

/** Bumped whenever the shard layout changes. */
export const SHARD_VERSION = 1;

export interface ShardJson {
  kind: 'paperlens-search-shard';
  version: number;
  /** The fields this shard holds, in slot order. */
  fields: string[];
  /** Documents in the whole index; document numbers are positions in the corpus. */
  documentCount: number;
  /** Per field: MiniSearch's average field length, over every document. */
  averageFieldLength: number[];
  /** Varints, document-major: each document's length in each field (unique tokens). */
  fieldLength: string;
  /** Terms in all parts. */
  termCount: number;
  /** Postings in all parts. */
  postingCount: number;
  /** Some postings were dropped (salient terms only); lists then carry their full document frequency. */
  pruned: boolean;
  /** The terms and postings, in parts of about {@link PART_CHARS} characters: inline, or the names of the files that hold them. */
  parts: ShardPart[] | string[];
}

/** A run of consecutive terms of a shard, with their postings. */
export interface ShardPart {
  kind: 'paperlens-search-part';
  /** Number of the first term. */
  first: number;
  /** Sorted, continuing the previous part. */
  terms: string[];
  /**
   * Varints. For each term in order: for each field that has postings,
   * (slot + 1, count[, full document frequency when pruned], then count ×
   * (gap × 2 + (tf > 1), [tf - 2])); then 0.
   */
  postings: string;
}

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

/** MiniSearch's BM25+ parameters (its defaults; options.ts does not change them). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/**
 * MiniSearch's BM25+ score of one posting, the same formula it uses.
 *
 * @example
 * bm25(1, 10, 400, 8, 9.5) // => a positive number: rarer terms and shorter fields score higher
 */
export function bm25(tf: number, df: number, n: number, fieldLength: number, avgFieldLength: number): number {
  const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  return idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / avgFieldLength)));
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

/**
 * A loaded shard. The arrays are read directly by the search executor:
 * for term number t and field slot s, its postings are
 * `docs[start[t * F + s] .. start[t * F + s + 1])` with `tfs` alongside.
 */
export class IndexShard {
  /** A shard from its decoded arrays: use {@link IndexShard.decode} or a {@link ShardDecoder}. */
  constructor(
    readonly fields: readonly string[],
    readonly documentCount: number,
    /** Term → term number; prefix and fuzzy lookups walk MiniSearch's radix tree. */
    readonly terms: SearchableMap<number>,
    readonly start: Int32Array,
    readonly docs: Int32Array,
    readonly tfs: Uint8Array,
    /** Full document frequency per term and slot when pruned; otherwise the list length is it. */
    readonly df: Int32Array | undefined,
    /** Document-major: fieldLength[doc * F + slot]. */
    readonly fieldLength: Uint16Array,
    readonly averageFieldLength: Float64Array,
  ) {}

  /** The slot of a field in this shard, or -1. */
  slotOf(field: string): number {
    return this.fields.indexOf(field);
  }

  /**
   * Decodes a shard whose parts are inline, pausing (yield) every few
   * thousand units of work so a caller can spread the load over several
   * event-loop turns. Throws on data that does not have the shard's shape.
   *
   * @example
   * const shard = runToEnd(IndexShard.decode(PaperSearch.buildShards(papers).names));
   */
  static *decode(json: unknown): Generator<undefined, IndexShard> {
    const decoder = new ShardDecoder(json);
    yield* decoder.lengths();
    for (const part of (json as ShardJson).parts) yield* decoder.part(part);
    return yield* decoder.finish();
  }
}

/**
 * Decodes a shard part by part: the header, then each part as it is read,
 * then the term dictionary. Every step pauses (yield) after a few thousand
 * units of work.
 */
export class ShardDecoder {
  private readonly header: ShardJson;
  private readonly F: number;
  private readonly fieldLengths: Uint16Array;
  private readonly start: Int32Array;
  private readonly docs: Int32Array;
  private readonly tfs: Uint8Array;
  private readonly df: Int32Array | undefined;
  private readonly terms: string[] = [];
  private p = 0;

  constructor(json: unknown) {
    const j = json as Partial<ShardJson> | null;
    if (j?.kind !== 'paperlens-search-shard' || j.version !== SHARD_VERSION) throw new Error(`not a search shard of version ${SHARD_VERSION}`);
    const { fields, documentCount: n, averageFieldLength, fieldLength, termCount, postingCount, pruned, parts } = j;
    if (
      !Array.isArray(fields) ||
      !Number.isInteger(n) ||
      !Array.isArray(averageFieldLength) ||
      averageFieldLength.length !== fields.length ||
      typeof fieldLength !== 'string' ||
      !Number.isInteger(termCount) ||
      !Number.isInteger(postingCount) ||
      typeof pruned !== 'boolean' ||
      !Array.isArray(parts)
    ) {
      throw new Error('the search shard is incomplete');
    }
    this.header = j as ShardJson;
    this.F = fields.length;
    this.fieldLengths = new Uint16Array((n as number) * this.F);
    this.start = new Int32Array((termCount as number) * this.F + 1);
    this.docs = new Int32Array(postingCount as number);
    this.tfs = new Uint8Array(postingCount as number);
    this.df = pruned ? new Int32Array((termCount as number) * this.F) : undefined;
  }

  /** The names of the files that hold the parts, when they are not inline. */
  get partFiles(): string[] {
    return this.header.parts.filter((x): x is string => typeof x === 'string');
  }

  *lengths(): Generator<undefined, void> {
    const { fieldLengths } = this;
    const r = new VarintReader(this.header.fieldLength);
    for (let i = 0; i < fieldLengths.length; i++) {
      fieldLengths[i] = r.read();
      if ((i & 0xffff) === 0xffff) yield undefined;
    }
    if (!r.done) throw new Error('the search shard has more field lengths than documents');
  }

  *part(json: unknown): Generator<undefined, void> {
    const part = json as Partial<ShardPart> | null;
    if (part?.kind !== 'paperlens-search-part' || part.first !== this.terms.length || !Array.isArray(part.terms) || typeof part.postings !== 'string') {
      throw new Error(`search shard part ${this.terms.length > 0 ? `after term ${this.terms.length}` : 'one'} is not the part that comes next`);
    }
    const { F, start, docs, tfs, df } = this;
    const n = this.header.documentCount;
    const r = new VarintReader(part.postings);
    let last = this.terms[this.terms.length - 1];
    let work = 0;
    for (const term of part.terms) {
      if (typeof term !== 'string' || (last !== undefined && !(last < term))) throw new Error('the search shard terms are not sorted text');
      last = term;
      const t = this.terms.length;
      if (t >= this.header.termCount) throw new Error('the search shard has more terms than it says');
      this.terms.push(term);
      const base = t * F;
      let lastSlot = -1;
      for (;;) {
        const s = r.read() - 1;
        if (s < 0) break;
        if (s <= lastSlot || s >= F) throw new Error(`search shard term "${term}" has a bad field`);
        for (let k = lastSlot + 1; k <= s; k++) start[base + k] = this.p;
        const count = r.read();
        if (df) df[base + s] = r.read();
        if (this.p + count > docs.length) throw new Error('the search shard postings do not add up');
        const doc = r.postings(count, docs, tfs, this.p, -1);
        this.p += count;
        if (doc >= n) throw new Error(`search shard term "${term}" points past the corpus`);
        lastSlot = s;
        work += count + 8;
      }
      for (let k = lastSlot + 1; k < F; k++) start[base + k] = this.p;
      if (work > 20_000) {
        work = 0;
        yield undefined;
      }
    }
    if (!r.done) throw new Error('the search shard postings do not add up');
  }

  *finish(): Generator<undefined, IndexShard> {
    const { F, header } = this;
    if (this.terms.length !== header.termCount || this.p !== header.postingCount) throw new Error('the search shard postings do not add up');
    this.start[header.termCount * F] = this.p;
    const dict = yield* radixTree(this.terms);
    return new IndexShard(header.fields, header.documentCount, dict, this.start, this.docs, this.tfs, this.df, this.fieldLengths, Float64Array.from(header.averageFieldLength));
  }
}

/**
 * MiniSearch's radix tree over sorted, distinct terms, each mapped to its
 * position: the tree SearchableMap.set builds one term at a time, built in
 * one pass, pausing (yield) between first letters.
 *
 * @example
 * runToEnd(radixTree(['kv', 'kvcache', 'mla'])).atPrefix('kv').size // => 2
 */
export function* radixTree(terms: readonly string[]): Generator<undefined, SearchableMap<number>> {
  const root: Tree = new Map();
  let i = 0;
  if (terms[0] === '') root.set(LEAF, i++);
  while (i < terms.length) {
    const j = groupEnd(terms, i, 0);
    const end = commonPrefix(terms[i] as string, terms[j - 1] as string, 1);
    root.set((terms[i] as string).slice(0, end), subtree(terms, i, j, end));
    i = j;
    yield undefined;
  }
  return new SearchableMap<number>(root as never);
}

type Tree = Map<string, number | Tree>;
/** SearchableMap's key for the value of a node. */
const LEAF = '';

function subtree(terms: readonly string[], lo: number, hi: number, depth: number): Tree {
  const node: Tree = new Map();
  let i = lo;
  if ((terms[i] as string).length === depth) node.set(LEAF, i++);
  while (i < hi) {
    const j = groupEnd(terms, i, depth, hi);
    const end = commonPrefix(terms[i] as string, terms[j - 1] as string, depth + 1);
    node.set((terms[i] as string).slice(depth, end), subtree(terms, i, j, end));
    i = j;
  }
  return node;
}

/** The end of the run of terms from `i` that share the character at `depth`. */
function groupEnd(terms: readonly string[], i: number, depth: number, hi = terms.length): number {
  const c = (terms[i] as string).charCodeAt(depth);
  let j = i + 1;
  while (j < hi && (terms[j] as string).charCodeAt(depth) === c) j++;
  return j;
}

function commonPrefix(a: string, b: string, from: number): number {
  let k = from;
  while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}

/**
 * Runs a pausing computation to its end, without pausing.
 *
 * @example
 * runToEnd(IndexShard.decode(json)) // => IndexShard
 */
export function runToEnd<T>(gen: Generator<unknown, T>): T {
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}
