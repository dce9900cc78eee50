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
 *
 * @example
 * await confirmModal('refs.bib is a link to /elsewhere/refs.bib, outside the workspace. Add the BibTeX entry there?', 'Add It There') // => true only on "Add It There"
 */
export async function confirmModal(question: string, yes: string): Promise<boolean> {
  return (await Promise.resolve(vscode.window.showWarningMessage(question, { modal: true }, yes)).catch(() => undefined)) === yes;
}

/**
 * Where the BibTeX entry of a document that names no bibliography should go,
 * when paperlens.bibFile is not set: references.bib next to it, or nowhere
 * (only the citation goes in).
 *
 * @example
 * await askForBibliography(notesMd) // => Uri of references.bib beside notes.md, or undefined for "Only cite"
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

/**
 * No editor was open: the BibTeX entry went to the clipboard instead.
 *
 * @example
 * tellCopiedForNoEditor('pan2022fast') // shows: No editor is open: copied the BibTeX entry for pan2022fast to the clipboard.
 */
export function tellCopiedForNoEditor(key: string): void {
  void vscode.window.showInformationMessage(`No editor is open: copied the BibTeX entry for ${key} to the clipboard.`);
}

/**
 * The bibliography file was left alone (see {@link BibUpdate.reason}); its entry is on the clipboard.
 *
 * @example
 * tellBibliographyRefused({ uri, key: 'pan2022fast', outcome: 'refused', reason: 'refs.bib is read-only' })
 * // shows: PaperLens: refs.bib is read-only, so PaperLens left it unchanged. The BibTeX entry for pan2022fast is on the clipboard; …
 */
export function tellBibliographyRefused(bib: BibUpdate): void {
  const name = vscode.workspace.asRelativePath(bib.uri);
  void vscode.window.showErrorMessage(
    `PaperLens: ${bib.reason ?? `${name} cannot be changed`}, so PaperLens left it unchanged. The BibTeX entry for ${bib.key} is on the clipboard; add it where you keep your references.`,
  );
}

/**
 * Another paper had the wanted key in the bibliography: this one was added under a suffixed key.
 *
 * @example
 * tellKeyClash({ uri, key: 'pan2022fasta', outcome: 'added', clash: 'pan2022fast' }, 'Fast Vision Transformers with HiLo Attention')
 */
export function tellKeyClash(bib: BibUpdate & { clash: string }, title: string): void {
  void vscode.window.showInformationMessage(
    `PaperLens: ${vscode.workspace.asRelativePath(bib.uri)} already has an entry "${bib.clash}" for another paper. It is kept as it is; "${title}" was added and cited as "${bib.key}".`,
  );
}

/**
 * The bibliography got its entry but could not be saved.
 *
 * @example
 * tellNotSaved({ uri, key: 'pan2022fast', outcome: 'added' }) // shows: PaperLens: could not save refs.bib; the entry for pan2022fast is in its unsaved editor.
 */
export function tellNotSaved(bib: BibUpdate): void {
  void vscode.window.showWarningMessage(`PaperLens: could not save ${vscode.workspace.asRelativePath(bib.uri)}; the entry for ${bib.key} is in its unsaved editor.`);
}

/**
 * VS Code did not apply the citation's edit: nothing changed.
 *
 * @example
 * tellEditRefused(['paper.tex', 'refs.bib'], 'pan2022fast') // shows: PaperLens could not cite pan2022fast: VS Code did not apply the change to paper.tex and refs.bib (…). Nothing was changed; try again.
 */
export function tellEditRefused(names: readonly string[], key: string): void {
  void vscode.window.showErrorMessage(
    `PaperLens could not cite ${key}: VS Code did not apply the change to ${names.join(' and ')} (it may have changed on disk or become read-only meanwhile). Nothing was changed; try again.`,
  );
}
