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

  /** @param terms distinct and sorted (JavaScript's `<`), as shards store them. */
  constructor(readonly terms: readonly string[]) {}

  get size(): number {
    return this.terms.length;
  }

  /**
   * The number of `term`, or undefined.
   *
   * @example
   * new TermDictionary(['cache', 'kv']).get('kv') // => 1
   */
  get(term: string): number | undefined {
    const i = this.lowerBound(term, 0);
    return this.terms[i] === term ? i : undefined;
  }

  /**
   * The numbers of the terms that start with `prefix` (itself included): `[from, to)`.
   *
   * @example
   * new TermDictionary(['kv', 'kvcache', 'mla']).prefixRange('kv') // => [0, 2]
   */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix, 0);
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
    const { terms } = this;
    const m = word.length;
    const W = m + 1;
    const maxLength = m + maxDistance;
    if (this.rows.length < (maxLength + 1) * W) this.rows = new Int32Array((maxLength + 1) * W * 2);
    const rows = this.rows;
    for (let j = 0; j <= m; j++) rows[j] = j;
    let prev = '';
    /** Rows 0..valid hold the table for the first `valid` letters of `prev`. */
    let valid = 0;
    let i = 0;
    while (i < terms.length) {
      const t = terms[i] as string;
      let k = 0;
      const shared = Math.min(valid, t.length);
      while (k < shared && t.charCodeAt(k) === prev.charCodeAt(k)) k++;
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
        rows[base] = r;
        let least = r;
        for (let j = 1; j <= m; j++) {
          const qj = word.charCodeAt(j - 1);
          let v = (rows[up + j - 1] as number) + (qj === c ? 0 : 1);
          const del = (rows[up + j] as number) + 1;
          if (del < v) v = del;
          const ins = (rows[base + j - 1] as number) + 1;
          if (ins < v) v = ins;
          if (j > 1 && r > 1 && c === word.charCodeAt(j - 2) && c1 === qj) {
            const swap = (rows[up - W + j - 2] as number) + 1;
            if (swap < v) v = swap;
          }
          rows[base + j] = v;
          if (v < least) least = v;
        }
        // A row's least value never falls further down the table: every term under this prefix is too far.
        if (least > maxDistance) {
          cut = r;
          break;
        }
      }
      prev = t;
      if (cut >= 0) {
        valid = cut - 1;
        i = this.lowerBound(`${t.slice(0, cut)}\uffff`, i + 1);
        continue;
      }
      valid = t.length;
      const d = rows[t.length * W + m] as number;
      if (d <= maxDistance) visit(i, d);
      i++;
    }
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
