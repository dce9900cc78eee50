import * as vscode from 'vscode';
import { Command } from '../constants';
import { entryOf, isEntryArg } from './args';
import { warnBadArgument } from './paperArg';

/** Opens an entry of the user's library in its file, at its line (from a card or the sidebar). */
export function registerOpenLibraryEntry(): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openLibraryEntry, async (arg?: unknown) => {
    if (!isEntryArg(arg)) {
      warnBadArgument('PaperLens: Open Entry in Its File', 'a library entry', arg);
      return undefined;
    }
    const { file, line } = entryOf(arg);
    const at = new vscode.Position(line - 1, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(file, true), { selection: new vscode.Range(at, at) });
    return file;
  });
}
