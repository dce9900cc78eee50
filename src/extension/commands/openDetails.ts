import * as vscode from 'vscode';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import type { DetailsPanel } from '../details/detailsPanel';
import { paperFromArg } from './paperArg';

/** Open Details: the paper's abstract and metadata in a webview. */
export function registerOpenDetails(data: PaperDataService, citations: CitationService, panel: DetailsPanel): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openDetails, async (arg?: unknown) => {
    const p = await paperFromArg(data, arg, 'PaperLens: Open Paper Details', () => citations.recent());
    if (!p) return undefined;
    const full = await data.current?.details.get(p.id);
    if (full) panel.show(full, citations.keyOf(p.id));
    return full?.id;
  });
}
