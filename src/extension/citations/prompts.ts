import * as vscode from 'vscode';
import type { BibUpdate } from './bibFile';

/**
 * What citing asks the user and tells them, in one place: the questions
 * (a modal before writing through a link out of the workspace, where a new
 * bibliography should go) and the notices after an insertion. Nothing here
 * changes a file.
 */

/**
 * Asks a yes/no question in a modal dialog. Only a yes counts: Escape,
 * closing the dialog, or a host that cannot show one (tests) is a no.
 */
export async function confirmModal(question: string, yes: string): Promise<boolean> {
  return (await Promise.resolve(vscode.window.showWarningMessage(question, { modal: true }, yes)).catch(() => undefined)) === yes;
}

/**
 * Where the BibTeX entry of a document that names no bibliography should go,
 * when paperlens.bibFile is not set: references.bib next to it, or nowhere
 * (only the citation goes in).
 */
export async function askForBibliography(doc: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const create = 'Create references.bib';
  const pick = await vscode.window.showInformationMessage(
    'This document names no bibliography file and paperlens.bibFile is not set. Where should the BibTeX entry go?',
    create,
    'Only cite',
  );
  return pick === create ? vscode.Uri.joinPath(doc.uri, '..', 'references.bib') : undefined;
}

/** No editor was open: the BibTeX entry went to the clipboard instead. */
export function tellCopiedForNoEditor(key: string): void {
  void vscode.window.showInformationMessage(`No editor is open: copied the BibTeX entry for ${key} to the clipboard.`);
}

/** The bibliography file was left alone (see {@link BibUpdate.reason}); its entry is on the clipboard. */
export function tellBibliographyRefused(bib: BibUpdate): void {
  const name = vscode.workspace.asRelativePath(bib.uri);
  void vscode.window.showErrorMessage(
    `PaperLens: ${bib.reason ?? `${name} cannot be changed`}, so PaperLens left it unchanged. The BibTeX entry for ${bib.key} is on the clipboard; add it where you keep your references.`,
  );
}

/** Another paper had the wanted key in the bibliography: this one was added under a suffixed key. */
export function tellKeyClash(bib: BibUpdate & { clash: string }, title: string): void {
  void vscode.window.showInformationMessage(
    `PaperLens: ${vscode.workspace.asRelativePath(bib.uri)} already has an entry "${bib.clash}" for another paper. It is kept as it is; "${title}" was added and cited as "${bib.key}".`,
  );
}

/** The bibliography got its entry but could not be saved. */
export function tellNotSaved(bib: BibUpdate): void {
  void vscode.window.showWarningMessage(`PaperLens: could not save ${vscode.workspace.asRelativePath(bib.uri)}; the entry for ${bib.key} is in its unsaved editor.`);
}

/** VS Code did not apply the citation's edit: nothing changed. */
export function tellEditRefused(names: readonly string[], key: string): void {
  void vscode.window.showErrorMessage(
    `PaperLens could not cite ${key}: VS Code did not apply the change to ${names.join(' and ')} (it may have changed on disk or become read-only meanwhile). Nothing was changed; try again.`,
  );
}
