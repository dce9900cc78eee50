import * as vscode from 'vscode';
import { DATA_FILES } from '../core/data/files';
import { DataError, type PaperData, loadData } from '../core/data/load';

/**
 * Loads the shipped corpus, index and lexicon once, on first use, and shares
 * them with every feature. A missing or corrupt data file is reported once,
 * in plain words; every feature then degrades to "nothing to show" and the
 * rest of VS Code is unaffected.
 */
export class PaperDataService {
  private loading: Promise<PaperData> | undefined;
  private loaded: PaperData | undefined;
  private failure: string | undefined;

  constructor(
    private readonly dataDir: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The data, loading it on first call. Rejects with a DataError if it cannot be loaded. */
  get(): Promise<PaperData> {
    this.loading ??= this.load();
    return this.loading;
  }

  /** The data if it is already loaded; never triggers a load. */
  get current(): PaperData | undefined {
    return this.loaded;
  }

  /** Why the data could not be loaded, once a load has failed. */
  get error(): string | undefined {
    return this.failure;
  }

  private async load(): Promise<PaperData> {
    const t0 = performance.now();
    try {
      const read = async (name: string): Promise<string> => {
        const uri = vscode.Uri.joinPath(this.dataDir, name);
        try {
          return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          throw new DataError(`${name} is missing from the extension (${uri.toString(true)}); reinstall PaperLens`);
        }
      };
      const [corpus, searchIndex, techniques] = await Promise.all([read(DATA_FILES.corpus), read(DATA_FILES.searchIndex), read(DATA_FILES.techniques)]);
      const data = loadData({ corpus, searchIndex, techniques });
      this.loaded = data;
      this.log.info(
        `corpus loaded: ${data.corpus.papers.length} papers, ${data.lexicon.techniques.length} techniques in ${Math.round(performance.now() - t0)} ms`,
      );
      return data;
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.log.error(`corpus could not be loaded: ${this.failure}`);
      void vscode.window.showErrorMessage(`PaperLens cannot load its paper data: ${this.failure}`, 'Show Log').then((pick) => {
        if (pick) this.log.show();
      });
      throw e;
    }
  }
}
