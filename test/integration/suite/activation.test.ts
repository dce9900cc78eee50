import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activated, internals } from './helpers';

suite('activation and data', () => {
  test('the extension activates and loads the shipped corpus once', async () => {
    const a = await internals();
    const d = await a.data.get();
    assert.equal(d.corpus.papers.length, 397);
    // The lexicon follows search, with the leads and the abstract index.
    assert.equal(await a.data.getComplete(), d, 'the same data object is shared');
    assert.ok(d.lexicon.techniques.length > 300);
    assert.ok(d.corpus.papers.every((p) => p.lead !== ''), 'every paper has its lead');
  });

  test('the abstract index loads after search is ready, and abstracts load on demand', async () => {
    const a = await internals();
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
    await internals();
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

  test('the public API: the version, the paper count, search, papers by id and their keys, as plain data', async () => {
    const lens = await activated();
    const ext = vscode.extensions.getExtension('paperlens.paperlens');
    assert.equal(lens.version, (ext?.packageJSON as { version: string }).version);
    assert.equal(await lens.paperCount(), 397);
    const hits = await lens.search('kv cache compression', 3);
    assert.equal(hits.length, 3);
    for (const h of hits) assert.match(h.title, /KV Cache Compression/i);
    const hilo = await lens.paperById('fast-vision-transformers-with-hilo-attention');
    assert.deepEqual(hilo && { title: hilo.title, year: hilo.year, arxiv: hilo.arxiv }, { title: 'Fast Vision Transformers with HiLo Attention', year: 2022, arxiv: '2205.13213' });
    assert.equal(await lens.paperById('no-such-paper'), undefined);
    assert.equal(await lens.citationKeyOf('fast-vision-transformers-with-hilo-attention'), 'pan2022fast');
  });

  test('every contributed command is registered', async () => {
    await internals();
    const ext = vscode.extensions.getExtension('paperlens.paperlens');
    const declared = (ext?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of declared) assert.ok(registered.has(c), `${c} is declared but not registered`);
  });
});
