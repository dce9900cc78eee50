import type { Paper } from '../../schema/corpus';
import { MAX_RUN } from '../../core/techniques/runs';
import { STEM_SLACK, type Word, stem } from '../../core/techniques/words';
import { proseChunks } from './phrases';
import type { TokenWords } from './tokenWords';

/** A set of keys that also answers "does any key start with this?" by binary search. */
class KeySet {
  private readonly sorted: string[];

  /** [first, last + 1) in `sorted` of the keys that start with each two-character head. */
  private readonly byHead = new Map<string, [number, number]>();

  constructor(private readonly keys: ReadonlySet<string>) {
    this.sorted = [...keys].sort();
    this.sorted.forEach((k, i) => {
      const head = k.slice(0, 2);
      const range = this.byHead.get(head);
      if (range) range[1] = i + 1;
      else this.byHead.set(head, [i, i + 1]);
    });
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  hasPrefix(prefix: string): boolean {
    // Narrow to the keys that share the first two characters, then bisect.
    const range = prefix.length >= 2 ? this.byHead.get(prefix.slice(0, 2)) : [0, this.sorted.length];
    if (!range) return false;
    let lo = range[0] ?? 0;
    let hi = range[1] ?? 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    return this.sorted[lo]?.startsWith(prefix) ?? false;
  }
}

/** Counts of runs in a title and an abstract, keyed as in {@link countRuns}. */
export interface Mentions {
  title: number;
  body: number;
}

/**
 * Every run of up to MAX_RUN words in a text whose key is in `keys`, reported
 * with its variants. Variants: "^key" for runs written with a capital ("SEED",
 * not "seed"); "=key" for runs inside one whitespace token, so the name "ASA"
 * is not found in "As a result"; "^=key" for both. A run that no key
 * starts like cannot grow into a key either, so its longer runs are skipped.
 */
function countRuns(text: string, keys: KeySet, cache: TokenWords, visit: (variantKey: string) => void): void {
  for (const chunk of proseChunks(text)) {
    // Words, the whitespace token each sits in, and whether it has a capital.
    const words: Word[] = [];
    const token: number[] = [];
    const upper: boolean[] = [];
    let t = 0;
    for (const tok of chunk.split(/\s+/)) {
      if (tok === '') continue;
      const e = cache.of(tok);
      e.words.forEach((w, k) => {
        words.push(w);
        token.push(t);
        upper.push(e.upper[k] === true);
      });
      t++;
    }
    for (let i = 0; i < words.length; i++) {
      let prefix = '';
      let cased = false;
      for (let j = i; j < Math.min(words.length, i + MAX_RUN); j++) {
        const w = words[j];
        if (!w) break;
        cased ||= upper[j] === true;
        prefix += w.lower;
        // stem() only cuts a few letters off the end, so a key starts with all but
        // those (STEM_SLACK). (A one-word run is its word's stem, already known.)
        if (j > i && prefix.length > STEM_SLACK && !keys.hasPrefix(prefix.slice(0, prefix.length - STEM_SLACK))) break;
        const key = j === i ? w.stem : stem(prefix);
        if (!keys.has(key)) continue;
        const one = token[i] === token[j];
        visit(key);
        if (cased) visit(`^${key}`);
        if (one) visit(`=${key}`);
        if (one && cased) visit(`^=${key}`);
      }
    }
  }
}

/**
 * How often each paper's title and abstract name each of `keys` (with the
 * variants of {@link countRuns}): one pass over the corpus that keeps only
 * the runs that are keys, so it grows with the corpus, not with corpus ×
 * lexicon.
 *
 * @example
 * const p = { id: 'p', title: 'Scaling RoPE', abstract: 'RoPE and rope.', … };
 * countMentions([p], new Set(['rop']), new TokenWords()).get('rop')?.get('p')   // => { title: 1, body: 2 }
 * countMentions([p], new Set(['rop']), new TokenWords()).get('^=rop')?.get('p') // => { title: 1, body: 1 } (written with a capital)
 */
export function countMentions(papers: readonly Paper[], keySet: ReadonlySet<string>, cache: TokenWords): Map<string, Map<string, Mentions>> {
  const out = new Map<string, Map<string, Mentions>>();
  const keys = new KeySet(keySet);
  for (const p of papers) {
    for (const part of ['title', 'body'] as const) {
      countRuns(part === 'title' ? p.title : p.abstract, keys, cache, (k) => {
        let byPaper = out.get(k);
        if (!byPaper) out.set(k, (byPaper = new Map()));
        let m = byPaper.get(p.id);
        if (!m) byPaper.set(p.id, (m = { title: 0, body: 0 }));
        m[part]++;
      });
    }
  }
  return out;
}
