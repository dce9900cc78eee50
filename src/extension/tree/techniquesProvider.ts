import * as vscode from 'vscode';
import { byTechniqueImportance } from '../../core/browse/grouping';
import type { PaperData } from '../../core/data/load';
import { ItemKind } from '../constants';
import { type TreeNode, nodeId, paperDetails, parentOf } from './nodes';
import { detailItem, paperItem, resolveAbstractTooltip } from './paperItems';

/** The Techniques view: technique → papers, introducing paper first. */
export class TechniquesProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly data: () => PaperData | undefined,
    private readonly keyOf: (paperId: string) => string | undefined,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(n: TreeNode): vscode.TreeItem {
    if (n.kind === 'technique') {
      const t = n.technique;
      const item = new vscode.TreeItem(t.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = nodeId(n);
      item.description = `${t.expansions.join(' | ')}${t.expansions.length ? ' · ' : ''}${t.papers.length} paper${t.papers.length === 1 ? '' : 's'}`;
      item.tooltip = new vscode.MarkdownString().appendText(`${t.name}${t.expansions.length ? ` (${t.expansions.join(' | ')})` : ''}\n${t.kind}: ${t.papers.length} papers`);
      item.contextValue = ItemKind.technique;
      item.iconPath = new vscode.ThemeIcon(t.kind === 'acronym' ? 'symbol-constant' : t.kind === 'phrase' ? 'symbol-text' : 'symbol-class');
      return item;
    }
    if (n.kind === 'paper') return paperItem(n, this.keyOf(n.paper.id));
    if (n.kind === 'detail') return detailItem(n);
    // The Techniques view has no groups or library rows; a label keeps the switch total.
    return new vscode.TreeItem(n.kind === 'group' ? n.group.label : nodeId(n));
  }

  resolveTreeItem(item: vscode.TreeItem, n: TreeNode): Promise<vscode.TreeItem> {
    return resolveAbstractTooltip(item, n, this.data()?.details);
  }

  getChildren(n?: TreeNode): TreeNode[] {
    const data = this.data();
    if (!data) return [];
    if (!n) {
      return [...data.lexicon.techniques].sort(byTechniqueImportance).map((technique) => ({ kind: 'technique' as const, technique }));
    }
    if (n.kind === 'technique') {
      const byId = data.papersById;
      return n.technique.papers.flatMap((tp) => {
        const paper = byId.get(tp.id);
        return paper ? [{ kind: 'paper' as const, paper, parent: n, role: tp.role }] : [];
      });
    }
    if (n.kind === 'paper') return paperDetails(n, this.keyOf(n.paper.id));
    return [];
  }

  getParent(n: TreeNode): TreeNode | undefined {
    return parentOf(n);
  }
}
