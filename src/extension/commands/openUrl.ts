import * as vscode from 'vscode';
import { Command } from '../constants';
import { isUrlArg, urlOf } from './args';

/** Opens a paper's code, arXiv or DOI link (given as a URL or a link row of the views); only http(s) links, never other schemes from paper text. */
export function registerOpenUrl(): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openUrl, async (arg?: unknown) => {
    if (!isUrlArg(arg)) return false;
    return vscode.env.openExternal(vscode.Uri.parse(urlOf(arg), true));
  });
}
