import * as vscode from 'vscode';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import { paperFromArg } from './paperArg';

/** Copy BibTeX: the entry of a paper, to the clipboard. */
export function registerCopyBibtex(data: PaperDataService, citations: CitationService): vscode.Disposable {
  return vscode.commands.registerCommand(Command.copyBibtex, async (arg?: unknown) => {
    const p = await paperFromArg(data, arg, 'PaperLens: Copy BibTeX', () => citations.recent());
    if (!p) return undefined;
    await citations.copy(p, 'bibtex');
    vscode.window.setStatusBarMessage(`$(check) Copied BibTeX for ${citations.keyOf(p.id) ?? p.id}`, 3000);
    return citations.keyOf(p.id);
  });
}
