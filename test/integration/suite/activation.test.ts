import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './helpers';

suite('activation and data', () => {
  test('the extension activates and loads the shipped corpus once', async () => {
    const a = await api();
    const d = await a.data.get();
    assert.equal(d.corpus.papers.length, 397);
    // The lexicon follows search, with the leads and the abstract index.
    assert.equal(await a.data.getComplete(), d, 'the same data object is shared');
    assert.ok(d.lexicon.techniques.length > 300);
    assert.ok(d.corpus.papers.every((p) => p.lead !== ''), 'every paper has its lead');
  });

  test('the abstract index loads after search is ready, and abstracts load on demand', async () => {
    const a = await api();
    const d = await a.data.get();
    await d.complete;
    assert.ok(d.search.hasAbstracts);
    // "frequencies" is only in abstracts (HiLo's), so only the abstract index finds it.
    assert.ok(d.search.search('frequencies').some((h) => h.paper.id === 'fast-vision-transformers-with-hilo-attention'));
    const hilo = await d.details.get('fast-vision-transformers-with-hilo-attention');
    assert.match(hilo?.abstract ?? '', /^Vision Transformers \(ViTs\) have triggered/);
    assert.ok(a.data.loadStats.readyMs > 0 && a.data.loadStats.completeMs >= a.data.loadStats.readyMs);
  });

  test('Copy BibTeX with paperlens.citation.includeAbstract reads the abstract it needs', async () => {
    await api();
    const config = vscode.workspace.getConfiguration('paperlens');
    await config.update('citation.includeAbstract', true, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('paperlens.copyBibtex', 'fast-vision-transformers-with-hilo-attention');
      assert.match(await vscode.env.clipboard.readText(), /^\s*abstract\s*=\s*\{Vision Transformers \(ViTs\) have triggered/m);
    } finally {
      await config.update('citation.includeAbstract', undefined, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('paperlens.copyBibtex', 'fast-vision-transformers-with-hilo-attention');
    assert.doesNotMatch(await vscode.env.clipboard.readText(), /abstract\s*=/);
  });

  test('every contributed command is registered', async () => {
    await api();
    const ext = vscode.extensions.getExtension('paperlens.paperlens');
    const declared = (ext?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of declared) assert.ok(registered.has(c), `${c} is declared but not registered`);
  });
});
