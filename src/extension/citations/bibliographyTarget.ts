import * as vscode from 'vscode';
import { bibliographyFiles } from '../../core/editor/bibliography';
import { Setting } from '../settingKeys';
import type { Settings } from '../settings';

/**
 * The bibliography file of a LaTeX or Markdown document: the one it names
 * (relative to it), else the paperlens.bibFile setting (relative to its
 * workspace folder); undefined when neither names one.
 *
 * @example
 * namedBibliography(paperTex, settings) // => Uri 'file:///ws/refs.bib' for a paper.tex with \bibliography{refs}
 */
export function namedBibliography(doc: vscode.TextDocument, settings: Settings): vscode.Uri | undefined {
  const dir = vscode.Uri.joinPath(doc.uri, '..');
  const named = bibliographyFiles(doc.getText(), doc.languageId)[0];
  if (named) return named.startsWith('/') ? doc.uri.with({ path: named }) : vscode.Uri.joinPath(dir, named);
  const setting = settings.get(Setting.bibFile, doc).trim();
  if (setting === '') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? dir;
  return setting.startsWith('/') ? doc.uri.with({ path: setting }) : vscode.Uri.joinPath(folder, setting);
}
