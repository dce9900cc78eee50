import * as vscode from 'vscode';
import type { LibraryReferences } from '../../core/library/references';
import type { Grouping } from '../../core/browse/grouping';
import { ContextKey, View } from '../constants';
import type { PaperDataService } from '../dataService';
import { Setting } from '../settingKeys';
import type { Settings } from '../settings';
import { Disposable } from '../util/dispose';
import { type TreeNode, nodeId } from './nodes';
import { PapersProvider } from './papersProvider';
import { TechniquesProvider } from './techniquesProvider';

/**
 * Owns the two sidebar views: creates them, keeps their empty-state
 * messages, grouping and filter, and reveals papers. Data loads when a
 * view first becomes visible, not at activation.
 */
export class PaperTrees extends Disposable {
  readonly papers: PapersProvider;
  readonly techniques: TechniquesProvider;
  readonly papersView: vscode.TreeView<TreeNode>;
  readonly techniquesView: vscode.TreeView<TreeNode>;

  constructor(
    private readonly data: PaperDataService,
    private readonly settings: Settings,
    keyOf: (paperId: string) => string | undefined,
    library?: { references: () => LibraryReferences | undefined; onDidChange: vscode.Event<void> },
  ) {
    super();
    this.papers = new PapersProvider(() => data.completed, keyOf, library?.references);
    // The user's library shows at the top of the Papers view, and follows their files as they change.
    if (library) this.register(library.onDidChange(() => this.papers.refresh()));
    this.techniques = new TechniquesProvider(() => data.completed, keyOf);
    this.papers.grouping = settings.get(Setting.treeGroupBy);
    this.papersView = this.register(vscode.window.createTreeView(View.papers, { treeDataProvider: this.papers, showCollapseAll: true }));
    this.techniquesView = this.register(vscode.window.createTreeView(View.techniques, { treeDataProvider: this.techniques, showCollapseAll: true }));
    for (const view of [this.papersView, this.techniquesView]) {
      this.register(view.onDidChangeVisibility((e) => (e.visible ? void this.ensureLoaded() : undefined)));
      if (view.visible) void this.ensureLoaded();
    }
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Setting.treeGroupBy)) {
          // Only a change of grouping rebuilds the view: an invalid value that falls back to the current one, or
          // a reset to it, keeps the tree as it is, expansion and selection included.
          const mode = this.settings.get(Setting.treeGroupBy);
          if (mode !== this.papers.grouping) this.setGrouping(mode);
        }
        if (e.affectsConfiguration(Setting.keyFormula)) {
          // Keys show in paper details and tooltips.
          this.papers.refresh();
          this.techniques.refresh();
        }
      }),
    );
    void vscode.commands.executeCommand('setContext', ContextKey.groupBy, this.papers.grouping);
    this.updateMessages();
  }

  /** Loads the data for the views (once) and fills them. */
  async ensureLoaded(): Promise<void> {
    if (this.data.completed) return;
    this.papersView.message = 'Loading papers…';
    try {
      await this.data.getComplete();
      await this.papers.prepare();
    } catch {
      // The data service has told the user once; the views say it in place.
    }
    this.papers.refresh();
    this.techniques.refresh();
    this.updateMessages();
  }

  setGrouping(mode: Grouping): void {
    this.papers.grouping = mode;
    // Refreshed now (a reveal right after must see the new grouping), and the groups made in slices meanwhile.
    void this.papers.prepare();
    this.papers.refresh();
    void vscode.commands.executeCommand('setContext', ContextKey.groupBy, mode);
    this.updateMessages();
  }

  setFilter(query: string | undefined): void {
    const d = this.data.current;
    this.papers.filter = query && d ? { query, ids: d.search.search(query, { limit: 200 }).map((h) => h.paper.id) } : undefined;
    this.papers.refresh();
    void vscode.commands.executeCommand('setContext', ContextKey.papersFiltered, this.papers.filter !== undefined);
    this.updateMessages();
  }

  /** Shows a paper in the Papers view, selected and expanded. */
  async reveal(paperId: string): Promise<boolean> {
    await this.ensureLoaded();
    let node = this.papers.nodeFor(paperId);
    if (!node && this.papers.filter) {
      this.setFilter(undefined);
      node = this.papers.nodeFor(paperId);
    }
    if (!node) return false;
    if (this.papers.stale) {
      // VS Code reveals from what it last fetched: revealed before it has
      // fetched the top level of a refresh (a new grouping or filter, the
      // library changing), the item is not found or the refresh replaces it,
      // and nothing is selected. A hidden view fetches only when shown again:
      // show it. Either way, let it fetch its new top level first.
      const fetched = new Promise<void>((resolve) => {
        const sub = this.papers.onDidFetchRoot(() => (sub.dispose(), resolve()));
        setTimeout(() => (sub.dispose(), resolve()), 2_000);
      });
      if (!this.papersView.visible) await vscode.commands.executeCommand(`${View.papers}.focus`);
      await fetched;
    }
    // A view shown a moment ago can drop the first reveal while it renders its top level (nothing gets
    // selected): reveal again, at most twice more, until the selection names the paper.
    const id = nodeId(node);
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.papersView.reveal(node, { select: true, focus: true, expand: true });
      if (await this.selectionNames(id, 1_000)) break;
    }
    return true;
  }

  /** Whether the papers view's selection names the node with this id now or within `ms`. */
  private selectionNames(id: string, ms: number): Promise<boolean> {
    const names = (): boolean => this.papersView.selection.some((n) => nodeId(n) === id);
    if (names()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const sub = this.papersView.onDidChangeSelection(() => {
        if (names()) (sub.dispose(), clearTimeout(timer), resolve(true));
      });
      const timer = setTimeout(() => (sub.dispose(), resolve(names())), ms);
    });
  }

  private updateMessages(): void {
    const d = this.data.current;
    if (this.data.error) {
      const msg = `PaperLens could not load its papers: ${this.data.error}`;
      this.papersView.message = msg;
      this.techniquesView.message = msg;
      return;
    }
    this.techniquesView.message = undefined;
    if (!d) return;
    const f = this.papers.filter;
    if (f) {
      this.papersView.message = f.ids.length > 0 ? `Filtered by "${f.query}": ${f.ids.length} papers, best match first` : `No papers match "${f.query}".`;
    } else {
      this.papersView.message = undefined;
    }
  }
}
