import * as vscode from 'vscode';
import { Command } from '../constants';
import type { PaperTrees } from '../tree/paperTrees';
import { isPaperArg, paperIdOf } from './args';
import { warnBadArgument } from './paperArg';

/** Shows a paper in the PaperLens sidebar (from a hover card, the quick pick, the Techniques view or the palette). */
export function registerRevealInSidebar(trees: PaperTrees, pickPaper: () => Promise<string | undefined>): vscode.Disposable {
  return vscode.commands.registerCommand(Command.revealInSidebar, async (arg?: unknown) => {
    if (arg !== undefined && !isPaperArg(arg)) {
      warnBadArgument('PaperLens: Show Paper in Sidebar', 'a paper id', arg);
      return false;
    }
    const id = arg === undefined ? await pickPaper() : paperIdOf(arg);
    if (!id) return false;
    return trees.reveal(id);
  });
}
