import * as vscode from 'vscode';
import { Command } from '../constants';
import type { PaperTrees } from '../tree/paperTrees';

/** View title action: show every paper again, grouped. */
export function registerClearPapersFilter(trees: PaperTrees): vscode.Disposable {
  return vscode.commands.registerCommand(Command.clearPapersFilter, () => trees.setFilter(undefined));
}
