import { titleKey } from '../../src/core/corpus/titles';
import { type SearchablePaper, queryTerms } from '../../src/core/search/engine';
import { authorBoost, titleBoost } from '../../src/core/search/ranking';

/**
 * The final score of a paper from its MiniSearch score: author position,
 * query coverage, and a query that spells out the title or short name.
 * The oracle the tests (and bench/designs.ts) check PaperSearch
 * against: MiniSearch's own search() followed by this, paper by paper,
 * must rank as PaperSearch ranks.
 *
 * @example
 * rerank(2.5, 2, paper, ['kv', 'cache'], new Set(['kv', 'cache']), titleKey('kv cache')) // => 2.5 × 1² × the author and title boosts
 */
export function rerank(raw: number, matchedCount: number, paper: SearchablePaper, terms: readonly string[], termSet: ReadonlySet<string>, qKey: string): number {
  // Coverage: share of the query's words this paper matched at all.
  const coverage = matchedCount / terms.length;
  return raw * coverage * coverage * authorBoost(paper.authors, termSet, queryTerms) * titleBoost(titleKey(paper.title), paper.shortName ? titleKey(paper.shortName) : '', qKey);
}
