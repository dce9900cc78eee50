import { VARINT_ALPHABET } from '../../core/search/varint';

/**
 * Appends numbers to a string, five bits per character: the writing half of
 * the varints that src/core/search/varint.ts reads (its header says why
 * posting lists ship this way).
 */
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
      this.chunk.push(VARINT_ALPHABET.charCodeAt((v % 32) + 32));
      v = Math.floor(v / 32);
    }
    this.chunk.push(VARINT_ALPHABET.charCodeAt(v));
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
