import type { Lexicon } from './schema';

/**
 * For the search index: the techniques each paper is about, by name: the
 * ones it introduces or names in its title. A search for "GRPO" then finds
 * DeepSeekMath even where the abstract only spells the name out.
 *
 * @example
 * techniqueNamesByPaper(lexicon).get('transmla-multi-head-latent-attention-is-all-you-need')
 * // => ['MLA', 'TransMLA', …]
 */
export function techniqueNamesByPaper(lexicon: Lexicon): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of lexicon.techniques) {
    for (const p of t.papers) {
      if (p.role !== 'introduces' && !p.inTitle) continue;
      const names = out.get(p.id) ?? [];
      names.push(t.name, ...t.expansions);
      out.set(p.id, names);
    }
  }
  return out;
}
