import * as vscode from 'vscode';
import { Command } from '../constants';

export function registerShowOutput(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(Command.showOutput, () => log.show());
}
