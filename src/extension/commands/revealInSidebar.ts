import * as vscode from 'vscode';
import { Command } from '../constants';
import type { PaperTrees } from '../tree/paperTrees';

/** Shows a paper in the PaperLens sidebar (from a hover card, the quick pick or the palette). */
export function registerRevealInSidebar(trees: PaperTrees, pickPaper: () => Promise<string | undefined>): vscode.Disposable {
  return vscode.commands.registerCommand(Command.revealInSidebar, async (paperId?: unknown) => {
    const id = typeof paperId === 'string' ? paperId : await pickPaper();
    if (!id) return false;
    return trees.reveal(id);
  });
}
