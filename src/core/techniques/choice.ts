import type { Technique } from '../../schema/lexicon';
import type { Candidate } from './keyIndex';
import { KIND_RANK } from './kinds';
import { paperCountOf } from './papers';
import type { Word } from './words';

/**
 * Which technique an identifier names when several runs of it name one:
 * the most specific (`DeepseekV2MLAAttention` is MLA, not DeepSeek-V2).
 */

/**
 * How specific a technique is: a technique over a model release (DeepSeek-V3, YOLOv6, named with a number).
 *
 * @example
 * specificity(mla)        // => 2
 * specificity(deepseekV3) // => 1
 */
export function specificity(t: Technique): number {
  return t.kind === 'name' && /\d/.test(t.name) ? 1 : 2;
}

/**
 * Most specific first: in different parts of an identifier, a technique
 * over a model release over a family name (`DeepseekV2MLAAttention` is MLA);
 * then more words covered (RT-DETRv2 over RT-DETR), then a coined
 * name over an acronym over a phrase, then fewer papers.
 *
 * @example
 * // In `DeepseekV2MLAAttention` (words Deepseek V 2 MLA Attention): MLA (word 3) over DeepSeek-V2 (words 0–2).
 * better({ entry: mlaEntry, i: 3, j: 3 }, { entry: deepseekV2Entry, i: 0, j: 2 }, words) // => true
 */
export function better(x: Candidate, y: Candidate, words: readonly Word[]): boolean {
  // Between different parts of an identifier; where one run holds the other (RT-DETR in RTDetrV2), the longer wins.
  const disjoint = x.j < y.i || y.j < x.i;
  const spec = specificity(x.entry.t) - specificity(y.entry.t);
  if (disjoint && spec !== 0) return spec > 0;
  const len = (c: Candidate): number => c.j - c.i + 1;
  if (len(x) !== len(y)) return len(x) > len(y);
  const rank = KIND_RANK[x.entry.t.kind] - KIND_RANK[y.entry.t.kind];
  if (rank !== 0) return rank > 0;
  const chars = (c: Candidate): number => (words[c.j]?.end ?? 0) - (words[c.i]?.start ?? 0);
  if (chars(x) !== chars(y)) return chars(x) > chars(y);
  return paperCountOf(x.entry.t) < paperCountOf(y.entry.t);
}
