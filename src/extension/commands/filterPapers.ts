import * as vscode from 'vscode';
import { Command } from '../constants';
import type { PaperTrees } from '../tree/paperTrees';

/** View title action: show only papers matching a search (given, or asked for), ranked. */
export function registerFilterPapers(trees: PaperTrees): vscode.Disposable {
  return vscode.commands.registerCommand(Command.filterPapers, async (query?: unknown) => {
    await trees.ensureLoaded();
    const q =
      typeof query === 'string'
        ? query
        : await vscode.window.showInputBox({
            title: 'Filter papers',
            prompt: 'Title words, an acronym, an author or a topic',
            value: trees.papers.filter?.query ?? '',
          });
    if (q === undefined) return;
    trees.setFilter(q.trim() === '' ? undefined : q.trim());
  });
}
