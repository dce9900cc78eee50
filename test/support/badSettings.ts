import { LIBRARY_EXCLUDE, LIBRARY_FILES } from '../../src/core/library/read';
import { Setting } from '../../src/extension/settingKeys';

/**
 * Bad values for every setting, and the default each falls back to: tried
 * through VS Code's configuration API by test/integration/suite/settings.test.ts
 * and against the checks alone by test/unit/settings.test.ts.
 */

export type Case = [value: unknown, why: string];

/** Bad values for every setting, and the default each falls back to. */
export const BAD: Record<(typeof Setting)[keyof typeof Setting], { fallback: unknown; cases: Case[] }> = {
  [Setting.citationCommand]: {
    fallback: 'cite',
    cases: [
      ['footcite', 'a LaTeX command PaperLens does not know'],
      ['cite}\\input{/etc/passwd', 'text that would end the command'],
      [42, 'a number'],
    ],
  },
  [Setting.keyFormula]: { fallback: 'authorYearTitle', cases: [['random', 'an unknown formula'], [7, 'a number']] },
  [Setting.insertFormat]: {
    fallback: {},
    cases: [
      [{ markdown: 'html' }, 'an unknown format'],
      [{ '': 'latex' }, 'an empty language id'],
      ['markdown', 'a string, not an object'],
      [['latex'], 'an array'],
    ],
  },
  [Setting.includeAbstract]: { fallback: false, cases: [['yes', 'a string'], [1, 'a number']] },
  [Setting.bibFile]: { fallback: '', cases: [[42, 'a number'], [['refs.bib'], 'an array'], ['x'.repeat(2_000), 'a path over 1,024 characters']] },
  [Setting.hoverEnabled]: { fallback: true, cases: [['no', 'a string'], [0, 'a number']] },
  [Setting.hoverLanguages]: {
    fallback: [],
    cases: [
      ['python', 'a string, not a list'],
      [[1, 2], 'numbers'],
      [['python', ''], 'an empty language id'],
      [Array.from({ length: 501 }, (_, i) => `lang${i}`), 'more than 500 languages'],
    ],
  },
  [Setting.treeGroupBy]: { fallback: 'technique', cases: [['author', 'an unknown grouping'], [true, 'a boolean']] },
  [Setting.libraryFiles]: { fallback: [...LIBRARY_FILES], cases: [['**/*.bib', 'a string, not a list'], [['**/*.bib', ''], 'an empty glob'], [Array.from({ length: 101 }, (_, i) => `${i}.bib`), 'more than 100 globs']] },
  [Setting.libraryExclude]: { fallback: [...LIBRARY_EXCLUDE], cases: [[42, 'a number'], [[null], 'a null glob']] },
  [Setting.libraryPaths]: { fallback: [], cases: [['/home/me/zotero.bib', 'a string, not a list'], [[''], 'an empty path']] },
};
