/**
 * Unsigned integers packed into a JSON-safe string: five bits per
 * character, with a sixth bit saying "more follows", over an alphabet that
 * JSON never escapes. Posting lists and field lengths ship this way: a
 * string parses in one quick pass, where a JSON array of numbers would make
 * the parser build millions of values.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** Appends numbers to a string, five bits per character. */
export class VarintWriter {
  private readonly parts: string[] = [];
  private chunk: number[] = [];
  private written = 0;
  /** Characters of `chunk` already counted in `written`. */
  private pending = 0;

  /**
   * @example
   * const w = new VarintWriter();
   * w.write(0); w.write(31); w.write(32);
   * w.toString() // => 'AfgB'
   */
  write(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new Error(`varint: ${n} is not a non-negative integer`);
    let v = n;
    while (v >= 32) {
      this.chunk.push(ALPHABET.charCodeAt((v % 32) + 32));
      v = Math.floor(v / 32);
    }
    this.chunk.push(ALPHABET.charCodeAt(v));
    this.written = this.written + this.chunk.length - this.pending;
    this.pending = this.chunk.length;
    if (this.chunk.length >= 8192) this.flush();
  }

  /** Characters written so far. */
  get length(): number {
    return this.written;
  }

  toString(): string {
    this.flush();
    return this.parts.join('');
  }

  private flush(): void {
    if (this.chunk.length > 0) this.parts.push(String.fromCharCode(...this.chunk));
    this.chunk = [];
    this.pending = 0;
  }
}

/** Reads the numbers of a {@link VarintWriter} string back, in order. */
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
