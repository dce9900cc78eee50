import { foldForSearch } from '../../core/text/clean';

/** Word 3-gram shingles of a text, case- and accent-folded. */
export function shingles(text: string): Set<string> {
  const words = foldForSearch(text).toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/**
 * Jaccard similarity of two shingle sets, 0..1. Two versions of one abstract
 * (an arXiv revision, a listing that dropped the code URL) score 0.6–1;
 * different papers on the same topic score below 0.1.
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const s of small) if (large.has(s)) inter++;
  return inter / (a.size + b.size - inter);
}
