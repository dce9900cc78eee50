import * as vscode from 'vscode';
import { arxivUrl } from '../../core/corpus/arxiv';
import { Command } from '../constants';
import type { PaperFromArg } from './paperArg';

/** Open on arXiv: the paper's arXiv abstract page, in the browser; says so when no arXiv id is known. */
export function registerOpenOnArxiv(paperFromArg: PaperFromArg): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openOnArxiv, async (arg?: unknown) => {
    const p = await paperFromArg(arg, 'PaperLens: Open on arXiv');
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
