import * as vscode from 'vscode';
import type { CitationKeys } from '../citations/citationKeys';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import type { DetailsPanel } from '../details/detailsPanel';
import type { PaperFromArg } from './paperArg';

/** Open Details: the paper's abstract and metadata in a webview. */
export function registerOpenDetails(paperFromArg: PaperFromArg, data: PaperDataService, keys: CitationKeys, panel: DetailsPanel): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openDetails, async (arg?: unknown) => {
    const p = await paperFromArg(arg, 'PaperLens: Open Paper Details');
    if (!p) return undefined;
    const full = await data.current?.details.get(p.id);
    if (full) panel.show(full, keys.keyOf(p.id));
    return full?.id;
  });
}
