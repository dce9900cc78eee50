import { stemsOf } from '../../core/techniques/words';
import type { Expansion } from './candidates';
import { FUNCTION_WORDS } from './curated';

/**
 * The most frequent surface form; on a tie, the one with more capitals (KV cache over kv cache).
 *
 * @example
 * preferredForm(new Map([['kv cache', 3], ['KV cache', 3]])) // => 'KV cache'
 */
export function preferredForm(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || caps(b[0]) - caps(a[0]) || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}
const caps = (s: string): number => (s.match(/\p{Lu}/gu) ?? []).length;

/**
 * Merges expansions that say the same thing ("Low-Rank Adaptation" / "Low-Rank Adaptive Method").
 *
 * @example
 * meaningGroups(new Map([
 *   ['lowrankadaptation', { display: 'Low-Rank Adaptation', papers: new Set(['a', 'b']) }],
 *   ['lowrankadaptivemethod', { display: 'Low-Rank Adaptive Method', papers: new Set(['c']) }],
 * ]))
 * // => [{ display: 'Low-Rank Adaptation', papers: Set { 'a', 'b', 'c' } }]
 */
export function meaningGroups(expansions: Map<string, Expansion>): Expansion[] {
  const groups: { stems: string[]; display: Map<string, number>; papers: Set<string> }[] = [];
  const sorted = [...expansions.values()].sort((a, b) => b.papers.size - a.papers.size || a.display.localeCompare(b.display));
  for (const e of sorted) {
    const st = stemsOf(e.display).filter((s) => !FUNCTION_WORDS.has(s));
    const g = groups.find((x) => sameMeaning(x.stems, st));
    if (g) {
      g.display.set(e.display, (g.display.get(e.display) ?? 0) + e.papers.size);
      for (const id of e.papers) g.papers.add(id);
    } else {
      groups.push({ stems: st, display: new Map([[e.display, e.papers.size]]), papers: new Set(e.papers) });
    }
  }
  return groups.map((g) => ({ display: preferredForm(g.display), papers: g.papers }));
}

function sameMeaning(a: readonly string[], b: readonly string[]): boolean {
  const like = (x: string, y: string): boolean => x === y || (x.length >= 5 && y.length >= 5 && x.slice(0, 5) === y.slice(0, 5));
  const matched = a.filter((x) => b.some((y) => like(x, y))).length;
  return matched / Math.max(a.length, b.length) >= 0.6;
}
