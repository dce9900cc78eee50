import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LibraryReferences } from '../../../src/core/library/references';
import { hoverText, internals, open, positionOf, readText, until, workspaceFile } from './helpers';

/**
 * The user's own library in a real VS Code: the fixture workspace's
 * library/own.bib (a bundled paper under the user's key, entries PaperLens
 * does not bundle, an entry that never closes), library/refs.csl.json, and
 * the .tex and .md files that name them.
 */
suite('your library in a real editor', () => {
  const ownBib = () => workspaceFile('library/own.bib');
  const references = async (): Promise<LibraryReferences> => until('the library', async () => {
    const refs = (await internals()).library.references();
    return refs && refs.library.byKey('doe2024latentmixer') && refs.library.byKey('zhang2023csl') ? refs : undefined;
  }, 20_000);
  const search = async (q: string) => {
    const a = await internals();
    const d = await a.data.getComplete();
    return (await references()).search(q, (query, limit) => d.search.search(query, { limit }));
  };

  suiteSetup(async () => {
    await (await internals()).data.getComplete();
    await references();
  });

  test('the library is found and read: BibTeX with @string and CSL-JSON; the summary says what was found', async () => {
    const a = await internals();
    const e = a.library.search.byKey('doe2024latentmixer');
    assert.deepEqual([e?.venue, e?.year, e?.authorsTruncated], ['Proceedings of the Imaginary Conference', 2024, true]);
    assert.match(a.library.summary(), /^\d+ bibliographies · \d+ entries · [1-9]\d* problems?$/);
  });

  test('searching finds library entries, ranked with the bundled papers; a bundled paper the user has is one row with their key', async () => {
    const [first] = await search('latentmixer');
    assert.equal(first?.kind === 'entry' ? first.entry.key : undefined, 'doe2024latentmixer');
    const transmla = (await search('transmla')).filter((r) => r.kind === 'paper' && r.paper.id.startsWith('transmla'));
    assert.equal(transmla.length, 1);
    assert.equal(transmla[0]?.kind === 'paper' ? transmla[0].entry?.key : undefined, 'meng2025transmla');
    assert.ok((await search('speculative sampling examples')).some((r) => r.kind === 'entry' && r.entry.key === 'zhang2023csl'));
  });

  test('the broken entry is in the Problems panel at its line; the entries after it still load', async () => {
    const diagnostics = await until('the problem', () => {
      const ds = vscode.languages.getDiagnostics(ownBib());
      return ds.length > 0 ? ds : undefined;
    });
    const broken = diagnostics.find((d) => /never closes/.test(d.message));
    assert.ok(broken, diagnostics.map((d) => d.message).join('\n'));
    assert.equal(broken.severity, vscode.DiagnosticSeverity.Error);
    const text = await readText(ownBib());
    assert.equal(broken.range.start.line, text.split('\n').findIndex((l) => l.startsWith('@misc{broken')));
    assert.ok((await internals()).library.search.byKey('smith2021after'));
  });

  test('an edit on disk becomes searchable, with no reload', async () => {
    const before = await readText(ownBib());
    const entry = '\n@article{fresh2025entry, title = {Quasar Attention for Tiny Devices}, author = {Fresh, Frank}, year = 2025}\n';
    await vscode.workspace.fs.writeFile(ownBib(), new TextEncoder().encode(before + entry));
    try {
      await until('the new entry to be searchable', async () => ((await search('quasar attention')).some((r) => r.kind === 'entry' && r.entry.key === 'fresh2025entry') ? true : undefined), 5_000);
    } finally {
      await vscode.workspace.fs.writeFile(ownBib(), new TextEncoder().encode(before));
    }
  });

  test('hovering a library key shows its card; a bundled paper cited by the user\'s key shows the paper', async () => {
    const e = await open('library/thesis.tex');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'doe2024latentmixer', 3)));
    assert.match(text, /LatentMixer\\: Mixing Latent Attention Heads/);
    assert.match(text, /Key: `doe2024latentmixer` · own\\\.bib, line \d+/);
    assert.match(text, /command:paperlens\.openLibraryEntry\?/);
    const md = await open('library/chapter.md');
    const csl = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', md.document.uri, positionOf(md.document, 'zhang2023csl', 3)));
    assert.match(csl, /Speculative Sampling Explained with Examples/);
  });

  test('completion after \\cite{ offers the library\'s keys first', async () => {
    const e = await open('library/thesis.tex');
    const pos = positionOf(e.document, 'doe2024latentmixer', 3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', e.document.uri, pos);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.equal(labels[0], 'doe2024latentmixer');
    const all = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', e.document.uri, positionOf(e.document, '\\cite{', 6));
    const keys = all.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(keys.includes('lovelace1843notes') && keys.includes('meng2025transmla'));
    assert.equal(keys.filter((k) => k === 'meng2025transmla' || k === 'transmla2025').length, 1, 'TransMLA is offered once, under the user\'s key');
  });

  test('several papers make one \\cite{a,b}, and a bundled paper the user has is cited by their key with their .bib unchanged', async () => {
    const a = await internals();
    const e = await open('library/thesis.tex');
    const bibBefore = await readText(ownBib());
    const line = e.document.lineCount - 3;
    await e.edit((b) => b.insert(new vscode.Position(line, 0), 'See \n'));
    e.selection = new vscode.Selection(line, 4, line, 4);
    const lovelace = a.library.search.byKey('lovelace1843notes');
    const d = await a.data.getComplete();
    const transmla = d.corpus.papers.find((p) => p.id.startsWith('transmla'));
    assert.ok(lovelace && transmla);
    const keys = await a.citations.insertSeveral([{ entry: lovelace }, { paper: transmla }], e);
    assert.deepEqual(keys, ['lovelace1843notes', 'meng2025transmla']);
    assert.equal(e.document.lineAt(line).text, 'See \\cite{lovelace1843notes,meng2025transmla}');
    const one = await a.citations.insert(transmla, e);
    assert.equal(one.key, 'meng2025transmla');
    assert.equal(await readText(ownBib()), bibBefore, 'the user\'s .bib is unchanged');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a name the user\'s own paper coins gets a card in code: LatentMixer', async () => {
    const uri = workspaceFile('library/mixer.py');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('import torch\n\nmixer = LatentMixer(dim=512)\nseed = 0\n'));
    const e = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = await until('the library\'s techniques', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'LatentMixer(', 3)));
      return /from your library/.test(t) ? t : undefined;
    });
    assert.match(text, /\*\*LatentMixer\*\*/);
    assert.match(text, /Key: `doe2024latentmixer`/);
    assert.doesNotMatch(hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'seed', 1))), /command:paperlens/);
  });

  test('a technique card lists the user\'s own papers that name it, after the bundled ones: kv_cache', async () => {
    const e = await open('model.py');
    const text = await until('the KV cache card with the user\'s paper', async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'kv_cache: KVCache', 3)));
      return /In your library/.test(t) ? t : undefined;
    });
    assert.match(text, /\*\*KV cache\*\*/);
    assert.match(text, /In your library:[\s\S]*Budgeted KV Cache Eviction[\s\S]*smith2021after/);
    assert.ok(text.indexOf('In your library') > text.indexOf('SnapKV') || !text.includes('SnapKV'), 'bundled papers first');
    assert.doesNotMatch(text.slice(text.indexOf('In your library')), /TransMLA/, 'a bundled paper is not listed again as the user\'s');
  });

  test('the sidebar has "Your library", by file, above the groups', async () => {
    const a = await internals();
    await a.trees.ensureLoaded();
    const p = a.trees.papers;
    const [top] = p.getChildren();
    assert.equal(top?.kind, 'library');
    assert.ok(top);
    const files = p.getChildren(top).map((n) => (n.kind === 'libraryFile' ? vscode.workspace.asRelativePath(vscode.Uri.parse(n.file)) : ''));
    assert.ok(files.includes('library/own.bib') && files.includes('library/refs.csl.json'), files.join(', '));
    const own = p.getChildren(top).find((n) => n.kind === 'libraryFile' && n.file.endsWith('own.bib'));
    assert.ok(own);
    const entries = p.getChildren(own).map((n) => (n.kind === 'libraryEntry' ? n.entry.key : ''));
    assert.deepEqual(entries, ['meng2025transmla', 'lovelace1843notes', 'doe2024latentmixer', 'smith2021after']);
  });
});
