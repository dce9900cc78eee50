import * as vscode from 'vscode';
import { bibliographyFiles } from '../../core/editor/bibliography';
import type { LibraryFile, LibraryProblem } from '../../core/library/entry';
import { BibtexCache } from '../../core/library/bibtex';
import { readLibrary } from '../../core/library/read';
import { LibraryReferences } from '../../core/library/references';
import { LibrarySearch } from '../../core/library/search';
import { entryId, learnTechniques } from '../../core/library/learn';
import { TechniqueMatcher } from '../../core/techniques/matcher';
import type { LibraryEntry as Entry } from '../../core/library/entry';
import type { PaperRecord } from '../../core/data/format';
import { runSliced } from '../../core/util/sliced';
import { Disposable } from '../util/dispose';
import { counted } from '../../core/util/counted';

/** Why a file is in the library: a document names it, the files setting matches it, or the paths setting lists it. */
export type LibraryOrigin = 'document' | 'setting' | 'path';

/** What PaperLens knows of one library file. */
export interface LibrarySource {
  uri: vscode.Uri;
  origins: Set<LibraryOrigin>;
  entries: number;
  problems: LibraryProblem[];
  /** Set when the file could not be read at all. */
  error?: string;
}

/** Where the library's files come from: the two settings, read when PaperLens starts and when they change. */
export interface LibraryConfig {
  /** Globs, relative to each workspace folder. */
  files: readonly string[];
  /** Globs never read. */
  exclude: readonly string[];
  /** Absolute paths (Better BibTeX auto-exports); outside the workspace only in a trusted workspace. */
  paths: readonly string[];
}

/** How long edits settle before a file is read again. */
const SETTLE_MS = 150;

/**
 * The user's library: every bibliography the open documents name, the files
 * the `paperlens.library.files` globs match, and the paths in
 * `paperlens.library.paths`. Files are read through `vscode.workspace.fs`
 * (so the web extension reads them too), parsed in slices, indexed, and
 * watched: an edit on disk, or in an open editor, is searchable again
 * within a second. Problems go to the Problems panel at their line.
 */
export class LibraryService extends Disposable {
  readonly search = new LibrarySearch();
  private readonly sources = new Map<string, LibrarySource>();
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('paperlens-library'));
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when entries or problems change. */
  readonly onDidChange = this.changed.event;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private watchers: vscode.Disposable[] = [];
  /** Serialises reads of one file: a new edit waits for the read in flight. */
  private readonly reading = new Map<string, Promise<void>>();
  /** Per file: what its last read learnt, so reading it again after an edit reads only what changed. */
  private readonly caches = new Map<string, BibtexCache>();

  private refs: { papers: readonly PaperRecord[]; references: LibraryReferences } | undefined;
  private learnt: { matcher: TechniqueMatcher; entries: Map<string, Entry> } | undefined;
  private learning: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly config: () => LibraryConfig,
    private readonly log: vscode.LogOutputChannel,
    private readonly papers: () => readonly PaperRecord[] | undefined,
    private readonly corpusTechniques: () => TechniqueMatcher | undefined = () => undefined,
  ) {
    super();
    this.register(this.onDidChange(() => {
      const refs = this.refs?.references;
      if (refs) {
        refs.changed();
        // Matched to the bundled papers now, in slices, rather than on the next keystroke.
        void runSliced(refs.rematch());
      }
      this.scheduleLearning();
    }));
    this.register({ dispose: () => clearTimeout(this.learning) });
    this.register({ dispose: () => this.disposeWatchers() });
    this.register({ dispose: () => this.pending.forEach((t) => clearTimeout(t)) });
    this.register(vscode.workspace.onDidOpenTextDocument((d) => void this.fromDocument(d)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e.document)));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()));
  }

  /** Finds and reads every source; call again when the settings change. */
  async refresh(): Promise<void> {
    this.disposeWatchers();
    const { files, exclude, paths } = this.config();
    const wanted = new Map<string, { uri: vscode.Uri; origin: LibraryOrigin }>();
    const excludeGlob = exclude.length > 0 ? `{${exclude.join(',')}}` : undefined;
    for (const glob of files) {
      for (const uri of await vscode.workspace.findFiles(glob, excludeGlob, 5000)) wanted.set(uri.toString(), { uri, origin: 'setting' });
      const w = vscode.workspace.createFileSystemWatcher(glob);
      w.onDidCreate((u) => this.schedule(u, 'setting'));
      w.onDidChange((u) => this.schedule(u, 'setting'));
      w.onDidDelete((u) => this.forget(u));
      this.watchers.push(w);
    }
    for (const p of paths) {
      const uri = vscode.Uri.file(p);
      if (!vscode.workspace.isTrusted && !vscode.workspace.getWorkspaceFolder(uri)) {
        this.log.info(`library: ${p} is outside the workspace; it is read once the workspace is trusted`);
        continue;
      }
      wanted.set(uri.toString(), { uri, origin: 'path' });
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop() ?? ''));
      w.onDidCreate((u) => this.schedule(u, 'path'));
      w.onDidChange((u) => this.schedule(u, 'path'));
      w.onDidDelete((u) => this.forget(u));
      this.watchers.push(w);
    }
    // Sources no setting wants any more, and no document names, go.
    for (const [key, s] of this.sources) {
      s.origins.delete('setting');
      s.origins.delete('path');
      if (!wanted.has(key) && s.origins.size === 0) this.forget(s.uri);
    }
    await Promise.all([...wanted.values()].map(({ uri, origin }) => this.load(uri, origin)));
    await Promise.all(vscode.workspace.textDocuments.map((d) => this.fromDocument(d)));
  }

  /**
   * The library seen against the bundled corpus (which entries are bundled
   * papers, the fused search), once the corpus has loaded.
   */
  references(): LibraryReferences | undefined {
    const papers = this.papers();
    if (!papers) return undefined;
    if (this.refs?.papers !== papers) this.refs = { papers, references: new LibraryReferences(this.search, papers) };
    return this.refs.references;
  }

  /**
   * The techniques the user's own papers introduce (see learnTechniques),
   * for technique hovers, and the entries they name; undefined until learnt.
   */
  techniques(): { matcher: TechniqueMatcher; entries: Map<string, Entry> } | undefined {
    return this.learnt;
  }

  /** Learns the library's techniques again, in slices, once edits have settled. */
  scheduleLearning(): void {
    clearTimeout(this.learning);
    this.learning = setTimeout(() => void this.learn(), 300);
  }

  private async learn(): Promise<void> {
    const corpus = this.corpusTechniques();
    if (!corpus) return;
    const all = this.search.all();
    const lexicon = await runSliced(learnTechniques(all, (key) => corpus.knows(key)));
    this.learnt = { matcher: new TechniqueMatcher(lexicon), entries: new Map(all.map((e) => [entryId(e), e])) };
    this.log.info(`library: ${lexicon.techniques.length} techniques learnt from ${all.length} entries`);
  }

  /** Every source, for the sources command and the status. */
  all(): LibrarySource[] {
    return [...this.sources.values()];
  }

  /** "3 bibliographies · 1,204 entries · 2 problems". */
  summary(): string {
    const problems = this.all().reduce((n, s) => n + s.problems.length + (s.error ? 1 : 0), 0);
    const n = this.sources.size;
    const parts = [counted(n, 'bibliography', 'bibliographies'), counted(this.search.size, 'entry', 'entries')];
    if (problems > 0) parts.push(counted(problems, 'problem'));
    return parts.join(' · ');
  }

  /** The bibliographies a LaTeX, Markdown or Quarto document names join the library. */
  private async fromDocument(doc: vscode.TextDocument): Promise<void> {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-userdata') return;
    const names = bibliographyFiles(doc.getText(), doc.languageId);
    const base = vscode.Uri.joinPath(doc.uri, '..');
    await Promise.all(
      names.map((name) => {
        const uri = /^(?:[a-z]:)?\//i.test(name) ? vscode.Uri.file(name) : vscode.Uri.joinPath(base, name);
        if (!vscode.workspace.isTrusted && !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
        return this.sources.get(uri.toString())?.origins.has('document') ? undefined : this.load(uri, 'document');
      }),
    );
  }

  /** An unsaved edit to a library file open in an editor: read from the editor's text. */
  private onEdit(doc: vscode.TextDocument): void {
    const s = this.sources.get(doc.uri.toString());
    if (!s) return;
    this.schedule(doc.uri, [...s.origins][0] ?? 'document');
  }

  private schedule(uri: vscode.Uri, origin: LibraryOrigin): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.load(uri, origin);
      }, SETTLE_MS),
    );
  }

  /** Reads, parses and indexes one file, after any read of it in flight. */
  load(uri: vscode.Uri, origin: LibraryOrigin): Promise<void> {
    const key = uri.toString();
    const run = (this.reading.get(key) ?? Promise.resolve()).then(() => this.read(uri, origin));
    const done = run.finally(() => {
      if (this.reading.get(key) === done) this.reading.delete(key);
    });
    this.reading.set(key, done);
    return done;
  }

  private async read(uri: vscode.Uri, origin: LibraryOrigin): Promise<void> {
    const key = uri.toString();
    const source = this.sources.get(key) ?? { uri, origins: new Set<LibraryOrigin>(), entries: 0, problems: [] };
    source.origins.add(origin);
    this.sources.set(key, source);
    const started = performance.now();
    let parsed: LibraryFile;
    try {
      // An open editor's text wins over the disk: it is what the user sees, saved or not.
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      const bytes = open ? new TextEncoder().encode(open.getText()) : await vscode.workspace.fs.readFile(uri);
      let cache = this.caches.get(key);
      if (!cache) this.caches.set(key, (cache = new BibtexCache()));
      parsed = await runSliced(readLibrary(bytes, key, cache));
      await runSliced(this.search.setFile(parsed));
    } catch (e) {
      const missing = e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
      if (missing && origin !== 'document') {
        this.forget(uri);
        return;
      }
      // A file named by a document that does not exist yet, or one that vanished mid-read: said once, at line 1.
      source.error = missing ? 'the file does not exist (yet)' : `cannot be read: ${e instanceof Error ? e.message : String(e)}`;
      source.entries = 0;
      source.problems = [];
      this.search.removeFile(key);
      this.diagnostics.delete(uri);
      this.log.info(`library: ${vscode.workspace.asRelativePath(uri)} ${source.error}`);
      this.changed.fire();
      return;
    }
    delete source.error;
    source.entries = parsed.entries.length;
    source.problems = parsed.problems;
    this.diagnostics.set(uri, parsed.problems.map(toDiagnostic));
    this.log.info(`library: ${vscode.workspace.asRelativePath(uri)}: ${parsed.entries.length} entries, ${parsed.problems.length} problems, in ${Math.round(performance.now() - started)} ms`);
    this.changed.fire();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.caches.delete(key);
    if (!this.sources.delete(key)) return;
    this.search.removeFile(key);
    this.diagnostics.delete(uri);
    this.changed.fire();
  }

  private disposeWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }
}

function toDiagnostic(p: LibraryProblem): vscode.Diagnostic {
  const line = Math.max(0, p.line - 1);
  const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), p.reason, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = 'PaperLens';
  return d;
}
