import * as vscode from 'vscode';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import type { PaperFromArg } from './paperArg';

/** Insert Citation: from a hover card, the tree, the details page, or the palette (then pick a paper). */
export function registerInsertCitation(paperFromArg: PaperFromArg, citations: CitationService): vscode.Disposable {
  return vscode.commands.registerCommand(Command.insertCitation, async (arg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const p = await paperFromArg(arg, 'PaperLens: Insert Citation');
    return p ? citations.insert(p, editor) : undefined;
  });
}
