import * as vscode from 'vscode';
import { GROUPINGS, type Grouping } from '../../core/browse/grouping';
import { isGrouping } from './args';
import { Command } from '../constants';
import { Setting } from '../settingKeys';
import type { PaperTrees } from '../tree/paperTrees';

const LABELS: Record<Grouping, { label: string; detail: string }> = {
  technique: { label: 'Technique', detail: 'Papers under each technique they introduce or discuss' },
  year: { label: 'Year', detail: 'Newest first; papers without a listed year last' },
  source: { label: 'Seed source', detail: 'The listing each paper was read from' },
};

/** View title action: switch how the Papers view groups papers, and remember it in the setting. */
export function registerGroupPapersBy(trees: PaperTrees): vscode.Disposable {
  return vscode.commands.registerCommand(Command.groupPapersBy, async (mode?: unknown) => {
    let chosen = isGrouping(mode) ? mode : undefined;
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(
        GROUPINGS.map((g) => ({ ...LABELS[g], mode: g, picked: g === trees.papers.grouping })),
        { title: 'Group papers by', placeHolder: `Currently: ${LABELS[trees.papers.grouping].label}` },
      );
      chosen = pick?.mode;
    }
    if (!chosen) return;
    trees.setGrouping(chosen);
    await vscode.workspace.getConfiguration().update(Setting.treeGroupBy, chosen, vscode.ConfigurationTarget.Global);
  });
}
