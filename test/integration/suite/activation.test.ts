import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './helpers';

suite('activation and data', () => {
  test('the extension activates and loads the shipped corpus once', async () => {
    const a = await api();
    const d = await a.data.get();
    assert.equal(d.corpus.papers.length, 397);
    assert.ok(d.lexicon.techniques.length > 300);
    assert.equal(await a.data.get(), d, 'the same data object is shared');
  });

  test('every contributed command is registered', async () => {
    await api();
    const ext = vscode.extensions.getExtension('paperlens.paperlens');
    const declared = (ext?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of declared) assert.ok(registered.has(c), `${c} is declared but not registered`);
  });
});
