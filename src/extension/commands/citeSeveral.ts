import * as vscode from 'vscode';
import type { LibraryReferences } from '../../core/library/references';
import type { CitationService } from '../citations/citationService';
import type { RecentPapers } from '../citations/recentPapers';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import { pickReferences } from './paperPicker';
import { citeEntries } from './searchPapers';

/**
 * PaperLens: Insert Citation for Several Papers. The search quick pick with
 * check boxes: pick papers and library entries across several searches,
 * and one citation cites them all (`\cite{a,b,c}`, `[@a; @b]`).
 */
export function registerCiteSeveral(data: PaperDataService, citations: CitationService, recent: RecentPapers, library: () => LibraryReferences | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(Command.citeSeveral, async (): Promise<string[] | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const rows = await pickReferences(data, { title: 'PaperLens: Cite Several Papers (check each, then press Enter)', recent: () => recent.list(), library, many: true });
    if (rows.length === 0) return undefined;
    if (!editor) {
      await citeEntries(rows, citations, editor);
      return undefined;
    }
    return citations.insertSeveral(rows, editor);
  });
}
