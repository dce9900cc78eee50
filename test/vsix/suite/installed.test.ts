import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PaperLensExports } from '../../../src/extension/extension';

suite('the installed .vsix', () => {
  test('PaperLens is installed from the package, not from the source folder', () => {
    const ext = vscode.extensions.getExtension('paperlens.paperlens');
    assert.ok(ext, 'paperlens.paperlens is installed');
    assert.ok(!ext.extensionUri.path.includes('/test/vsix/host'), ext.extensionUri.path);
    assert.match(path.basename(ext.extensionUri.path), /^paperlens\.paperlens-\d+\.\d+\.\d+/);
  });

  test('the package holds only what runs', async () => {
    const ext = vscode.extensions.getExtension('paperlens.paperlens');
    assert.ok(ext);
    const names = async (dir: vscode.Uri): Promise<string[]> => (await vscode.workspace.fs.readDirectory(dir)).map(([n]) => n).sort();
    // vsce stores README and CHANGELOG in lower case and adds its own .vsixmanifest.
    assert.deepEqual(await names(ext.extensionUri), ['.vsixmanifest', 'LICENSE.txt', 'changelog.md', 'dist', 'media', 'package.json', 'readme.md'].sort());
    assert.deepEqual(await names(vscode.Uri.joinPath(ext.extensionUri, 'dist')), ['data', 'extension.js', 'web'].sort());
  });

  test('it activates, loads its data and searches, through the public API only', async () => {
    const ext = vscode.extensions.getExtension<PaperLensExports>('paperlens.paperlens');
    assert.ok(ext);
    const api = await ext.activate();
    assert.equal(api.version, (ext.packageJSON as { version: string }).version);
    assert.equal(await api.paperCount(), 397);
    const hits = await api.search('kv cache compression', 3);
    assert.equal(hits.length, 3);
    for (const h of hits) assert.match(h.title, /KV Cache Compression/i);
    assert.equal(api.internalsForTests, undefined, 'an installed copy does not run in test mode, so it keeps its internals to itself');
  });

  test('its commands and hover work from the installed copy', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has('paperlens.searchPapers'));
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'model.py'));
    const pos = doc.positionAt(doc.getText().indexOf('class MultiHeadLatentAttention') + 10);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, /\*\*MLA\*\*/);
  });
});
