import * as vscode from 'vscode';
import { appendText, bibEntries } from '../../core/editor/bibliography';

export interface BibUpdate {
  uri: vscode.Uri;
  /** What happened to the key in that file. */
  outcome: 'added' | 'present' | 'created';
}

/**
 * Adds an entry to a bibliography file as part of a WorkspaceEdit, so it is
 * undoable and lands on top of any unsaved text in that file instead of
 * replacing it. A key that is already there is never added again.
 */
export async function addEntryEdit(edit: vscode.WorkspaceEdit, uri: vscode.Uri, key: string, entry: string): Promise<BibUpdate> {
  let doc: vscode.TextDocument | undefined;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    doc = undefined;
  }
  if (!doc) {
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(appendText('', entry)) });
    return { uri, outcome: 'created' };
  }
  const text = doc.getText(); // the editor's text, unsaved changes included
  if (bibEntries(text).some((e) => e.key === key)) return { uri, outcome: 'present' };
  edit.insert(uri, doc.positionAt(text.length), appendText(text, entry));
  return { uri, outcome: 'added' };
}
