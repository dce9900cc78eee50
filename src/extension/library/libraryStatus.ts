import * as vscode from 'vscode';
import { Command } from '../constants';
import { Disposable } from '../util/dispose';
import type { LibraryService } from './libraryService';

/**
 * The status bar says what PaperLens found of the user's library ("3
 * bibliographies · 1,204 entries · 2 problems"); a click lists the sources.
 * Hidden while there is none.
 */
export class LibraryStatus extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('paperlens.library', vscode.StatusBarAlignment.Left, 10));

  constructor(private readonly library: LibraryService) {
    super();
    this.item.name = 'PaperLens Library';
    this.item.command = Command.showLibrary;
    this.register(library.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const sources = this.library.all();
    if (sources.length === 0) {
      this.item.hide();
      return;
    }
    const problems = sources.some((s) => s.problems.some((p) => p.severity === 'error') || s.error);
    this.item.text = `$(${problems ? 'warning' : 'library'}) ${this.library.summary()}`;
    this.item.tooltip = 'PaperLens: your bibliographies. Click to list them and their problems.';
    this.item.show();
  }
}
