import * as vscode from 'vscode';
import { arxivUrl } from '../../core/corpus/arxiv';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import { paperFromArg } from './paperArg';

/** Open on arXiv: the paper's arXiv abstract page, in the browser; says so when no arXiv id is known. */
export function registerOpenOnArxiv(data: PaperDataService, citations: CitationService): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openOnArxiv, async (arg?: unknown) => {
    const p = await paperFromArg(data, arg, 'PaperLens: Open on arXiv', () => citations.recent());
    if (!p) return undefined;
    const page = arxivUrl(p);
    if (!page) {
      void vscode.window.showInformationMessage(`PaperLens knows no arXiv id for "${p.title.slice(0, 120)}".`);
      return undefined;
    }
    await vscode.env.openExternal(vscode.Uri.parse(page, true));
    return page;
  });
}
