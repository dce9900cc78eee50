import * as vscode from 'vscode';
import type { PaperRecord } from '../../core/data/load';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import { type PaperAction, pickPaper } from './paperPicker';

/** Runs a quick-pick button's action on a paper. */
export async function runPaperAction(action: PaperAction, paper: PaperRecord, citations: CitationService, editor: vscode.TextEditor | undefined): Promise<void> {
  switch (action) {
    case 'insert':
      await citations.insert(paper, editor);
      return;
    case 'copyBibtex':
      await citations.copy(paper, 'bibtex');
      vscode.window.setStatusBarMessage(`$(check) Copied BibTeX for ${citations.keyOf(paper.id) ?? paper.id}`, 3000);
      return;
    case 'details':
      await vscode.commands.executeCommand(Command.openDetails, paper.id);
      return;
    case 'reveal':
      await vscode.commands.executeCommand(Command.revealInSidebar, paper.id);
  }
}

/**
 * PaperLens: Search Papers. A live quick pick over the index; accepting a
 * paper inserts its citation into the editor that was active, in the form
 * that editor's file wants. `query` pre-fills the search ("Search related").
 */
export function registerSearchPapers(data: PaperDataService, citations: CitationService): vscode.Disposable {
  const run = async (arg?: unknown): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    const query = typeof arg === 'string' ? arg : typeof arg === 'object' && arg && 'query' in arg && typeof arg.query === 'string' ? arg.query : undefined;
    const paper = await pickPaper(data, {
      title: 'PaperLens: Search Papers',
      ...(query === undefined ? {} : { query }),
      recent: () => citations.recent(),
      onAction: (action, p) => runPaperAction(action, p, citations, editor),
    });
    if (paper) await citations.insert(paper, editor);
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.searchPapers, run),
    vscode.commands.registerCommand(Command.searchRelated, (q?: unknown) => run(typeof q === 'string' ? q : undefined)),
  );
}
