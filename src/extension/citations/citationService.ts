import * as vscode from 'vscode';
import { keyFormulaNamed } from '../../core/cite/keyFormulas';
import { assignKeys } from '../../core/cite/keys';
import { type CitationFormat, formatCitation } from '../../core/cite/formats';
import type { PaperData, PaperRecord } from '../../core/data/load';
import { bibliographyFiles } from '../../core/editor/bibliography';
import { type InsertFormat, citeEdit, commentSyntax, insertFormatFor, needsBibliography } from '../../core/editor/citations';
import type { PaperDataService } from '../dataService';
import { Setting } from '../settingKeys';
import type { Settings } from '../settings';
import { type BibUpdate, addEntryEdit } from './bibFile';

const RECENT_KEY = 'paperlens.recentPapers';
const RECENT_MAX = 12;

export interface InsertResult {
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
  ) {}

  /** The citation key of a paper, once the data is loaded. */
  keyOf(paperId: string): string | undefined {
    return this.keys()?.byId.get(paperId);
  }

  /** The paper a citation key names. */
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
      this.keyCache = { formula, data: d, byId, byKey: new Map([...byId].map(([id, key]) => [key, id])) };
    }
    return this.keyCache;
  }

  /** A paper in any citation format, with the configured options (the abstract is read when they include it). */
  async format(p: PaperRecord, format: CitationFormat, scope?: vscode.ConfigurationScope, commentPrefix?: string): Promise<string> {
    const key = this.keyOf(p.id) ?? p.id;
    const abstract = this.settings.get(Setting.includeAbstract, scope);
    const paper = abstract ? ((await this.data.current?.details.get(p.id)) ?? p) : p;
    return formatCitation(paper, key, format, {
      abstract: abstract && 'abstract' in paper,
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
   */
  async insert(
    p: PaperRecord,
    editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor,
    at?: { position: vscode.Position; lead: { latex: string; pandoc: string } },
  ): Promise<InsertResult> {
    const key = this.keyOf(p.id) ?? p.id;
    if (!editor) {
      await this.copy(p, 'bibtex');
      void vscode.window.showInformationMessage(`No editor is open: copied the BibTeX entry for ${key} to the clipboard.`);
      return { key, target: 'clipboard' };
    }
    const doc = editor.document;
    const format: InsertFormat = insertFormatFor(doc.languageId, this.settings.get(Setting.insertFormat, doc));
    const pos = at?.position ?? editor.selection.active;
    const line = doc.lineAt(pos.line).text;
    const edit = new vscode.WorkspaceEdit();
    const result: InsertResult = { key, target: 'editor' };

    if (format === 'latex' || format === 'pandoc') {
      const c = citeEdit(line, pos.character, key, format, this.settings.get(Setting.citationCommand, doc));
      const lead = at && c.start === pos.character && !c.alreadyCited && !/^[,;] /.test(c.text) ? at.lead[format] : '';
      if (c.alreadyCited) result.alreadyCited = true;
      else edit.replace(doc.uri, new vscode.Range(pos.line, c.start, pos.line, c.end), lead + c.text);
    } else if (format === 'comment') {
      const { start, end } = commentSyntax(doc.languageId);
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const text = `${start}${await this.format(p, 'comment', doc, '')}${end}`;
      if (line.trim() === '') edit.replace(doc.uri, doc.lineAt(pos.line).range, `${indent}${text}`);
      else edit.insert(doc.uri, new vscode.Position(pos.line, 0), `${indent}${text}${doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`);
    } else {
      const text = await this.format(p, format, doc);
      if (format === 'bibtex' || format === 'biblatex') {
        const bib = await addEntryEdit(new vscode.WorkspaceEdit(), doc.uri, key, text);
        if (bib.outcome === 'present') {
          result.alreadyCited = true;
          result.bib = bib;
        } else {
          edit.insert(doc.uri, pos, text);
        }
      } else {
        edit.insert(doc.uri, pos, text);
      }
    }

    let bibDoc: vscode.TextDocument | undefined;
    let bibWasDirty = false;
    if (needsBibliography(format)) {
      const bibUri = await this.bibliographyFor(doc);
      if (bibUri) {
        bibDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === bibUri.toString());
        bibWasDirty = bibDoc?.isDirty ?? false;
        result.bib = await addEntryEdit(edit, bibUri, key, await this.format(p, 'bibtex', doc));
      }
    }
    if (edit.size > 0 && !(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit to ${doc.uri.fsPath} was refused`);
    // Save a bibliography we changed, unless it held unsaved work of the user's: that stays theirs to save.
    if (result.bib?.outcome === 'added' && !bibWasDirty) {
      const saved = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.bib?.uri.toString());
      await saved?.save();
    }
    await this.remember(p.id);
    this.log.info(`cited ${key} in ${vscode.workspace.asRelativePath(doc.uri)} (${format})${result.bib ? `; ${result.bib.outcome} in ${vscode.workspace.asRelativePath(result.bib.uri)}` : ''}`);
    return result;
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
