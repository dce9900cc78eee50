import type { PaperMeta } from '../../schema/corpus';
import { coinedNamePart, defaultKeyFormula, firstAuthorPart, type KeyFormula, significantTitleWords } from './keys';

/** The key formulas a user can choose with the `paperlens.citation.keyFormula` setting. */
export const KEY_FORMULA_NAMES = ['authorYearTitle', 'authorTitleYear', 'titleYear'] as const;
export type KeyFormulaName = (typeof KEY_FORMULA_NAMES)[number];
/** The formula the build assigns the shipped keys with (`defaultKeyFormula`). */
export const DEFAULT_KEY_FORMULA: KeyFormulaName = 'authorYearTitle';

const titlePart = (p: PaperMeta, n: number): string => coinedNamePart(p) ?? significantTitleWords(p.title, n).join('');
const year = (p: PaperMeta): string => (p.year === undefined ? '' : String(p.year));

/**
 * A key formula by name. All keep keys to `[a-z0-9]`; where authors or the
 * year are unknown they fall back to title words, like the default.
 *
 * @example
 * keyFormulaNamed('authorYearTitle')(hilo) // => 'pan2022fast'  (the default, Better BibTeX style)
 * keyFormulaNamed('authorTitleYear')(hilo) // => 'panfast2022'
 * keyFormulaNamed('titleYear')(hilo)       // => 'fastvisiontransformers2022'
 */
export function keyFormulaNamed(name: KeyFormulaName): KeyFormula {
  switch (name) {
    case 'authorYearTitle':
      return defaultKeyFormula;
    case 'authorTitleYear':
      return (p) => {
        const a = firstAuthorPart(p);
        return a ? a + titlePart(p, 1) + year(p) : defaultKeyFormula(p);
      };
    case 'titleYear':
      return (p) => (titlePart(p, 3) || p.id.split('-').slice(0, 3).join('')) + year(p);
  }
}
