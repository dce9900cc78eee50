import * as vscode from 'vscode';
import { REINSTALL, forInstalledUsers } from '../core/corpus/remedies';
import { DataError } from '../core/data/errors';
import { type LoadStats, type PaperData, emptyLoadStats, loadPaperData } from '../core/data/load';

/**
 * Loads the shipped corpus, index and lexicon once, on first use, and shares
 * them with every feature. The load runs in slices of a few milliseconds
 * between which the extension host handles other work, so even a corpus of
 * 100,000 papers never freezes the editor; search is ready first, and the
 * lexicon, the leads and the abstract index follow in the background.
 *
 * Missing, corrupt or other-version data is one DataError, reported once,
 * in plain words, when the load fails. After that, passive features
 * (hovers, completion, the views) show nothing, and a command the user runs
 * says why it cannot work (see {@link forCommand}) instead of failing with
 * VS Code's "command failed"; the rest of VS Code is unaffected.
 */
export class PaperDataService {
  private loading: Promise<PaperData> | undefined;
  private loaded: PaperData | undefined;
  private settled: PaperData | undefined;
  private failure: string | undefined;
  private shown = 0;
  private readonly stats: LoadStats = emptyLoadStats();
  private readonly loadedHooks: ((data: PaperData) => void)[] = [];

  constructor(
    private readonly dataDir: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The data, loading it on first call. Rejects with a DataError if it cannot be loaded. */
  get(): Promise<PaperData> {
    this.loading ??= this.load();
    return this.loading;
  }

  /**
   * The data once the lexicon, the leads and the abstract index are in too
   * (or one of them failed, which was reported): for hovers, the sidebar
   * and the picker's technique names. Rejects like {@link get}.
   */
  async getComplete(): Promise<PaperData> {
    const d = await this.get();
    await d.complete.catch(() => undefined);
    // Without the papers' facts (a damaged facts file) the records are heads only: nothing may cite them.
    if (!d.corpus.factsLoaded) throw new DataError(this.failure ?? 'the papers\' facts could not be loaded');
    return d;
  }

  /**
   * The data for a command the user ran, or undefined when it cannot be
   * loaded. Never rejects: the failure has been reported when the load
   * failed, and is reported again for a later command, so every command the
   * user runs gets an answer.
   */
  async forCommand(complete = false): Promise<PaperData | undefined> {
    const fresh = this.loading === undefined;
    try {
      const d = await (complete ? this.getComplete() : this.get());
      // Search-ready data whose facts then failed to load: no command can cite or show its papers.
      if (this.failure !== undefined) throw new DataError(this.failure);
      return d;
    } catch (e) {
      if (!fresh) this.report(e, 'PaperLens cannot load its paper data');
      return undefined;
    }
  }

  /** How many error messages the service has shown. */
  get messagesShown(): number {
    return this.shown;
  }

  /** Runs `hook` once search is ready, for work that should follow the load in the background (citation keys). */
  whenLoaded(hook: (data: PaperData) => void): void {
    if (this.loaded) hook(this.loaded);
    else this.loadedHooks.push(hook);
  }

  /** The data if search is ready; never triggers a load. */
  get current(): PaperData | undefined {
    return this.loaded;
  }

  /** The data if it is complete (see {@link getComplete}); never triggers a load. */
  get completed(): PaperData | undefined {
    return this.settled;
  }

  /** Why the data could not be loaded, once a load has failed. */
  get error(): string | undefined {
    return this.failure;
  }

  /** How the load went: time to ready, longest slice without a turn of the event loop. */
  get loadStats(): Readonly<LoadStats> {
    return this.stats;
  }

  private async load(): Promise<PaperData> {
    const read = async (name: string): Promise<string> => {
      const uri = vscode.Uri.joinPath(this.dataDir, name);
      try {
        return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        throw new DataError(`${name} is missing from the extension (${uri.toString(true)}); ${REINSTALL}`);
      }
    };
    try {
      const data = await loadPaperData({ read }, { stats: this.stats });
      this.loaded = data;
      this.log.info(
        `corpus loaded: ${data.corpus.papers.length} papers, ready to search in ${Math.round(this.stats.readyMs)} ms (longest step ${this.stats.longestSliceMs.toFixed(1)} ms)`,
      );
      // Marked complete before any hook's own wait on `complete` runs, so a hook sees `completed` set.
      data.complete.then(
        () => {
          this.settled = data;
          this.log.info(
            `papers' facts, lexicon (${data.lexicon.techniques.length} techniques), leads and abstract index loaded in ${Math.round(this.stats.completeMs)} ms (longest step ${this.stats.longestSliceMs.toFixed(1)} ms)`,
          );
        },
        (e: unknown) => {
          // What loaded stays in use (search, and without the lexicon or abstracts the rest), but not
          // records without their facts.
          if (data.corpus.factsLoaded) this.settled = data;
          else this.failure = forUsers(e);
          this.report(e, 'PaperLens could not load all of its paper data');
        },
      );
      for (const hook of this.loadedHooks) hook(data);
      return data;
    } catch (e) {
      this.failure = forUsers(e);
      this.report(e, 'PaperLens cannot load its paper data');
      throw e;
    }
  }

  private report(e: unknown, what: string): void {
    const message = forUsers(e);
    this.log.error(`${what}: ${message}`);
    this.shown++;
    void vscode.window.showErrorMessage(`${what}: ${message}`, 'Show Log').then((pick) => {
      if (pick) this.log.show();
    });
  }
}

/** A load error in a user's words: an installed extension is reinstalled, not rebuilt. */
function forUsers(e: unknown): string {
  return forInstalledUsers(e instanceof Error ? e.message : String(e));
}
