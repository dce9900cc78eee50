import * as vscode from 'vscode';
import { type Grouping, type PaperGroup, groupPapersSteps } from '../../core/browse/grouping';
import { runNow, runSliced } from '../../core/util/sliced';
import type { PaperData } from '../../core/data/load';
import { ItemKind } from '../constants';
import { type GroupNode, type PaperNode, type TreeNode, nodeId, paperDetails, parentOf } from './nodes';
import { detailItem, paperItem, resolveAbstractTooltip } from './paperItems';
import type { LibraryReferences } from '../../core/library/references';
import { libraryChildren, libraryItem } from './libraryItems';

/**
 * The Papers view: papers grouped by technique, year or seed file, or a flat
 * ranked list while a filter is set. A data provider only provides data: it
 * shows no messages (the view owner sets TreeView.message).
 */
export class PapersProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly rootFetched = new vscode.EventEmitter<void>();
  /** Fires when the view asks for its top level, as it does after a refresh. */
  readonly onDidFetchRoot = this.rootFetched.event;
  private groupsCache: { mode: Grouping; data: PaperData; groups: PaperGroup[] } | undefined;
  /** Refreshed since the view last asked for its top level: what VS Code shows is out of date. */
  stale = false;

  grouping: Grouping = 'technique';
  /** Ranked paper ids while a filter is set. */
  filter: { query: string; ids: string[] } | undefined;

  constructor(
    private readonly data: () => PaperData | undefined,
    private readonly keyOf: (paperId: string) => string | undefined,
    private readonly library: () => LibraryReferences | undefined = () => undefined,
  ) {}

  refresh(): void {
    this.stale = true;
    this.changed.fire(undefined);
  }

  getTreeItem(n: TreeNode): vscode.TreeItem {
    switch (n.kind) {
      case 'group': {
        const item = new vscode.TreeItem(n.group.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = nodeId(n);
        if (n.group.description !== undefined) item.description = n.group.description;
        item.contextValue = ItemKind.group;
        item.iconPath = new vscode.ThemeIcon(this.grouping === 'year' ? 'calendar' : this.grouping === 'source' ? 'file-text' : 'symbol-method');
        return item;
      }
      case 'paper':
        return paperItem(n, this.keyOf(n.paper.id));
      case 'detail':
        return detailItem(n);
      case 'technique':
        return new vscode.TreeItem(n.technique.name);
      case 'library':
      case 'libraryFile':
      case 'libraryEntry':
        return libraryItem(n, this.library());
    }
  }

  resolveTreeItem(item: vscode.TreeItem, n: TreeNode): Promise<vscode.TreeItem> {
    return resolveAbstractTooltip(item, n, this.data()?.details);
  }

  getChildren(n?: TreeNode): TreeNode[] {
    const data = this.data();
    if (!data) return [];
    if (!n) {
      this.stale = false;
      this.rootFetched.fire();
      if (this.filter) return this.papersOf(data, this.filter.ids, undefined);
      const library: TreeNode[] = (this.library()?.library.size ?? 0) > 0 ? [{ kind: 'library' }] : [];
      return [...library, ...this.groups(data).map((group) => ({ kind: 'group' as const, group }))];
    }
    if (n.kind === 'library' || n.kind === 'libraryFile') return libraryChildren(n, this.library());
    if (n.kind === 'group') return this.papersOf(data, n.group.paperIds, n);
    if (n.kind === 'paper') return paperDetails(n, this.keyOf(n.paper.id));
    return [];
  }

  getParent(n: TreeNode): TreeNode | undefined {
    return parentOf(n);
  }

  /** The node to reveal for a paper: in the filtered list, or in the first group that holds it. */
  nodeFor(paperId: string): TreeNode | undefined {
    const data = this.data();
    const paper = data?.papersById.get(paperId);
    if (!data || !paper) return undefined;
    if (this.filter) return this.filter.ids.includes(paperId) ? { kind: 'paper', paper, parent: undefined } : undefined;
    const group = this.groups(data).find((g) => g.paperIds.includes(paperId));
    return group ? { kind: 'paper', paper, parent: { kind: 'group', group } } : undefined;
  }

  /** The rows of papers listed under a group, or (no group) in the filtered list. */
  private papersOf(data: PaperData, ids: readonly string[], parent: GroupNode | undefined): PaperNode[] {
    return ids.flatMap((id) => {
      const paper = data.papersById.get(id);
      return paper ? [{ kind: 'paper' as const, paper, parent }] : [];
    });
  }

  /**
   * Groups the papers for the current grouping in slices, so that VS Code
   * asking for the view's top level finds them ready instead of blocking
   * the host (grouping 100,000 papers by technique takes a few hundred ms).
   */
  async prepare(): Promise<void> {
    const data = this.data();
    const mode = this.grouping;
    if (!data || (this.groupsCache?.mode === mode && this.groupsCache.data === data)) return;
    const groups = await runSliced(groupPapersSteps(data.corpus, data.lexicon, mode));
    if (this.data() === data && this.grouping === mode) this.groupsCache = { mode, data, groups };
  }

  private groups(data: PaperData): PaperGroup[] {
    if (this.groupsCache?.mode !== this.grouping || this.groupsCache.data !== data) {
      this.groupsCache = { mode: this.grouping, data, groups: runNow(groupPapersSteps(data.corpus, data.lexicon, this.grouping)) };
    }
    return this.groupsCache.groups;
  }
}
