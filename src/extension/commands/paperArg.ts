import * as vscode from 'vscode';
import type { PaperRecord } from '../../core/data/load';
import type { RecentPapers } from '../citations/recentPapers';
import type { PaperDataService } from '../dataService';
import { isPaperArg, paperIdOf } from './args';
import { pickPaper } from './paperPicker';

/**
 * Tells the user a command was given an argument it does not take (a link
 * or another extension may pass anything): a warning, never a throw.
 *
 * @example
 * warnBadArgument('PaperLens: Copy BibTeX', 'a paper id', 42) // shows: PaperLens: "PaperLens: Copy BibTeX" expects a paper id, not 42.
 */
export function warnBadArgument(title: string, expected: string, arg: unknown): void {
  void vscode.window.showWarningMessage(`PaperLens: "${title}" expects ${expected}, not ${JSON.stringify(arg)?.slice(0, 60) ?? typeof arg}.`);
}

/**
 * The paper a paper command acts on: the one its argument names (a
 * `PaperArg`), or with no argument the one the user picks in the search
 * quick pick (titled with the command). Any other argument, or an id no
 * paper has, is answered with a warning and undefined.
 */
export type PaperFromArg = (arg: unknown, title: string) => Promise<PaperRecord | undefined>;

/**
 * The {@link PaperFromArg} of the paper commands: over the loaded data, offering the recent papers first.
 *
 * @example
 * const paper = paperFromArg(data, recent);
 * await paper({ paper: { id: 'transmla-multi-head-latent-attention-is-all-you-need' } }, 'PaperLens: Copy BibTeX') // => the TransMLA record
 */
export function paperFromArg(data: PaperDataService, recent: RecentPapers): PaperFromArg {
  return async (arg, title) => {
    if (arg === undefined) return pickPaper(data, { title, recent: () => recent.list() });
    const d = await data.forCommand(true);
    if (!d) return undefined;
    if (!isPaperArg(arg)) {
      warnBadArgument(title, 'a paper id', arg);
      return undefined;
    }
    const id = paperIdOf(arg);
    const p = d.papersById.get(id);
    if (!p) void vscode.window.showWarningMessage(`PaperLens has no paper with id "${id.slice(0, 100)}".`);
    return p;
  };
}
