import type { Lexicon, Technique } from './schema';

/**
 * The techniques each paper is about: the ones it introduces or names in
 * its title, in lexicon order.
 *
 * @example
 * techniquesByPaper(lexicon).get('deepseekmath-pushing-the-limits-of-mathematical-reasoning-in')?.map((t) => t.name)
 * // => ['DeepSeekMath', 'GRPO', …]
 */
export function techniquesByPaper(lexicon: Lexicon): Map<string, Technique[]> {
  const out = new Map<string, Technique[]>();
  for (const t of lexicon.techniques) {
    for (const p of t.papers) {
      if (p.role !== 'introduces' && !p.inTitle) continue;
      out.set(p.id, [...(out.get(p.id) ?? []), t]);
    }
  }
  return out;
}

/**
 * For the search index: each paper's technique names and expansions, so a
 * search for "GRPO" finds DeepSeekMath even where the abstract only spells
 * the name out.
 */
export function techniqueNamesByPaper(lexicon: Lexicon): Map<string, string[]> {
  return new Map([...techniquesByPaper(lexicon)].map(([id, ts]) => [id, ts.flatMap((t) => [t.name, ...t.expansions])]));
}
