import * as vscode from 'vscode';
import { Command } from '../constants';
import { isTechniqueArg, techniqueNameOf } from './args';
import { runCommand } from './runCommand';

/** Search Related: Search Papers with a technique's name filled in (from a card's links or the Techniques view). */
export function registerSearchRelated(): vscode.Disposable {
  return vscode.commands.registerCommand(Command.searchRelated, (arg?: unknown) => runCommand(Command.searchPapers, isTechniqueArg(arg) ? techniqueNameOf(arg) : undefined));
}
