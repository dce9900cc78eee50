/**
 * The term dictionary of a loaded shard: its terms, sorted as the shard
 * stores them, answering the three lookups of a query term. An exact term
 * and the terms a prefix starts are binary searches; the terms within a
 * few typos of a word are found by walking the sorted terms as the trie
 * they spell, one row of an edit-distance table per letter, and skipping
 * every term under a prefix that is already too far away.
 *
 * Typos are counted as people make them: a dropped, an extra or a wrong
 * letter, or two neighbouring letters swapped, is one edit each (optimal
 * string alignment distance; plain Levenshtein counts a swap as two).
 *
 * It replaces MiniSearch's radix tree (`SearchableMap`) at run time: no
 * object per node to build at load or for the collector to trace, and no
 * generator per lookup.
 */
export class TermDictionary {
  /** Edit-distance rows, one per letter of the term being walked; grown as needed. */
  private rows = new Int32Array(0);
  /** Per term, the letters it shares with the term before it (at most 255): the trie's shape, for the walk. */
  private readonly shared: Uint8Array;
  /** The last few typo lookups (term number, distance, …): typing asks for the same word in several fields and shards. */
  private readonly recent = new Map<string, Int32Array>();

  /** @param terms distinct and sorted (JavaScript's `<`), as shards store them. */
  constructor(readonly terms: readonly string[]) {
    this.shared = new Uint8Array(terms.length);
    for (let i = 1; i < terms.length; i++) {
      const a = terms[i - 1] as string;
      const b = terms[i] as string;
      const most = Math.min(a.length, b.length, 255);
      let k = 0;
      while (k < most && a.charCodeAt(k) === b.charCodeAt(k)) k++;
      this.shared[i] = k;
    }
  }

  get size(): number {
    return this.terms.length;
  }

  /**
   * The number of `term`, or undefined.
   *
   * @example
   * new TermDictionary(['cache', 'kv']).get('kv') // => 1
   */
  get(term: string, at = this.position(term)): number | undefined {
    return this.terms[at] === term ? at : undefined;
  }

  /**
   * Where `term` is, or would be, in the sorted terms: the number of the
   * first term not below it. {@link get} and {@link prefixRange} take it,
   * so that looking a word up both ways searches the terms once.
   *
   * @example
   * new TermDictionary(['cache', 'kv']).position('cat') // => 1
   */
  position(term: string): number {
    return this.lowerBound(term, 0);
  }

  /**
   * The numbers of the terms that start with `prefix` (itself included): `[from, to)`.
   *
   * @example
   * new TermDictionary(['kv', 'kvcache', 'mla']).prefixRange('kv') // => [0, 2]
   */
  prefixRange(prefix: string, from = this.position(prefix)): [number, number] {
    return [from, this.lowerBound(`${prefix}\uffff`, from)];
  }

  /**
   * Calls `visit` with the number and distance of every term within
   * `maxDistance` typos of `word` (itself at distance 0), in term order.
   *
   * @example
   * const found: [string, number][] = [];
   * new TermDictionary(['decoding', 'encoding']).typos('decodnig', 1, (no, d) => found.push([String(no), d]));
   * found // => [['0', 1]] ('ni' for 'in' is one swap)
   */
  typos(word: string, maxDistance: number, visit: (no: number, distance: number) => void): void {
    const key = `${maxDistance}:${word}`;
    let found = this.recent.get(key);
    if (found === undefined) {
      found = this.walk(word, maxDistance);
      if (this.recent.size >= 64) this.recent.delete(this.recent.keys().next().value as string);
      this.recent.set(key, found);
    }
    for (let i = 0; i < found.length; i += 2) visit(found[i] as number, found[i + 1] as number);
  }

  /**
   * The typo lookup: the sorted terms walked as the trie they spell, one
   * row of the distance table per letter (only the band of cells within
   * `maxDistance` of the diagonal can stay within it), every term under a
   * prefix that is already too far skipped.
   */
  private walk(word: string, maxDistance: number): Int32Array {
    const { terms, shared } = this;
    const out: number[] = [];
    const m = word.length;
    const W = m + 1;
    const maxLength = m + maxDistance;
    const far = maxDistance + 1;
    if (this.rows.length < (maxLength + 1) * W) this.rows = new Int32Array((maxLength + 1) * W * 2);
    const rows = this.rows;
    for (let j = 0; j <= m; j++) rows[j] = Math.min(j, far);
    /** Rows 0..valid hold the table for the first `valid` letters of the term before. */
    let valid = 0;
    let i = 0;
    while (i < terms.length) {
      const t = terms[i] as string;
      const k = Math.min(shared[i] as number, valid);
      let cut = -1;
      const depth = Math.min(t.length, maxLength + 1);
      for (let r = k + 1; r <= depth; r++) {
        if (r > maxLength) {
          cut = r;
          break;
        }
        const c = t.charCodeAt(r - 1);
        const c1 = r > 1 ? t.charCodeAt(r - 2) : -1;
        const base = r * W;
        const up = base - W;
        const lo = Math.max(1, r - maxDistance);
        const hi = Math.min(m, r + maxDistance);
        rows[base] = Math.min(r, far);
        if (lo > 1) rows[base + lo - 1] = far;
        let least = r <= maxDistance ? r : far;
        for (let j = lo; j <= hi; j++) {
          const qj = word.charCodeAt(j - 1);
          let v = (rows[up + j - 1] as number) + (qj === c ? 0 : 1);
          if (j < r + maxDistance) {
            const del = (rows[up + j] as number) + 1;
            if (del < v) v = del;
          }
          const ins = (rows[base + j - 1] as number) + 1;
          if (ins < v) v = ins;
          if (j > 1 && r > 1 && c === word.charCodeAt(j - 2) && c1 === qj) {
            const swap = (rows[up - W + j - 2] as number) + 1;
            if (swap < v) v = swap;
          }
          if (v > far) v = far;
          rows[base + j] = v;
          if (v < least) least = v;
        }
        if (hi < m) rows[base + hi + 1] = far;
        // A row's least value never falls further down the table: every term under this prefix is too far.
        if (least > maxDistance) {
          cut = r;
          break;
        }
      }
      if (cut >= 0) {
        valid = cut - 1;
        i++;
        while (i < terms.length && (shared[i] as number) >= cut) i++;
        continue;
      }
      valid = t.length;
      const d = t.length >= m - maxDistance ? (rows[t.length * W + m] as number) : far;
      if (d <= maxDistance) out.push(i, d);
      i++;
    }
    return Int32Array.from(out);
  }

  /** The first position from `from` whose term is not below `s`. */
  private lowerBound(s: string, from: number): number {
    let lo = from;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.terms[mid] as string) < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The optimal string alignment distance of two words: dropped, extra and
 * wrong letters and swaps of neighbours count one each. For tests and
 * checks; lookups use {@link TermDictionary.typos}.
 *
 * @example
 * typoDistance('decoding', 'decodnig') // => 1
 * typoDistance('decoding', 'decodng') // => 1
 */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
