import * as vscode from 'vscode';
import type { PaperLensExports, PaperLensInternals } from '../../../src/extension/extension';

/** node:assert does not exist in a web worker. */
function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

/** PaperLens's services, which activate() exposes only when VS Code runs it for tests (ExtensionMode.Test). */
async function internals(): Promise<PaperLensInternals> {
  const ext = vscode.extensions.getExtension<PaperLensExports>('paperlens.paperlens');
  check(ext, 'PaperLens is not installed');
  const exports = await ext.activate();
  check(exports.internalsForTests, 'PaperLens exposes its internals only in test mode');
  return exports.internalsForTests;
}

function file(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

suite('web extension (web worker extension host)', () => {
  test('runs in the web worker host, with no Node.js', () => {
    check(typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string', 'this suite should run without Node.js');
    check(typeof (globalThis as { importScripts?: unknown }).importScripts === 'function', 'expected a web worker');
  });

  test('loads the shipped data through vscode.workspace.fs', async () => {
    const d = await (await internals()).data.getComplete();
    check(d.corpus.papers.length === 397, `expected 397 papers, got ${d.corpus.papers.length}`);
  });

  test('search ranks KV-cache compression papers first', async () => {
    const d = await (await internals()).data.getComplete();
    const hits = d.search.search('kv cache compression', { limit: 3 });
    check(hits.length === 3 && hits.every((h) => /KV Cache Compression/i.test(h.paper.title)), hits.map((h) => h.paper.title).join(' | '));
  });

  test('a hover card on MultiHeadLatentAttention', async () => {
    await (await internals()).data.getComplete();
    const doc = await vscode.workspace.openTextDocument(file('model.py'));
    const at = doc.positionAt(doc.getText().indexOf('class MultiHeadLatentAttention') + 10);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at));
    check(/\*\*MLA\*\*/.test(text), `no MLA card: ${text.slice(0, 200)}`);
  });

  test('inserting a citation into a .tex file, with the entry in references.bib', async () => {
    const a = await internals();
    const d = await a.data.getComplete();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file('paper.tex')));
    const pos = editor.document.positionAt(editor.document.getText().indexOf('reduce memory further') + 'reduce memory further'.length);
    editor.selection = new vscode.Selection(pos, pos);
    const paper = d.papersById.get('snapkv-llm-knows-what-you-are-looking-for-before-generation');
    check(paper, 'SnapKV is in the corpus');
    const r = await a.citations.insert(paper, editor);
    check(editor.document.getText().includes(`further\\cite{${r.key}}`), 'the citation is in the editor');
    const bib = new TextDecoder().decode(await vscode.workspace.fs.readFile(file('references.bib')));
    check(bib.includes(`{${r.key},`), 'the entry is in references.bib');
  });
  test('your library is read through vscode.workspace.fs: BibTeX and CSL-JSON, searchable, with the broken entry in the Problems panel', async () => {
    const a = await internals();
    await a.data.getComplete();
    const deadline = Date.now() + 20_000;
    let refs = a.library.references();
    while (!(refs?.library.byKey('doe2024latentmixer') && refs.library.byKey('zhang2023csl')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      refs = a.library.references();
    }
    check(refs, 'the library was read');
    const d = await a.data.getComplete();
    const [first] = refs.search('latentmixer', (q, n) => d.search.search(q, { limit: n }));
    check(first?.kind === 'entry' && first.entry.key === 'doe2024latentmixer', `the user's entry comes first: ${JSON.stringify(first)}`);
    const problems = vscode.languages.getDiagnostics(file('library/own.bib'));
    check(problems.some((p) => /never closes/.test(p.message)), problems.map((p) => p.message).join(' | '));
  });
});
