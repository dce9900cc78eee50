import { type Sliced, runNow } from '../util/sliced';
import type { Lexicon, Technique } from '../../schema/lexicon';

/**
 * The techniques each paper is about: the ones it introduces or names in
 * its title, in lexicon order.
 *
 * @example
 * techniquesByPaper(lexicon).get('deepseekmath-pushing-the-limits-of-mathematical-reasoning-in')?.map((t) => t.name)
 * // => ['DeepSeekMath', 'GRPO', …]
 */
export function techniquesByPaper(lexicon: Lexicon): Map<string, Technique[]> {
  return runNow(techniquesByPaperSteps(lexicon));
}

/** How many techniques are handled between points where {@link techniquesByPaperSteps} may pause. */
const STEP_TECHNIQUES = 2000;

/**
 * {@link techniquesByPaper} as sliced work, for the extension host.
 *
 * @example
 * const byPaper = await runSliced(techniquesByPaperSteps(lexicon));
 */
export function* techniquesByPaperSteps(lexicon: Lexicon): Sliced<Map<string, Technique[]>> {
  const out = new Map<string, Technique[]>();
  let n = 0;
  for (const t of lexicon.techniques) {
    if (++n % STEP_TECHNIQUES === 0) yield;
    for (const p of t.papers) {
      if (p.role !== 'introduces' && !p.inTitle) continue;
      const ts = out.get(p.id);
      if (ts) ts.push(t);
      else out.set(p.id, [t]);
    }
  }
  return out;
}

/**
 * For the search index: each paper's technique names and expansions, so a
 * search for "GRPO" finds DeepSeekMath even where the abstract only spells
 * the name out.
 *
 * @example
 * techniqueNamesByPaper(lexicon).get('deepseekmath-pushing-the-limits-of-mathematical-reasoning-in')
 * // => ['DeepSeek', 'DeepSeekMath', 'GRPO', 'Group Relative Policy Optimization']
 */
export function techniqueNamesByPaper(lexicon: Lexicon): Map<string, string[]> {
  return new Map([...techniquesByPaper(lexicon)].map(([id, ts]) => [id, ts.flatMap((t) => [t.name, ...t.expansions])]));
}

/** Papers a technique lists in the shipped lexicon; beyond them it keeps only the count. */
export const MAX_TECHNIQUE_PAPERS = 100;

/**
 * The lexicon as shipped: each technique lists at most `max` papers (the
 * introducing and most central ones come first) and counts the rest. At
 * 100,000 papers a phrase such as "KV cache" names thousands of papers; a
 * card shows three and the sidebar a page.
 *
 * @example
 * capTechniquePapers(lexicon, 2).techniques[0]?.paperCount // => 5 (when it has five papers)
 */
export function capTechniquePapers(lexicon: Lexicon, max = MAX_TECHNIQUE_PAPERS): Lexicon {
  return {
    ...lexicon,
    techniques: lexicon.techniques.map((t) => (t.papers.length <= max ? t : { ...t, papers: t.papers.slice(0, max), paperCount: paperCountOf(t) })),
  };
}

/**
 * How many papers a technique has, listed or not.
 *
 * @example
 * paperCountOf(technique) // => 2300 for "KV cache" at 100,000 papers
 */
export const paperCountOf = (t: Technique): number => t.paperCount ?? t.papers.length;
