import * as vscode from 'vscode';
import type { BibIndex } from '../../core/bib/plan';
import type { CitationFormat } from '../../core/cite/formats';
import type { PaperRecord } from '../../core/data/load';
import { citeKeysEdit, insertFormatFor, needsBibliography } from '../../core/editor/citations';
import type { LibraryEntry } from '../../core/library/entry';
import { planCitation } from '../../core/editor/insertion';
import { Setting } from '../settingKeys';
import type { Settings } from '../settings';
import type { DocumentCache } from '../util/documentCache';
import { type BibEditContext, type BibUpdate, addEntryEdit, isDirty, saveAppended } from './bibFile';
import { namedBibliography } from './bibliographyTarget';
import type { CitationFormatter } from './citationFormatter';
import type { CitationKeys } from './citationKeys';
import { askForBibliography, confirmModal, tellBibliographyRefused, tellCopiedForNoEditor, tellEditRefused, tellKeyClash, tellNotSaved } from './prompts';
import type { RecentPapers } from './recentPapers';

export interface InsertResult {
  /** The key cited: the paper's key, or the key the bibliography gave it (see {@link BibUpdate}). */
  key: string;
  /** Where the citation went: into the editor, or to the clipboard when no editor was open. */
  target: 'editor' | 'clipboard';
  /** The citation was already at the cursor. */
  alreadyCited?: boolean;
  bib?: BibUpdate;
  /** Set when VS Code did not apply the edit: nothing changed, and the user was told so. */
  notApplied?: string;
}

/**
 * Cites papers: inserts a citation that fits the editor, or copies one.
 * What the citation is comes from the core (`planCitation`); the keys, the
 * formats, the recent papers, the bibliography file and what the user is
 * asked and told each have their own module here. Every change to a user's
 * files is one WorkspaceEdit, so it can be undone, and lands on top of
 * unsaved text rather than replacing it.
 */
export class CitationService {
  constructor(
    private readonly keys: CitationKeys,
    private readonly formatter: CitationFormatter,
    private readonly recent: RecentPapers,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
    private readonly bibIndexes: DocumentCache<BibIndex>,
    /** The key of the user's own entry for a bundled paper, from their library: cited instead of PaperLens's. */
    private readonly userKeyOf: (paperId: string) => string | undefined = () => undefined,
  ) {}

  /** What writing to a bibliography file needs: the index cache, and a modal question. */
  private get bibContext(): BibEditContext {
    return { indexes: this.bibIndexes, confirm: (question) => confirmModal(question, 'Add It There') };
  }

  /** Copies a paper's citation in a format to the clipboard. */
  async copy(p: PaperRecord, format: CitationFormat): Promise<void> {
    await vscode.env.clipboard.writeText(await this.formatter.format(p, format));
    await this.recent.remember(p.id);
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
   * to the clipboard with a message saying why. When VS Code does not apply
   * the edit, nothing changes and the user is told so.
   */
  async insert(
    p: PaperRecord,
    editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor,
    at?: { position: vscode.Position; lead: { latex: string; pandoc: string } },
  ): Promise<InsertResult> {
    const wanted = this.userKeyOf(p.id) ?? this.keys.keyOf(p.id) ?? p.id;
    if (!editor) {
      await this.copy(p, 'bibtex');
      tellCopiedForNoEditor(wanted);
      return { key: wanted, target: 'clipboard' };
    }
    const doc = editor.document;
    const format = insertFormatFor(doc.languageId, this.settings.get(Setting.insertFormat, doc));
    const pos = at?.position ?? editor.selection.active;
    const line = doc.lineAt(pos.line).text;
    const edit = new vscode.WorkspaceEdit();
    const paper = await this.formatter.citable(p, doc);
    // A comment's words come without a marker: the core puts them in the language's comment syntax.
    const render = (f: CitationFormat, key: string): string => this.formatter.formatCitable(paper, f, doc, f === 'comment' ? '' : undefined, key);
    const isTaken = (key: string): boolean => key !== wanted && this.keys.isTakenByAnother(key, p.id);

    // The bibliography first: it decides the key to cite.
    const { bib, bibWasDirty } = needsBibliography(format) ? await this.bibliographyEdit(edit, doc, wanted, (key) => render('bibtex', key), isTaken) : { bib: undefined, bibWasDirty: false };
    // An entry at the cursor of a .bib file follows the same rules as one in a bibliography file.
    const bibFile = format === 'bibtex' || format === 'biblatex' ? (await this.bibIndexes.get(doc)).value : undefined;
    const plan = planCitation(
      { languageId: doc.languageId, line: pos.line, col: pos.character, text: line, eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n', ...(at ? { lead: at.lead } : {}) },
      { format, key: wanted, bibliographyKey: bib?.key, latexCommand: this.settings.get(Setting.citationCommand, doc), render, ...(bibFile ? { bibFile } : {}), isTaken },
    );
    const result: InsertResult = { key: plan.key, target: 'editor' };
    if (plan.alreadyCited) result.alreadyCited = true;
    if (bib) result.bib = bib;
    else if (bibFile && plan.alreadyCited) result.bib = { uri: doc.uri, key: plan.key, outcome: 'present' };
    // Asked for at the cursor, so an entry goes there even in a .bib file that does not parse; the log says so.
    if (plan.problem) this.log.warn(`${vscode.workspace.asRelativePath(doc.uri)} does not parse: ${plan.problem}`);
    if (plan.edit) edit.replace(doc.uri, new vscode.Range(plan.edit.line, plan.edit.start, plan.edit.line, plan.edit.end), plan.edit.text);

    if (edit.size > 0 && !(await vscode.workspace.applyEdit(edit))) {
      const files = [doc.uri, ...(bib?.outcome === 'added' || bib?.outcome === 'created' ? [bib.uri] : [])].map((u) => vscode.workspace.asRelativePath(u));
      result.notApplied = `VS Code did not apply the edit to ${files.join(' and ')}`;
      this.log.warn(`${result.notApplied}; nothing was changed`);
      tellEditRefused(files, result.key);
      return result;
    }
    if (result.bib && result.bib.uri.toString() !== doc.uri.toString()) await this.afterBibliography(p, result.bib, bibWasDirty, (key) => render('bibtex', key));
    await this.recent.remember(p.id);
    this.log.info(`cited ${result.key} in ${vscode.workspace.asRelativePath(doc.uri)} (${format})${result.bib ? `; ${result.bib.outcome} in ${vscode.workspace.asRelativePath(result.bib.uri)}` : ''}`);
    return result;
  }

  /** Plans adding a paper's entry to the document's bibliography (asking for one when it names none). */
  private async bibliographyEdit(
    edit: vscode.WorkspaceEdit,
    doc: vscode.TextDocument,
    wanted: string,
    entryFor: (key: string) => string,
    isTaken: (key: string) => boolean,
  ): Promise<{ bib: BibUpdate | undefined; bibWasDirty: boolean }> {
    const bibUri = namedBibliography(doc, this.settings) ?? (await askForBibliography(doc));
    if (!bibUri) return { bib: undefined, bibWasDirty: false };
    const bibWasDirty = isDirty(bibUri);
    return { bib: await addEntryEdit(edit, bibUri, wanted, entryFor, isTaken, this.bibContext), bibWasDirty };
  }

  /**
   * Cites several references with one citation at the cursor (`\cite{a,b}`,
   * `[@a; @b]`): the user's own entries by their keys, and bundled papers
   * (each added to the document's bibliography first, as Insert Citation
   * does, unless it is already there). The citation is one edit; in files
   * that do not take a citation command, the keys are inserted as text.
   */
  async insertSeveral(refs: readonly { paper?: PaperRecord; entry?: LibraryEntry }[], editor: vscode.TextEditor): Promise<string[]> {
    const doc = editor.document;
    const format = insertFormatFor(doc.languageId, this.settings.get(Setting.insertFormat, doc));
    const keys: string[] = [];
    for (const r of refs) {
      const user = r.entry?.key ?? (r.paper ? this.userKeyOf(r.paper.id) : undefined);
      if (user !== undefined || !r.paper) {
        if (user !== undefined) keys.push(user);
        continue;
      }
      const p = r.paper;
      const wanted = this.keys.keyOf(p.id) ?? p.id;
      if (!needsBibliography(format)) {
        keys.push(wanted);
        continue;
      }
      const paper = await this.formatter.citable(p, doc);
      const entryFor = (key: string): string => this.formatter.formatCitable(paper, 'bibtex', doc, undefined, key);
      const edit = new vscode.WorkspaceEdit();
      const { bib, bibWasDirty } = await this.bibliographyEdit(edit, doc, wanted, entryFor, (key) => this.keys.isTakenByAnother(key, p.id));
      if (edit.size > 0 && !(await vscode.workspace.applyEdit(edit))) tellEditRefused([vscode.workspace.asRelativePath(bib?.uri ?? doc.uri)], wanted);
      else if (bib) await this.afterBibliography(p, bib, bibWasDirty, entryFor);
      keys.push(bib?.key ?? wanted);
      await this.recent.remember(p.id);
    }
    const pos = editor.selection.active;
    const line = doc.lineAt(pos.line).text;
    const kind = format === 'latex' || format === 'pandoc' ? format : undefined;
    const c = kind ? citeKeysEdit(line, pos.character, keys, kind, this.settings.get(Setting.citationCommand, doc)) : { start: pos.character, end: pos.character, text: keys.join(', '), alreadyCited: false };
    if (!c.alreadyCited) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(pos.line, c.start, pos.line, c.end), c.text);
      if (!(await vscode.workspace.applyEdit(edit))) tellEditRefused([vscode.workspace.asRelativePath(doc.uri)], keys.join(', '));
    }
    this.log.info(`cited ${keys.join(', ')} in ${vscode.workspace.asRelativePath(doc.uri)} (${format})`);
    return keys;
  }

  /**
   * After the edit: saves a bibliography we appended to (unless it held
   * unsaved work of the user's, which stays theirs to save), and tells the
   * user what they need to know: a key that was taken, a file left alone.
   */
  private async afterBibliography(p: PaperRecord, bib: BibUpdate, wasDirty: boolean, entryFor: (key: string) => string): Promise<void> {
    if (bib.outcome === 'refused') {
      await vscode.env.clipboard.writeText(entryFor(bib.key));
      this.log.warn(`${bib.reason ?? vscode.workspace.asRelativePath(bib.uri)}; left it unchanged, copied the entry for ${bib.key}`);
      tellBibliographyRefused(bib);
      return;
    }
    if (bib.clash !== undefined) tellKeyClash({ ...bib, clash: bib.clash }, p.title);
    if (!(await saveAppended(bib, wasDirty))) tellNotSaved(bib);
  }
}
