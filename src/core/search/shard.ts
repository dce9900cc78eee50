import { TermDictionary } from './terms';
import { VarintReader } from './varint';

/**
 * A shard of the search index: the posting lists of some of the fields,
 * stored compactly, with its sorted terms as the term dictionary.
 * This file holds the shard's format and its reader; the build writes
 * shards with src/build/search/shardWriter.ts.
 *
 * MiniSearch builds the index (with the one options object in options.ts);
 * the build step then writes each group of fields as a shard: its terms, and
 * for each term and field the documents with their term frequencies. A shard
 * loads into a handful of typed arrays instead of a Map per term and field,
 * which is what made MiniSearch's own index take seconds to load and
 * hundreds of megabytes at 100,000 papers.
 *
 * Decoding pauses (yield) every few thousand units of work and is driven by
 * util/sliced.ts: `runNow`, or `runSliced` for a time-sliced load. Its
 * steps are typed `Generator<undefined, T>` rather than `Sliced<T>` because
 * the data loader delegates to them (yield*) from its own generator, which
 * also yields read requests and is sent the files' text: a step must yield
 * `undefined` (not `void`) and accept whatever it is sent.
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
  /** The terms and postings, in parts of about a million characters (the writer's PART_CHARS): inline, or the names of the files that hold them. */
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
    /** Term → term number, and the prefix and typo lookups (terms.ts). */
    readonly terms: TermDictionary,
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
   * thousand units of work: run it with `runNow`, or with `runSliced`
   * (util/sliced.ts) to spread the load over several event-loop turns.
   * Throws on data that does not have the shard's shape.
   *
   * @example
   * const shard = runNow(IndexShard.decode(buildShards(papers).names));
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
 *
 * @example
 * const decoder = new ShardDecoder(header); // throws unless it is a shard header
 * yield* decoder.lengths();
 * for (const file of decoder.partFiles) yield* decoder.part(JSON.parse(read(file)));
 * const shard = yield* decoder.finish();
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

  /** Decodes the field lengths of the header: the first step. */
  *lengths(): Generator<undefined, void> {
    const { fieldLengths } = this;
    const r = new VarintReader(this.header.fieldLength);
    for (let i = 0; i < fieldLengths.length; i++) {
      fieldLengths[i] = r.read();
      if ((i & 0xffff) === 0xffff) yield;
    }
    if (!r.done) throw new Error('the search shard has more field lengths than documents');
  }

  /** Decodes the next part (the parts come in order); throws on any other. */
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
        yield;
      }
    }
    if (!r.done) throw new Error('the search shard postings do not add up');
  }

  /** Checks that every part has come, and makes the term dictionary: the last step. */
  *finish(): Generator<undefined, IndexShard> {
    const { F, header } = this;
    if (this.terms.length !== header.termCount || this.p !== header.postingCount) throw new Error('the search shard postings do not add up');
    this.start[header.termCount * F] = this.p;
    const dict = new TermDictionary(this.terms);
    return new IndexShard(header.fields, header.documentCount, dict, this.start, this.docs, this.tfs, this.df, this.fieldLengths, Float64Array.from(header.averageFieldLength));
  }
}
