import type { TechniquePaper } from '../../schema/lexicon';

/** What {@link rankPapers} reads of each paper, by id. */
export interface PaperFacts {
  titleOf: ReadonlyMap<string, string>;
  year: ReadonlyMap<string, number>;
}

/**
 * Orders a technique's papers, most central first, in place: coined in its
 * title, then introduced (an acronym it defines as its own, a name it
 * proposes), then named in its title as a word of its own ("Scaling CLIP
 * Training", not "CLIPRerank" or "RT-DETRv2"), by its name (`names`) before
 * a spelled-out form (`forms`), then inside a title word, then by how often
 * the abstract names it; then newer first, then by id.
 *
 * @example
 * rankPapers(ps, ['Medusa'], ['Medusa'], facts); // Medusa's papers
 * ps[0].role // => 'introduces'
 */
export function rankPapers(ps: TechniquePaper[], names: readonly string[], forms: readonly string[], facts: PaperFacts): void {
  const titleName = titleWordTest(names);
  const titleWord = titleWordTest(forms);
  const tier = (tp: TechniquePaper): number => {
    const title = facts.titleOf.get(tp.id) ?? '';
    const word = tp.inTitle && titleWord(title);
    if (tp.role === 'introduces') return word ? 0 : 1;
    if (word) return titleName(title) ? 2 : 3;
    return tp.inTitle ? 4 : 5;
  };
  // Sort keys computed once per paper, and ids compared by code unit (ids are lowercase ASCII slugs, where that is the locale's order too): a technique can have thousands of papers.
  const keyed = ps.map((tp) => ({ tp, tier: tier(tp), year: facts.year.get(tp.id) ?? 0 }));
  keyed.sort((a, b) => a.tier - b.tier || b.tp.mentions - a.tp.mentions || b.year - a.year || (a.tp.id < b.tp.id ? -1 : a.tp.id > b.tp.id ? 1 : 0));
  keyed.forEach((k, i) => {
    ps[i] = k.tp;
  });
}

/**
 * Whether a title names one of `forms` as words of their own: "Scaling
 * CLIP Training" names CLIP; "CLIPRerank", "CLIPA-v2" and "RT-DETRv2" only
 * hold it inside another name.
 *
 * @example
 * titleWordTest(['CLIP'])('Scaling CLIP Training') // => true
 */
export function titleWordTest(forms: readonly string[]): (title: string) => boolean {
  const alts = [...new Set(forms.filter((f) => f.trim() !== ''))]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (alts.length === 0) return () => false;
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alts.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'iu');
  return (title) => re.test(title);
}
