import * as vscode from 'vscode';
import { type PaperLensApi, createApi } from './api';
import { CitationFormatter } from './citations/citationFormatter';
import { CitationKeys } from './citations/citationKeys';
import { CitationService } from './citations/citationService';
import { RecentPapers } from './citations/recentPapers';
import { registerCiteTechniqueAtCursor } from './commands/citeTechniqueAtCursor';
import { registerFilterPapers } from './commands/filterPapers';
import { registerGroupPapersBy } from './commands/groupPapersBy';
import { registerOpenUrl } from './commands/openUrl';
import { registerClearPapersFilter } from './commands/clearPapersFilter';
import { registerCopyBibtex } from './commands/copyBibtex';
import { registerCopyCitation } from './commands/copyCitation';
import { registerInsertCitation } from './commands/insertCitation';
import { registerOpenDetails } from './commands/openDetails';
import { registerOpenOnArxiv } from './commands/openOnArxiv';
import { paperFromArg } from './commands/paperArg';
import { pickPaper, prepareTechniqueNames } from './commands/paperPicker';
import { registerRevealInSidebar } from './commands/revealInSidebar';
import { registerSearchPapers } from './commands/searchPapers';
import { registerSearchRelated } from './commands/searchRelated';
import { registerShowOutput } from './commands/showOutput';
import { registerTryHover } from './commands/tryHover';
import { registerCitationCompletion } from './completion/citationCompletion';
import { PaperDataService } from './dataService';
import { DetailsPanel } from './details/detailsPanel';
import { registerArxivHover } from './hover/arxivHover';
import { registerCitationHover } from './hover/citationHover';
import { registerTechniqueHover } from './hover/techniqueHover';
import { createLog } from './log';
import { Setting } from './settingKeys';
import { Settings } from './settings';
import { DocumentCache } from './util/documentCache';
import { indexBib } from '../core/bib/plan';
import { documentFacts } from '../core/techniques/document';
import { PaperTrees } from './tree/paperTrees';
import type { LibraryReferences } from '../core/library/references';
import { LibraryService } from './library/libraryService';
import { LibraryStatus } from './library/libraryStatus';
import { registerShowLibrary } from './commands/showLibrary';
import { registerOpenLibraryEntry } from './commands/openLibraryEntry';
import { registerCiteSeveral } from './commands/citeSeveral';

/**
 * The services activate() builds. The extension test host reaches them
 * through {@link PaperLensExports.internalsForTests}; they are not API.
 */
export interface PaperLensInternals {
  data: PaperDataService;
  settings: Settings;
  keys: CitationKeys;
  formatter: CitationFormatter;
  recent: RecentPapers;
  citations: CitationService;
  trees: PaperTrees;
  details: DetailsPanel;
  library: LibraryService;
}

/**
 * What activate() returns: the public API (see api.ts), and, only when VS
 * Code runs PaperLens for its own tests (`ExtensionMode.Test`), the internals.
 */
export type PaperLensExports = PaperLensApi & { readonly internalsForTests?: PaperLensInternals };

/**
 * The composition root: builds the services and registers each feature.
 * Nothing heavy happens here; the paper data loads on first use.
 */
export function activate(context: vscode.ExtensionContext): PaperLensExports {
  const log = createLog();
  const settings = new Settings((message) => {
    log.warn(message);
    void vscode.window.showWarningMessage(`PaperLens: ${message}`);
  });
  const data = new PaperDataService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'data'), log);
  const bibIndexes = new DocumentCache((text) => indexBib(text));
  // What each open file says to the matcher (its comments and strings, whether it is ML code), once per version.
  const documentsFacts = new DocumentCache((text, languageId) => documentFacts(text, languageId, data.completed?.techniques.spelledOut().pattern));
  // Keys need every paper's authors and year: the data once complete (core/data/load.ts).
  const keys = new CitationKeys(() => data.completed, () => settings.get(Setting.keyFormula));
  // Keys under a non-default formula are computed in slices after the load, not on the first completion.
  data.whenLoaded((d) => {
    void d.complete.then(() => keys.prepare()).catch(() => undefined);
    void d.complete.then(() => prepareTechniqueNames(d)).catch(() => undefined);
    void d.complete.then(() => library.scheduleLearning(), () => undefined);
  });
  const keyFormulaChanged = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(Setting.keyFormula)) void keys.prepare();
  });
  const formatter = new CitationFormatter(data, settings, keys);
  const recent = new RecentPapers(context.globalState, data);
  // The user's own bibliographies: found, read and watched in the background, searched with the corpus.
  const library = new LibraryService(
    () => ({ files: settings.get(Setting.libraryFiles), exclude: settings.get(Setting.libraryExclude), paths: settings.get(Setting.libraryPaths) }),
    log,
    () => data.completed?.corpus.papers,
    () => data.completed?.techniques,
  );
  const references = (): LibraryReferences | undefined => library.references();
  const trees = new PaperTrees(data, settings, (id) => keys.keyOf(id), { references, onDidChange: library.onDidChange });
  const citations = new CitationService(keys, formatter, recent, settings, log, bibIndexes, (id) => references()?.entryForPaper(id)?.key);
  const details = new DetailsPanel(vscode.Uri.joinPath(context.extensionUri, 'media'));
  const paper = paperFromArg(data, recent);
  const pick = async (): Promise<string | undefined> => (await pickPaper(data, { title: 'PaperLens: Show Paper in Sidebar', recent: () => recent.list() }))?.id;

  const libraryChanged = vscode.workspace.onDidChangeConfiguration((e) => {
    if ([Setting.libraryFiles, Setting.libraryExclude, Setting.libraryPaths].some((k) => e.affectsConfiguration(k))) void library.refresh();
  });
  void library.refresh();

  context.subscriptions.push(
    log,
    keyFormulaChanged,
    library,
    libraryChanged,
    new LibraryStatus(library),
    registerShowLibrary(library),
    registerOpenLibraryEntry(),
    registerCiteSeveral(data, citations, recent, references),
    bibIndexes,
    documentsFacts,
    trees,
    details,
    registerTechniqueHover(data, settings, documentsFacts, () => library.techniques(), references),
    registerCitationHover(data, keys, references),
    registerArxivHover(data, settings, keys),
    registerCitationCompletion(data, keys, recent, references),
    registerSearchPapers(data, citations, keys, recent, references),
    registerSearchRelated(),
    registerInsertCitation(paper, citations),
    registerCopyBibtex(paper, citations, keys),
    registerCopyCitation(paper, citations, keys),
    registerOpenDetails(paper, data, keys, details),
    registerOpenOnArxiv(paper),
    registerCiteTechniqueAtCursor(data, citations, documentsFacts),
    registerRevealInSidebar(trees, pick),
    registerGroupPapersBy(trees),
    registerFilterPapers(trees),
    registerClearPapersFilter(trees),
    registerOpenUrl(),
    registerShowOutput(log),
    registerTryHover(),
  );
  const version = String(context.extension.packageJSON.version);
  log.info(`PaperLens ${version} activated`);
  const api = createApi(version, () => data.getComplete(), (id) => keys.keyOf(id));
  if (context.extensionMode !== vscode.ExtensionMode.Test) return api;
  return { ...api, internalsForTests: { data, settings, keys, formatter, recent, citations, trees, details, library } };
}

export function deactivate(): void {}
