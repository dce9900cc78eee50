import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperLensExports, PaperLensInternals } from '../../../src/extension/extension';

export const EXTENSION_ID = 'paperlens.paperlens';

/** What PaperLens's activate() returns: the public API (and, in the test host, its internals). */
export async function activated(): Promise<PaperLensExports> {
  const ext = vscode.extensions.getExtension<PaperLensExports>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext.activate();
}

/**
 * PaperLens's services (data, settings, keys, citations, trees, …), which
 * activate() exposes only to the extension test host (ExtensionMode.Test).
 */
export async function internals(): Promise<PaperLensInternals> {
  const exports = await activated();
  assert.ok(exports.internalsForTests, 'PaperLens exposes its internals only when VS Code runs it for tests (ExtensionMode.Test)');
  return exports.internalsForTests;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

/** Position of the n-th occurrence of `needle` in a document, plus an offset into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value, or fails after `ms`. */
export async function until<T>(what: string, check: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() - t0 > ms) assert.fail(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Restores a fixture file's text (tests share one workspace copy). */
export async function resetFile(name: string, text: string): Promise<void> {
  const uri = workspaceFile(name);
  const doc = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  await vscode.workspace.applyEdit(edit);
  await doc.save();
}
