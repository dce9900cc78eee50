// Setting keys and values, in one place. No `vscode` import: a unit test checks them against package.json in plain Node.
import { KEY_FORMULA_NAMES } from '../core/cite/keyFormulas';

/** Setting keys, in one place. package.json declares the same keys. */
export const Setting = {
  citationCommand: 'paperlens.citation.command',
  keyFormula: 'paperlens.citation.keyFormula',
  insertFormat: 'paperlens.citation.insertFormat',
  includeAbstract: 'paperlens.citation.includeAbstract',
  bibFile: 'paperlens.bibFile',
  hoverEnabled: 'paperlens.hover.enabled',
  hoverLanguages: 'paperlens.hover.languages',
  treeGroupBy: 'paperlens.tree.groupBy',
  libraryFiles: 'paperlens.library.files',
  libraryExclude: 'paperlens.library.exclude',
  libraryPaths: 'paperlens.library.paths',
} as const;

export const KEY_FORMULAS = KEY_FORMULA_NAMES;
// Declared in the core with the grouping itself; named here too for settings.ts, which reads them from this file.
export { GROUPINGS, type Grouping } from '../core/browse/grouping';
