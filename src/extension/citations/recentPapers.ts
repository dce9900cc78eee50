import type * as vscode from 'vscode';
import type { PaperDataService } from '../dataService';

const RECENT_KEY = 'paperlens.recentPapers';
const RECENT_MAX = 12;

/** The papers the user cited or copied lately, newest first, kept across sessions: what the pickers offer before anything is typed. */
export class RecentPapers {
  constructor(
    private readonly state: vscode.Memento,
    private readonly data: PaperDataService,
  ) {}

  /** The ids, newest first; ids the loaded corpus no longer has are left out. */
  list(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []).filter((id) => this.data.current?.papersById.has(id) ?? true);
  }

  async remember(id: string): Promise<void> {
    await this.state.update(RECENT_KEY, [id, ...this.list().filter((x) => x !== id)].slice(0, RECENT_MAX));
  }
}
