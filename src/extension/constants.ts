/**
 * Every id PaperLens registers with VS Code, in one place. package.json
 * repeats them (it has to); a unit test checks the two agree. No `vscode`
 * import: links to the commands are built and tested in plain Node.
 */
export const Command = {
  searchPapers: 'paperlens.searchPapers',
  insertCitation: 'paperlens.insertCitation',
  copyBibtex: 'paperlens.copyBibtex',
  copyCitation: 'paperlens.copyCitation',
  citeTechniqueAtCursor: 'paperlens.citeTechniqueAtCursor',
  openDetails: 'paperlens.openDetails',
  openOnArxiv: 'paperlens.openOnArxiv',
  revealInSidebar: 'paperlens.revealInSidebar',
  searchRelated: 'paperlens.searchRelated',
  groupPapersBy: 'paperlens.groupPapersBy',
  filterPapers: 'paperlens.filterPapers',
  clearPapersFilter: 'paperlens.clearPapersFilter',
  openUrl: 'paperlens.openUrl',
  showOutput: 'paperlens.showOutput',
  tryHover: 'paperlens.tryHover',
  showLibrary: 'paperlens.showLibrary',
  citeSeveral: 'paperlens.citeSeveral',
  openLibraryEntry: 'paperlens.openLibraryEntry',
} as const;

export type CommandId = (typeof Command)[keyof typeof Command];

/** Commands a hover card may run: the only command links PaperLens markdown trusts. */
export const HOVER_COMMANDS: readonly CommandId[] = [
  Command.insertCitation,
  Command.copyBibtex,
  Command.revealInSidebar,
  Command.searchRelated,
  Command.openDetails,
  Command.openOnArxiv,
  Command.openLibraryEntry,
];

export const View = {
  container: 'paperlens',
  papers: 'paperlens.papers',
  techniques: 'paperlens.techniques',
} as const;

export const ContextKey = {
  papersFiltered: 'paperlens.papersFiltered',
  groupBy: 'paperlens.groupBy',
} as const;

/** Tree item context values, for `viewItem == …` menu clauses. */
export const ItemKind = {
  paper: 'paper',
  /** A paper with a known arXiv id: it has "Open on arXiv". */
  paperOnArxiv: 'paper.arxiv',
  technique: 'technique',
  group: 'group',
  detail: 'detail',
  link: 'link',
  libraryFile: 'libraryFile',
  libraryEntry: 'libraryEntry',
} as const;

export const OUTPUT_CHANNEL = 'PaperLens';
