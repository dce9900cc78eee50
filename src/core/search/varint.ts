/**
 * Unsigned integers packed into a JSON-safe string: five bits per
 * character, with a sixth bit saying "more follows", over an alphabet that
 * JSON never escapes. Posting lists and field lengths ship this way: a
 * string parses in one quick pass, where a JSON array of numbers would make
 * the parser build millions of values.
 *
 * This file holds the reader; the build writes varints with
 * src/build/search/varintWriter.ts, over the same alphabet.
 */

/** The 64 digits: the low five bits are the value, the sixth says "more follows". */
export const VARINT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < VARINT_ALPHABET.length; i++) DIGIT[VARINT_ALPHABET.charCodeAt(i)] = i;

/** Reads the numbers of a varint string (as the build's VarintWriter writes it) back, in order. */
export class VarintReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  /**
   * Reads `count` postings written as (gap × 2 + (tf > 1), [tf - 2]) into
   * `docs` and `tfs` from `at`, the first document following `doc`; returns
   * the last document. The hot loop of loading an index, inlined.
   *
   * @example
   * reader.postings(3, docs, tfs, 0, -1) // => the third document's number
   */
  postings(count: number, docs: Int32Array, tfs: Uint8Array, at: number, doc: number): number {
    const text = this.text;
    let pos = this.pos;
    let d = doc;
    for (let i = 0; i < count; i++) {
      let v = 0;
      let scale = 1;
      for (;;) {
        const code = text.charCodeAt(pos++);
        const digit = code < 128 ? (DIGIT[code] as number) : -1;
        if (digit < 0) throw new Error(`varint: unexpected ${Number.isNaN(code) ? 'end of data' : `character at ${pos - 1}`}`);
        v += (digit & 31) * scale;
        if (digit < 32) break;
        scale *= 32;
      }
      d += (v >>> 1) + 1;
      docs[at + i] = d;
      if ((v & 1) === 1) {
        this.pos = pos;
        tfs[at + i] = this.read() + 2;
        pos = this.pos;
      } else {
        tfs[at + i] = 1;
      }
    }
    this.pos = pos;
    return d;
  }

  /** Whether every number has been read. */
  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /**
   * @example
   * new VarintReader('AfgB').read() // => 0
   */
  read(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const code = this.text.charCodeAt(this.pos++);
      const d = code < 128 ? (DIGIT[code] as number) : -1;
      if (d < 0) throw new Error(`varint: unexpected ${Number.isNaN(code) ? 'end of data' : `character at ${this.pos - 1}`}`);
      n += (d & 31) * scale;
      if (d < 32) return n;
      scale *= 32;
    }
  }
}
