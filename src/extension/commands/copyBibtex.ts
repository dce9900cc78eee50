import * as vscode from 'vscode';
import type { CitationKeys } from '../citations/citationKeys';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import type { PaperFromArg } from './paperArg';

/** Copy BibTeX: the entry of a paper, to the clipboard. */
export function registerCopyBibtex(paperFromArg: PaperFromArg, citations: CitationService, keys: CitationKeys): vscode.Disposable {
  return vscode.commands.registerCommand(Command.copyBibtex, async (arg?: unknown) => {
    const p = await paperFromArg(arg, 'PaperLens: Copy BibTeX');
    if (!p) return undefined;
    await citations.copy(p, 'bibtex');
    vscode.window.setStatusBarMessage(`$(check) Copied BibTeX for ${keys.keyOf(p.id) ?? p.id}`, 3000);
    return keys.keyOf(p.id);
  });
}
