import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { internals, open, positionOf, readText, resetFile, until, workspaceFile } from './helpers';

const count = (text: string, needle: string): number => text.split(needle).length - 1;

suite('search and cite', () => {
  let tex = '';
  let md = '';
  let bib = '';
  suiteSetup(async () => {
    await (await internals()).data.getComplete();
    tex = await readText(workspaceFile('paper.tex'));
    md = await readText(workspaceFile('notes.md'));
    bib = await readText(workspaceFile('references.bib'));
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await resetFile('paper.tex', tex);
    await resetFile('notes.md', md);
    await resetFile('references.bib', bib);
  });

  test('Search Papers with "kv cache compression", accept: \\cite{…} in the .tex, the entry in references.bib once', async () => {
    const a = await internals();
    const e = await open('paper.tex');
    const pos = positionOf(e.document, 'are complementary', 'are complementary'.length);
    e.selection = new vscode.Selection(pos, pos);
    // (Not "kv cach": the fixture library's own KV-cache entry would rank first, and it is not a bundled paper.)
    void vscode.commands.executeCommand('paperlens.searchPapers', { query: 'kv cache compression' });
    const inserted = await until('the citation in paper.tex', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const m = /are complementary\\cite\{([a-z0-9]+)\}/.exec(e.document.getText());
      return m?.[1];
    });
    const paper = a.keys.paperByKey(inserted);
    assert.ok(paper, `the key ${inserted} names a paper`);
    assert.match(paper.title, /KV Cache/i);
    const bibText = await until('the entry in references.bib', async () => {
      const t = await readText(workspaceFile('references.bib'));
      return t.includes(`{${inserted},`) ? t : undefined;
    });
    assert.equal(count(bibText, `{${inserted},`), 1);
    assert.equal(count(bibText, '{pan2022fast,'), 1, 'the existing entry is kept');

    // Citing the same paper again adds nothing to the .bib.
    await a.citations.insert(paper, e);
    assert.equal(count(await readText(workspaceFile('references.bib')), `{${inserted},`), 1);
  });

  test('a key merges into the \\cite{…} at the cursor, and undo takes it back', async () => {
    const a = await internals();
    const e = await open('paper.tex');
    const pos = positionOf(e.document, 'pan2022fast}', 4);
    e.selection = new vscode.Selection(pos, pos);
    const d = await a.data.getComplete();
    const snap = d.corpus.papers.find((p) => p.title.startsWith('SnapKV'));
    assert.ok(snap);
    const r = await a.citations.insert(snap, e);
    assert.match(e.document.getText(), new RegExp(`\\\\cite\\{pan2022fast, ${r.key}\\}`));
    await vscode.commands.executeCommand('undo');
    assert.match(e.document.getText(), /see \\cite\{pan2022fast\}\./);
  });

  test('Markdown gets [@key], and the YAML bibliography gets the entry', async () => {
    const e = await open('notes.md');
    const pos = positionOf(e.document, 'keep only what matters', 'keep only what matters'.length);
    e.selection = new vscode.Selection(pos, pos);
    const r = await vscode.commands.executeCommand<{ key: string }>('paperlens.insertCitation', 'snapkv-llm-knows-what-you-are-looking-for-before-generation');
    assert.match(e.document.getText(), new RegExp(`keep only what matters\\[@${r.key}\\]`));
    assert.equal(count(await readText(workspaceFile('references.bib')), `{${r.key},`), 1);
  });

  // The setting as written, and the command it should give: an invalid value falls back to the default.
  for (const [setting, command] of [['citep', 'citep'], ['footcite-please', 'cite']] as const) {
    test(`the citation command setting "${setting}" gives \\${command}`, async () => {
      const a = await internals();
      await vscode.workspace.getConfiguration('paperlens').update('citation.command', setting, vscode.ConfigurationTarget.Workspace);
      try {
        const e = await open('paper.tex');
        const pos = positionOf(e.document, 'reduce memory further', 'reduce memory further'.length);
        e.selection = new vscode.Selection(pos, pos);
        const p = (await a.data.getComplete()).papersById.get('pyramidkv-dynamic-kv-cache-compression-based-on-pyramidal');
        assert.ok(p);
        const r = await a.citations.insert(p, e);
        assert.ok(e.document.getText().includes(`further\\${command}{${r.key}}`));
      } finally {
        await vscode.workspace.getConfiguration('paperlens').update('citation.command', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  }

  test('source code gets a one-line comment in its own comment syntax', async () => {
    const a = await internals();
    const e = await open('model.py');
    const pos = positionOf(e.document, 'class KVCache:');
    e.selection = new vscode.Selection(pos, pos);
    const p = (await a.data.getComplete()).papersById.get('minicache-kv-cache-compression-in-depth-dimension-for-large');
    assert.ok(p);
    const r = await a.citations.insert(p, e);
    assert.ok(e.document.lineAt(pos.line).text.startsWith(`# See: MiniCache: KV Cache Compression in Depth Dimension for Large Language Models (2024), ${r.key}`));
    await vscode.commands.executeCommand('undo');
    assert.equal(e.document.lineAt(pos.line).text, 'class KVCache:');
  });

  test('completion after \\cite{ lists keys with title and authors', async () => {
    const a = await internals();
    const e = await open('paper.tex');
    const pos = positionOf(e.document, '\\cite{pan2022fast}', '\\cite{'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', e.document.uri, pos);
    const hilo = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === a.keys.keyOf('fast-vision-transformers-with-hilo-attention'));
    assert.ok(hilo, 'the HiLo key is offered');
    const doc = hilo.documentation;
    assert.ok(doc instanceof vscode.MarkdownString);
    assert.match(doc.value, /Fast Vision Transformers with HiLo Attention/);
    assert.match(doc.value, /Zizheng Pan/);
  });

  test('completion searches what was typed: title words find the key', async () => {
    const a = await internals();
    const e = await open('paper.tex');
    const end = positionOf(e.document, 'are complementary;', 'are complementary;'.length);
    await e.edit((b) => b.insert(end, ' \\citep{hilo'));
    const pos = end.translate(0, ' \\citep{hilo'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', e.document.uri, pos);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    // HiLo first: under a key the user's library gives it (the workspace's .bib files have it), or its own.
    const first = labels[0] ?? '';
    const own = a.library.references()?.byKey(first);
    assert.equal(own?.kind === 'paper' ? own.paper.id : a.keys.paperByKey(first)?.id, 'fast-vision-transformers-with-hilo-attention', first);
    assert.ok(labels.length <= 100, 'the list stays short');
    await vscode.commands.executeCommand('undo');
  });
});
