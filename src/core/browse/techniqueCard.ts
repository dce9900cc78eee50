import type { PaperRecord } from '../data/load';
import type { TechniqueMatch } from '../techniques/matcher';
import { paperCountOf } from '../techniques/papers';
import type { TechniquePaper } from '../../schema/lexicon';

/**
 * What a technique's hover card shows, as data: the extension renders it as
 * Markdown and `paperlens hover` prints it, so the two always agree.
 */

/** How many papers a technique card lists before "+N more". */
export const CARD_PAPERS = 3;

/** One paper a card lists: the technique's entry, and the paper when the corpus has it. */
export interface CardPaper {
  id: string;
  role: TechniquePaper['role'];
  /** Undefined only for data whose lexicon names a paper its catalog lacks. */
  paper: PaperRecord | undefined;
}

export interface TechniqueCardModel {
  name: string;
  /** The long form: the meaning matched, all the meanings of an ambiguous name, or the first expansion. */
  expansion: string | undefined;
  /** The name means different things in different papers, and the match did not tell which. */
  ambiguous: boolean;
  /** The papers listed: introducing papers first, then the most central mentions. */
  papers: CardPaper[];
  /** How many more papers the technique has ("+N more"). */
  more: number;
}

/**
 * What the card of a matched technique shows: its name and long form, the
 * first {@link CARD_PAPERS} of its papers, and how many more it has.
 *
 * @example
 * techniqueCardModel(matcher.matchIdentifier('MultiHeadLatentAttention'), data.papersById)
 * // => { name: 'MLA', expansion: 'Multi-head Latent Attention', ambiguous: false, papers: [{ id: 'transmla-…', role: 'mentions', paper: {…} }, …2 more], more: 1 }
 */
export function techniqueCardModel(m: TechniqueMatch, papersById: ReadonlyMap<string, PaperRecord>): TechniqueCardModel {
  const t = m.technique;
  const ambiguous = t.meanings !== undefined && t.meanings.length > 1;
  const expansion = m.meaning ?? (ambiguous ? t.meanings?.map((x) => x.expansion).join(' | ') : t.expansions[0]);
  const papers = t.papers.slice(0, CARD_PAPERS).map((tp) => ({ id: tp.id, role: tp.role, paper: papersById.get(tp.id) }));
  return { name: t.name, expansion, ambiguous: ambiguous && m.meaning === undefined, papers, more: paperCountOf(t) - papers.length };
}
