import * as vscode from 'vscode';
import { type BibIndex, appendText, planBibEntry } from '../../core/bib/plan';
import { type NamedPath, judgeWriteTarget } from '../../core/editor/writeTarget';
import type { DocumentCache } from '../util/documentCache';
import { diskRealPath, diskWritable } from './diskAccess';

/** What happened to a paper's entry in a bibliography file. */
export interface BibUpdate {
  uri: vscode.Uri;
  /**
   * added: appended to the file; created: the file was missing and now holds
   * the entry; present: the paper was already there (under `key`); refused:
   * nothing was written, `reason` says why.
   */
  outcome: 'added' | 'present' | 'created' | 'refused';
  /** The key to cite: the wanted key, a suffixed one (see `clash`), or the key the paper already has in the file. */
  key: string;
  /** The wanted key, when another paper's entry in the file already had it and `key` was chosen instead. */
  clash?: string;
  /** Why nothing was written: the file is read-only, does not parse, or cannot be read as text. */
  reason?: string;
}

/** What adding an entry needs besides the file: the index cache and a way to ask the user. */
export interface BibEditContext {
  /** The index of each .bib document, made in slices and kept per version. */
  indexes: DocumentCache<BibIndex>;
  /** Asks a yes/no question (a modal in the extension); resolves true only on yes. */
  confirm: (question: string) => Promise<boolean>;
}

/**
 * Adds a paper's entry to a bibliography file as part of a WorkspaceEdit,
 * so the insertion is undoable and lands on top of any unsaved text in that
 * file instead of replacing it. It never changes what is there:
 *
 * - only .bib files are written, where they really are (see
 *   {@link judgeWriteTarget}): a Pandoc bibliography may be CSL JSON or
 *   YAML, a link named refs.bib may lead to a text file; in an untrusted
 *   workspace only files really inside it; through a link out of the
 *   workspace only when the user says yes;
 * - a missing file is created, holding the entry;
 * - a read-only file, one that cannot be read as text, or one that does not
 *   parse (a block whose braces never close would swallow anything
 *   appended) is refused: nothing is written, and `reason` says why;
 * - a paper already in the file (same title, under any key) is cited under
 *   its key there, and nothing is added;
 * - another paper's entry under the wanted key is kept, and this one gets
 *   the key plus a suffix (see {@link planBibEntry}).
 *
 * The file is indexed in slices and the index kept, so a large file never
 * blocks the extension host and citing again is quick.
 *
 * @param entryFor the entry's text under a given key.
 * @param isTaken keys other papers use, which a suffixed key must avoid.
 */
export async function addEntryEdit(
  edit: vscode.WorkspaceEdit,
  uri: vscode.Uri,
  key: string,
  entryFor: (key: string) => string,
  isTaken: (key: string) => boolean,
  ctx: BibEditContext,
): Promise<BibUpdate> {
  const name = vscode.workspace.asRelativePath(uri);
  const refused = (reason: string): BibUpdate => ({ uri, key, outcome: 'refused', reason });
  const verdict = judgeWriteTarget({
    target: await namedPath(uri),
    folders: await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => namedPath(f.uri))),
    trusted: vscode.workspace.isTrusted,
    name,
  });
  if (verdict.kind === 'refuse') return refused(verdict.reason);
  if (verdict.kind === 'confirm' && !(await ctx.confirm(verdict.question))) return refused(`${name} leads outside the workspace, and you chose not to write there`);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let stat: vscode.FileStat | undefined;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (e) {
    if (!(e instanceof vscode.FileSystemError) || e.code !== 'FileNotFound') return refused(`${name} cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!stat && !open) {
    // Missing: create it. Not with overwrite or ignoreIfExists: if it appears meanwhile, the edit fails instead of clobbering it.
    edit.createFile(uri, { contents: new TextEncoder().encode(appendText('', entryFor(key))) });
    return { uri, key, outcome: 'created' };
  }
  if (stat && stat.type & vscode.FileType.Directory) return refused(`${name} is a folder, not a file`);
  if (await isReadOnly(uri, stat)) return refused(`${name} is read-only`);
  let doc: vscode.TextDocument;
  try {
    doc = open ?? (await vscode.workspace.openTextDocument(uri));
  } catch (e) {
    return refused(`${name} cannot be opened as text (${e instanceof Error ? e.message : String(e)})`);
  }
  // The editor's text, unsaved changes included. Indexing a large file yields to the host, and the user
  // may type meanwhile: plan again until the text planned on is still the document's.
  for (let attempt = 0; ; attempt++) {
    const { value: index, text, version } = await ctx.indexes.get(doc);
    if (doc.version !== version && attempt < 3) continue;
    if (doc.version !== version) return refused(`${name} kept changing while PaperLens read it`);
    const plan = planBibEntry(index, key, entryFor, isTaken);
    switch (plan.kind) {
      case 'refuse':
        return refused(`${name} does not parse: ${plan.problem.reason}`);
      case 'present':
        return { uri, key: plan.key, outcome: 'present' };
      case 'append': {
        edit.insert(uri, doc.positionAt(text.length), appendText(text, plan.text));
        const out: BibUpdate = { uri, key: plan.key, outcome: 'added' };
        if (plan.clash !== undefined) out.clash = plan.clash;
        return out;
      }
    }
  }
}

/** A URI's path, and where it really leads on the local disk (the same path elsewhere, or when it cannot be told). */
async function namedPath(uri: vscode.Uri): Promise<NamedPath> {
  const real = uri.scheme === 'file' ? await diskRealPath(uri.fsPath) : undefined;
  return { path: uri.path, realPath: real === undefined ? uri.path : vscode.Uri.file(real).path };
}

/**
 * Whether VS Code would refuse to save the file: a read-only file system,
 * a file the API marks read-only, or, on disk, a file without its owner's
 * write permission (which VS Code treats as locked, and which the extension
 * API does not report) or one this process may not write.
 */
async function isReadOnly(uri: vscode.Uri, stat: vscode.FileStat | undefined): Promise<boolean> {
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return true;
  if (((stat?.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0) return true;
  if (uri.scheme !== 'file' || !stat) return false;
  return (await diskWritable(uri.fsPath)) === false;
}

/**
 * Whether a document is open with unsaved changes: work of the user's that PaperLens must not save for them.
 *
 * @example
 * isDirty(refsBib) // => true while refs.bib has unsaved edits in an editor
 */
export const isDirty = (uri: vscode.Uri): boolean => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.isDirty ?? false;

/**
 * Saves a bibliography file an entry was appended to, unless it held unsaved
 * work of the user's before (which stays theirs to save). False when the
 * save failed.
 *
 * @example
 * if (!(await saveAppended(bib, wasDirty))) tellNotSaved(bib);
 */
export async function saveAppended(bib: BibUpdate, wasDirty: boolean): Promise<boolean> {
  if (bib.outcome !== 'added' || wasDirty) return true;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === bib.uri.toString());
  return !doc || (await doc.save());
}
