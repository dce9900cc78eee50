import * as vscode from 'vscode';
import { CitationService } from './citations/citationService';
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
import { pickPaper } from './commands/paperPicker';
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
import { Settings } from './settings';
import { DocumentCache } from './util/documentCache';
import { indexBib } from '../core/bib/plan';
import { documentFacts } from '../core/techniques/document';
import { PaperTrees } from './tree/paperTrees';

/** What activate() returns: the loaded data and services, for integration tests and other extensions. */
export interface PaperLensApi {
  data: PaperDataService;
  settings: Settings;
  citations: CitationService;
  trees: PaperTrees;
  details: DetailsPanel;
}

/**
 * The composition root: builds the services and registers each feature.
 * Nothing heavy happens here; the paper data loads on first use.
 */
export function activate(context: vscode.ExtensionContext): PaperLensApi {
  const log = createLog();
  const settings = new Settings((message) => {
    log.warn(message);
    void vscode.window.showWarningMessage(`PaperLens: ${message}`);
  });
  const data = new PaperDataService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'data'), log);
  const bibIndexes = new DocumentCache((text) => indexBib(text));
  // What each open file says to the matcher (its comments and strings, whether it is ML code), once per version.
  const documentsFacts = new DocumentCache((text, languageId) => documentFacts(text, languageId, data.completed?.techniques.spelledOut().pattern));
  const citations = new CitationService(data, settings, context.globalState, log, bibIndexes);
  const trees = new PaperTrees(data, settings, (id) => citations.keyOf(id));
  const details = new DetailsPanel(vscode.Uri.joinPath(context.extensionUri, 'media'));
  const pick = async (): Promise<string | undefined> => (await pickPaper(data, { title: 'PaperLens: Show Paper in Sidebar', recent: () => citations.recent() }))?.id;

  context.subscriptions.push(
    log,
    bibIndexes,
    documentsFacts,
    trees,
    details,
    registerTechniqueHover(data, settings, documentsFacts),
    registerCitationHover(data, citations),
    registerArxivHover(data, settings, citations),
    registerCitationCompletion(data, citations),
    registerSearchPapers(data, citations),
    registerSearchRelated(),
    registerInsertCitation(data, citations),
    registerCopyBibtex(data, citations),
    registerCopyCitation(data, citations),
    registerOpenDetails(data, citations, details),
    registerOpenOnArxiv(data, citations),
    registerCiteTechniqueAtCursor(data, citations, documentsFacts),
    registerRevealInSidebar(trees, pick),
    registerGroupPapersBy(trees),
    registerFilterPapers(trees),
    registerClearPapersFilter(trees),
    registerOpenUrl(),
    registerShowOutput(log),
    registerTryHover(),
  );
  log.info(`PaperLens ${String(context.extension.packageJSON.version)} activated`);
  return { data, settings, citations, trees, details };
}

export function deactivate(): void {}
