import * as vscode from 'vscode';
import type { PaperRecord } from '../../core/data/load';
import type { CitationKeys } from '../citations/citationKeys';
import type { CitationService } from '../citations/citationService';
import type { RecentPapers } from '../citations/recentPapers';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import { isQueryArg, queryOf } from './args';
import type { LibraryReferences } from '../../core/library/references';
import { type PaperAction, type PaperItem, pickReferences } from './paperPicker';
import { runCommand } from './runCommand';

/** Runs a quick-pick button's action on a paper. */
export async function runPaperAction(action: PaperAction, paper: PaperRecord, citations: CitationService, keys: CitationKeys, editor: vscode.TextEditor | undefined): Promise<void> {
  switch (action) {
    case 'insert':
      await citations.insert(paper, editor);
      return;
    case 'copyBibtex':
      await citations.copy(paper, 'bibtex');
      vscode.window.setStatusBarMessage(`$(check) Copied BibTeX for ${keys.keyOf(paper.id) ?? paper.id}`, 3000);
      return;
    case 'details':
      await runCommand(Command.openDetails, paper.id);
      return;
    case 'reveal':
      await runCommand(Command.revealInSidebar, paper.id);
  }
}

/**
 * PaperLens: Search Papers. A live quick pick over the index; accepting a
 * paper inserts its citation into the editor that was active, in the form
 * that editor's file wants. A query argument pre-fills the search (Search
 * Related passes a technique's name); any other argument is left out, and
 * the search opens empty.
 */
export function registerSearchPapers(data: PaperDataService, citations: CitationService, keys: CitationKeys, recent: RecentPapers, library: () => LibraryReferences | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(Command.searchPapers, async (arg?: unknown): Promise<void> => {
    const query = isQueryArg(arg) ? queryOf(arg) : undefined;
    const editor = vscode.window.activeTextEditor;
    const [picked] = await pickReferences(data, {
      title: 'PaperLens: Search Papers',
      ...(query === undefined ? {} : { query }),
      recent: () => recent.list(),
      library,
      onAction: (action, p) => runPaperAction(action, p, citations, keys, editor),
    });
    if (picked?.paper) await citations.insert(picked.paper, editor);
    else if (picked?.entry) await citeEntries([picked], citations, editor);
  });
}

/** Cites entries of the user's library (and papers) at the cursor, or copies their keys when no editor is open. */
export async function citeEntries(rows: readonly PaperItem[], citations: CitationService, editor: vscode.TextEditor | undefined): Promise<void> {
  if (!editor) {
    const keys = rows.flatMap((r) => (r.entry ? [r.entry.key] : []));
    await vscode.env.clipboard.writeText(keys.join(','));
    void vscode.window.showInformationMessage(`No editor is open: copied ${keys.join(', ')} to the clipboard.`);
    return;
  }
  await citations.insertSeveral(rows, editor);
}
