import { DATA_VERSION } from '../../core/data/version';
import type { Paper } from '../../schema/corpus';
import { type Lexicon, LexiconSchema } from '../../schema/lexicon';
import { addCuratedAliases, addModellessAliases, addPrefixAliases, addSalientContext } from './aliasPhases';
import { CandidateTable } from './candidates';
import { addEmbeddedNames, addFamilyNames, addMentionedNames, addRecurringPhrases, addVersionedNames } from './corpusPhases';
import { everydayWords } from './corpusNames';
import { finalize } from './finalize';
import { addPaperNames } from './names';
import { TokenWords } from './tokenWords';

/**
 * Builds the technique lexicon from the corpus: names papers coin (the
 * short name before a title's colon; "we propose X"), acronyms defined in
 * parentheses with their long forms, and technique phrases that recur
 * across papers; plus the small curated alias and stop lists. Each
 * technique lists the papers that introduce it, then those that mention it.
 *
 * The phases run in a fixed order on one {@link CandidateTable} (the order
 * decides ties), and share one {@link TokenWords} memo; nothing outlives
 * the call.
 *
 * @example
 * buildLexicon(corpus.papers).techniques.find((t) => t.name === 'MLA')?.expansions // => ['Multi-head Latent Attention']
 */
export function buildLexicon(papers: readonly Paper[]): Lexicon {
  const words = new TokenWords();
  const table = new CandidateTable();
  addPaperNames(table, papers);
  addRecurringPhrases(table, papers, words);
  addFamilyNames(table);
  addMentionedNames(table, papers);
  addVersionedNames(table, papers);
  const everyday = everydayWords(papers);
  addEmbeddedNames(table, papers, everyday);
  addPrefixAliases(table);
  addModellessAliases(table);
  addCuratedAliases(table);
  addSalientContext(table, papers, words);
  const techniques = finalize(table.all(), papers, words, everyday);
  return LexiconSchema.parse({ version: DATA_VERSION, techniques });
}
