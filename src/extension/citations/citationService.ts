import * as vscode from 'vscode';
import { keyFormulaNamed } from '../../core/cite/keyFormulas';
import { assignKeys, papersByKey } from '../../core/cite/keys';
import { type CitationFormat, formatCitation } from '../../core/cite/formats';
import type { Paper } from '../../schema/corpus';
import type { PaperData, PaperRecord } from '../../core/data/load';
import { type BibIndex, planBibEntry } from '../../core/bib/plan';
import { bibliographyFiles } from '../../core/editor/bibliography';
import { type InsertFormat, citeEdit, commentLine, insertFormatFor, needsBibliography } from '../../core/editor/citations';
import type { PaperDataService } from '../dataService';
import { Setting } from '../settingKeys';
import type { Settings } from '../settings';
import { type BibEditContext, type BibUpdate, addEntryEdit } from './bibFile';
import type { DocumentCache } from '../util/documentCache';

const RECENT_KEY = 'paperlens.recentPapers';
const RECENT_MAX = 12;

export interface InsertResult {
  /** The key cited: the paper's key, or the key the bibliography gave it (see {@link BibUpdate}). */
  key: string;
  /** Where the citation went: into the editor, or to the clipboard when no editor was open. */
  target: 'editor' | 'clipboard';
  /** The citation was already at the cursor. */
  alreadyCited?: boolean;
  bib?: BibUpdate;
}

/**
 * Keys, formats and insertion of citations. Every change to a user's files
 * is one WorkspaceEdit, so it can be undone, and lands on top of unsaved
 * text rather than replacing it.
 */
export class CitationService {
  private keyCache: { formula: string; data: PaperData; byId: Map<string, string>; byKey: Map<string, string> } | undefined;

  constructor(
    private readonly data: PaperDataService,
    private readonly settings: Settings,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly bibIndexes: DocumentCache<BibIndex>,
  ) {}

  /** What writing to a bibliography file needs: the index cache, and a modal question. */
  private get bibContext(): BibEditContext {
    return {
      indexes: this.bibIndexes,
      // Only a yes counts: Escape, closing the dialog, or a host that cannot show one (tests) is a no.
      confirm: async (question) => (await Promise.resolve(vscode.window.showWarningMessage(question, { modal: true }, 'Add It There')).catch(() => undefined)) === 'Add It There',
    };
  }

  /** The citation key of a paper, once the data is loaded. */
  keyOf(paperId: string): string | undefined {
    return this.keys()?.byId.get(paperId);
  }

  /** The paper a citation key names: its key now, or one an earlier release gave it. */
  paperByKey(key: string): PaperRecord | undefined {
    const k = this.keys();
    const id = k?.byKey.get(key);
    return id ? this.data.current?.papersById.get(id) : undefined;
  }

  /** Every key, for completion. */
  allKeys(): ReadonlyMap<string, string> {
    return this.keys()?.byId ?? new Map();
  }

  private keys(): { byId: Map<string, string>; byKey: Map<string, string> } | undefined {
    const d = this.data.current;
    if (!d) return undefined;
    const formula = this.settings.get(Setting.keyFormula);
    if (this.keyCache?.formula !== formula || this.keyCache.data !== d) {
      const byId = assignKeys(d.corpus.papers, keyFormulaNamed(formula));
      this.keyCache = { formula, data: d, byId, byKey: papersByKey(byId, d.corpus.papers) };
    }
    return this.keyCache;
  }

  /** A paper in any citation format, with the configured options, under its key or the one given (the abstract is read when they include it). */
  async format(p: PaperRecord, format: CitationFormat, scope?: vscode.ConfigurationScope, commentPrefix?: string, key?: string): Promise<string> {
    return this.formatCitable(await this.citable(p, scope), format, scope, commentPrefix, key);
  }

  /** The paper as citations need it: with its abstract when the settings include it (read on demand). */
  private async citable(p: PaperRecord, scope?: vscode.ConfigurationScope): Promise<PaperRecord | Paper> {
    if (!this.settings.get(Setting.includeAbstract, scope)) return p;
    return (await this.data.current?.details.get(p.id)) ?? p;
  }

  private formatCitable(p: PaperRecord | Paper, format: CitationFormat, scope?: vscode.ConfigurationScope, commentPrefix?: string, key = this.keyOf(p.id) ?? p.id): string {
    return formatCitation(p, key, format, {
      abstract: this.settings.get(Setting.includeAbstract, scope) && 'abstract' in p,
      latexCommand: this.settings.get(Setting.citationCommand, scope),
      ...(commentPrefix === undefined ? {} : { commentPrefix }),
    });
  }

  recent(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []).filter((id) => this.data.current?.papersById.has(id) ?? true);
  }

  private async remember(id: string): Promise<void> {
    await this.state.update(RECENT_KEY, [id, ...this.recent().filter((x) => x !== id)].slice(0, RECENT_MAX));
  }

  async copy(p: PaperRecord, format: CitationFormat): Promise<void> {
    await vscode.env.clipboard.writeText(await this.format(p, format));
    await this.remember(p.id);
    this.log.info(`copied ${format} of ${p.id}`);
  }

  /**
   * Inserts a citation that fits the editor: `\cite{key}` (merged into a
   * `\cite{…}` at the cursor) in LaTeX, `[@key]` in Markdown and Quarto, the
   * entry in a .bib file, a one-line comment in code. For LaTeX, Markdown and
   * Quarto the BibTeX entry also goes to the document's bibliography file.
   * With no editor, the BibTeX entry goes to the clipboard.
   *
   * Everything changes in one WorkspaceEdit, so one undo takes it back, and
   * the bibliography is never clobbered (see {@link addEntryEdit}): when it
   * already has the paper, that key is cited; when another paper has the key,
   * this one gets a suffixed key; when the file is read-only or does not
   * parse, it is left alone, the citation still goes in, and the entry goes
   * to the clipboard with a message saying why.
   */
  async insert(
    p: PaperRecord,
    editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor,
    at?: { position: vscode.Position; lead: { latex: string; pandoc: string } },
  ): Promise<InsertResult> {
    const wanted = this.keyOf(p.id) ?? p.id;
    if (!editor) {
      await this.copy(p, 'bibtex');
      void vscode.window.showInformationMessage(`No editor is open: copied the BibTeX entry for ${wanted} to the clipboard.`);
      return { key: wanted, target: 'clipboard' };
    }
    const doc = editor.document;
    const format: InsertFormat = insertFormatFor(doc.languageId, this.settings.get(Setting.insertFormat, doc));
    const pos = at?.position ?? editor.selection.active;
    const line = doc.lineAt(pos.line).text;
    const edit = new vscode.WorkspaceEdit();
    const paper = await this.citable(p, doc);
    const entryFor = (f: 'bibtex' | 'biblatex') => (key: string) => this.formatCitable(paper, f, doc, undefined, key);
    const isTaken = (key: string): boolean => {
      const id = this.keys()?.byKey.get(key);
      return id !== undefined && id !== p.id;
    };
    const result: InsertResult = { key: wanted, target: 'editor' };

    // The bibliography first: it decides the key to cite.
    let bibWasDirty = false;
    if (needsBibliography(format)) {
      const bibUri = await this.bibliographyFor(doc);
      if (bibUri) {
        bibWasDirty = vscode.workspace.textDocuments.find((d) => d.uri.toString() === bibUri.toString())?.isDirty ?? false;
        result.bib = await addEntryEdit(edit, bibUri, wanted, entryFor('bibtex'), isTaken, this.bibContext);
        result.key = result.bib.key;
      }
    }
    const key = result.key;

    if (format === 'latex' || format === 'pandoc') {
      const c = citeEdit(line, pos.character, key, format, this.settings.get(Setting.citationCommand, doc));
      const lead = at && c.start === pos.character && !c.alreadyCited && !/^[,;] /.test(c.text) ? at.lead[format] : '';
      if (c.alreadyCited) result.alreadyCited = true;
      else edit.replace(doc.uri, new vscode.Range(pos.line, c.start, pos.line, c.end), lead + c.text);
    } else if (format === 'comment') {
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const text = commentLine(doc.languageId, this.formatCitable(paper, 'comment', doc, '', key));
      if (line.trim() === '') edit.replace(doc.uri, doc.lineAt(pos.line).range, `${indent}${text}`);
      else edit.insert(doc.uri, new vscode.Position(pos.line, 0), `${indent}${text}${doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`);
    } else if (format === 'bibtex' || format === 'biblatex') {
      // The entry itself, into the .bib being edited, at the cursor: the same rules as a bibliography file.
      const plan = planBibEntry((await this.bibIndexes.get(doc)).value, wanted, entryFor(format), isTaken);
      if (plan.kind === 'present') {
        result.alreadyCited = true;
        result.key = plan.key;
        result.bib = { uri: doc.uri, key: plan.key, outcome: 'present' };
      } else {
        // Asked for at the cursor, so it goes there even in a file that does not parse; the log says so.
        if (plan.kind === 'refuse') this.log.warn(`${vscode.workspace.asRelativePath(doc.uri)} does not parse: ${plan.problem.reason}`);
        const entry = plan.kind === 'append' ? plan.text : entryFor(format)(wanted);
        if (plan.kind === 'append') result.key = plan.key;
        edit.insert(doc.uri, pos, entry);
      }
    } else {
      edit.insert(doc.uri, pos, this.formatCitable(paper, format, doc, undefined, key));
    }

    if (edit.size > 0 && !(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit to ${doc.uri.fsPath} was refused`);
    const bib = result.bib;
    if (bib && bib.uri.toString() !== doc.uri.toString()) await this.reportBib(p, bib, bibWasDirty, entryFor('bibtex'));
    await this.remember(p.id);
    this.log.info(`cited ${result.key} in ${vscode.workspace.asRelativePath(doc.uri)} (${format})${bib ? `; ${bib.outcome} in ${vscode.workspace.asRelativePath(bib.uri)}` : ''}`);
    return result;
  }

  /**
   * After the edit: saves a bibliography we appended to (unless it held
   * unsaved work of the user's, which stays theirs to save), and tells the
   * user what they need to know: a key that was taken, a file left alone.
   */
  private async reportBib(p: PaperRecord, bib: BibUpdate, wasDirty: boolean, entryFor: (key: string) => string): Promise<void> {
    const name = vscode.workspace.asRelativePath(bib.uri);
    if (bib.outcome === 'refused') {
      await vscode.env.clipboard.writeText(entryFor(bib.key));
      this.log.warn(`${bib.reason ?? name}; left it unchanged, copied the entry for ${bib.key}`);
      void vscode.window.showErrorMessage(
        `PaperLens: ${bib.reason ?? `${name} cannot be changed`}, so PaperLens left it unchanged. The BibTeX entry for ${bib.key} is on the clipboard; add it where you keep your references.`,
      );
      return;
    }
    if (bib.clash !== undefined) {
      void vscode.window.showInformationMessage(
        `PaperLens: ${name} already has an entry "${bib.clash}" for another paper. It is kept as it is; "${p.title}" was added and cited as "${bib.key}".`,
      );
    }
    if (bib.outcome === 'added' && !wasDirty) {
      const saved = vscode.workspace.textDocuments.find((d) => d.uri.toString() === bib.uri.toString());
      if (saved && !(await saved.save())) {
        void vscode.window.showWarningMessage(`PaperLens: could not save ${name}; the entry for ${bib.key} is in its unsaved editor.`);
      }
    }
  }

  /**
   * The bibliography file for a LaTeX or Markdown document: the one it
   * names, else the paperlens.bibFile setting, else (after asking)
   * references.bib next to the document.
   */
  async bibliographyFor(doc: vscode.TextDocument): Promise<vscode.Uri | undefined> {
    const dir = vscode.Uri.joinPath(doc.uri, '..');
    const named = bibliographyFiles(doc.getText(), doc.languageId)[0];
    if (named) return named.startsWith('/') ? doc.uri.with({ path: named }) : vscode.Uri.joinPath(dir, named);
    const setting = this.settings.get(Setting.bibFile, doc).trim();
    if (setting !== '') {
      const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? dir;
      return setting.startsWith('/') ? doc.uri.with({ path: setting }) : vscode.Uri.joinPath(folder, setting);
    }
    const create = 'Create references.bib';
    const pick = await vscode.window.showInformationMessage(
      'This document names no bibliography file and paperlens.bibFile is not set. Where should the BibTeX entry go?',
      create,
      'Only cite',
    );
    return pick === create ? vscode.Uri.joinPath(dir, 'references.bib') : undefined;
  }
}
