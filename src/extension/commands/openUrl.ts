import * as vscode from 'vscode';
import { Command } from '../constants';

/** Opens a paper's code or project link; only http(s) links, never other schemes from paper text. */
export function registerOpenUrl(): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openUrl, async (url?: unknown) => {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return false;
    return vscode.env.openExternal(vscode.Uri.parse(url, true));
  });
}
