import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { PaperRecord } from '../../../src/core/data/load';
import { bibEntries } from '../../../src/core/bib/blocks';
import { internals, until, workspaceFile } from './helpers';

/**
 * The user's bibliography files, in a real VS Code: missing, read-only,
 * open with unsaved changes, CRLF, the same key for another paper or for
 * this one, and a file that does not parse. Every case inserts the citation
 * with one edit and never changes a byte the user wrote.
 */

const HILO = 'fast-vision-transformers-with-hilo-attention';
const enc = new TextEncoder();
const dec = new TextDecoder();

/** A fresh folder per test, with a .tex document that names `bib` as its bibliography. */
async function texCase(name: string, bib: string | undefined, bibText?: string | Uint8Array): Promise<{ editor: vscode.TextEditor; bibUri: vscode.Uri }> {
  const dir = workspaceFile(`bib-cases/${name}`);
  await vscode.workspace.fs.createDirectory(dir);
  const bibUri = vscode.Uri.joinPath(dir, bib ?? 'refs.bib');
  if (bibText !== undefined) await vscode.workspace.fs.writeFile(bibUri, typeof bibText === 'string' ? enc.encode(bibText) : bibText);
  const tex = vscode.Uri.joinPath(dir, 'doc.tex');
  await vscode.workspace.fs.writeFile(tex, enc.encode(`\\documentclass{article}\n\\begin{document}\nWe use HiLo attention.\n\\bibliography{${(bib ?? 'refs.bib').replace(/\.bib$/, '')}}\n\\end{document}\n`));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(tex));
  const line = editor.document.lineAt(2);
  editor.selection = new vscode.Selection(line.range.end.translate(0, -1), line.range.end.translate(0, -1));
  return { editor, bibUri };
}

const onDisk = async (uri: vscode.Uri): Promise<string> => dec.decode(await vscode.workspace.fs.readFile(uri));
const docOf = (uri: vscode.Uri): vscode.TextDocument | undefined => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

suite('bibliography files: nothing clobbered, one edit', () => {
  let hilo: PaperRecord;
  let key: string;
  suiteSetup(async () => {
    const a = await internals();
    const p = (await a.data.getComplete()).papersById.get(HILO);
    assert.ok(p);
    hilo = p;
    key = a.keys.keyOf(HILO) ?? '';
    assert.equal(key, 'pan2022fast');
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a missing bibliography is created with the entry; the citation goes in', async () => {
    const { editor, bibUri } = await texCase('missing', 'refs.bib');
    const a = await internals();
    const r = await a.citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'created');
    assert.equal(r.key, key);
    assert.match(editor.document.getText(), /HiLo attention\\cite\{pan2022fast\}\./);
    const text = await onDisk(bibUri);
    assert.match(text, /^@inproceedings\{pan2022fast,\n  title {9}= \{Fast Vision Transformers with \{HiLo\} Attention\},/);
  });

  test('a missing bibliography in a missing folder (the paperlens.bibFile setting) is created, folder and all', async () => {
    const { editor } = await texCase('missing-folder', undefined);
    // The document names refs.bib; remove that line so the setting decides.
    const doc = editor.document;
    const edit = new vscode.WorkspaceEdit();
    edit.delete(doc.uri, doc.lineAt(3).rangeIncludingLineBreak);
    await vscode.workspace.applyEdit(edit);
    const target = 'bib-cases/missing-folder/not/yet/there.bib';
    await vscode.workspace.getConfiguration('paperlens').update('bibFile', target, vscode.ConfigurationTarget.Workspace);
    try {
      const r = await (await internals()).citations.insert(hilo, editor);
      assert.equal(r.bib?.outcome, 'created');
      assert.match(await onDisk(workspaceFile(target)), /^@inproceedings\{pan2022fast,/);
    } finally {
      await vscode.workspace.getConfiguration('paperlens').update('bibFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a read-only bibliography is left alone with a clear message; the citation goes in and the entry goes to the clipboard', async () => {
    const original = '@misc{other,\n  title = {Other}\n}\n';
    const { editor, bibUri } = await texCase('read-only', 'refs.bib', original);
    fs.chmodSync(bibUri.fsPath, 0o444);
    try {
      await vscode.env.clipboard.writeText('');
      const r = await (await internals()).citations.insert(hilo, editor);
      assert.equal(r.bib?.outcome, 'refused');
      assert.match(r.bib?.reason ?? '', /refs\.bib is read-only/);
      assert.equal(await onDisk(bibUri), original, 'not a byte changed');
      assert.ok(!docOf(bibUri)?.isDirty, 'no unsaved edit left in an editor either');
      assert.match(editor.document.getText(), /\\cite\{pan2022fast\}/);
      assert.match(await vscode.env.clipboard.readText(), /^@inproceedings\{pan2022fast,\n {2}title/);
    } finally {
      fs.chmodSync(bibUri.fsPath, 0o644);
    }
  });

  test('a bibliography open with unsaved changes: the entry lands after them, they stay unsaved, nothing on disk changes', async () => {
    const saved = '@misc{other,\n  title = {Other}\n}\n';
    const { editor, bibUri } = await texCase('unsaved', 'refs.bib', saved);
    const bibDoc = await vscode.workspace.openTextDocument(bibUri);
    const typed = '\n% my notes, not saved yet\n@misc{mine,\n  title = {Mine}\n}\n';
    const e = new vscode.WorkspaceEdit();
    e.insert(bibUri, bibDoc.positionAt(bibDoc.getText().length), typed);
    await vscode.workspace.applyEdit(e);
    assert.ok(bibDoc.isDirty);
    await vscode.window.showTextDocument(editor.document);

    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'added');
    const text = bibDoc.getText();
    assert.ok(text.startsWith(saved + typed), 'the unsaved text is all there, first');
    assert.match(text.slice((saved + typed).length), /^\n@inproceedings\{pan2022fast,/);
    assert.ok(bibDoc.isDirty, 'still unsaved: saving is the user’s call');
    assert.equal(await onDisk(bibUri), saved, 'the file on disk is as the user last saved it');
  });

  test('CRLF line ends are kept, in the entry and around it', async () => {
    const crlf = '@misc{other,\r\n  title = {Other}\r\n}\r\n';
    const { editor, bibUri } = await texCase('crlf', 'refs.bib', crlf);
    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'added');
    const text = await until('the entry saved to disk', async () => {
      const t = await onDisk(bibUri);
      return t.includes('pan2022fast') ? t : undefined;
    });
    assert.ok(text.startsWith(crlf));
    assert.doesNotMatch(text, /(^|[^\r])\n/, 'no bare LF anywhere');
    assert.match(text, /\r\n@inproceedings\{pan2022fast,\r\n {2}title/);
  });

  test('the same key for another paper: that entry is kept, this one is added and cited under a suffixed key, once', async () => {
    const theirs = '@article{pan2022fast,\n  title = {Fast Panoptic Segmentation with Soft Attention},\n  author = {Pan, Someone},\n  year = {2022}\n}\n';
    const { editor, bibUri } = await texCase('same-key', 'refs.bib', theirs);
    const a = await internals();
    const r = await a.citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'added');
    assert.equal(r.bib?.clash, 'pan2022fast');
    assert.equal(r.key, 'pan2022fasta');
    assert.equal(a.keys.paperByKey('pan2022fasta'), undefined, 'a key no other corpus paper has');
    assert.match(editor.document.getText(), /\\cite\{pan2022fasta\}/);
    const text = await until('the entry on disk', async () => ((await onDisk(bibUri)).includes('pan2022fasta') ? onDisk(bibUri) : undefined));
    assert.ok(text.startsWith(theirs), 'their entry is untouched');
    assert.deepEqual(
      bibEntries(text).map((e) => e.key),
      ['pan2022fast', 'pan2022fasta'],
    );
    // Citing the paper again finds it under the key it was given: nothing is added twice.
    const again = await a.citations.insert(hilo, editor);
    assert.equal(again.bib?.outcome, 'present');
    assert.equal(again.key, 'pan2022fasta');
    assert.equal(await onDisk(bibUri), text);
  });

  test('the same paper under the same key, edited by the user: cited as it is, their entry untouched', async () => {
    const theirs = '@inproceedings{pan2022fast,\n  title = {Fast Vision Transformers with HiLo Attention},\n  booktitle = {NeurIPS},\n  year = {2022},\n  note = {my edits}\n}\n';
    const { editor, bibUri } = await texCase('same-paper', 'refs.bib', theirs);
    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'present');
    assert.equal(r.key, 'pan2022fast');
    assert.match(editor.document.getText(), /\\cite\{pan2022fast\}/);
    assert.equal(await onDisk(bibUri), theirs);
  });

  test('a bibliography that does not parse is left alone with its line in the message; the citation goes in', async () => {
    const broken = '@misc{ok,\n  title = {Fine}\n}\n\n@misc{broken,\n  title = {Never closed,\n  year = 2020\n';
    const { editor, bibUri } = await texCase('unparsable', 'refs.bib', broken);
    await vscode.env.clipboard.writeText('');
    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'refused');
    assert.match(r.bib?.reason ?? '', /refs\.bib does not parse: the entry "broken" that starts on line 5 never closes/);
    assert.equal(await onDisk(bibUri), broken);
    assert.match(editor.document.getText(), /\\cite\{pan2022fast\}/);
    assert.match(await vscode.env.clipboard.readText(), /^@inproceedings\{pan2022fast,/);
  });

  test('a Pandoc bibliography that is CSL JSON, not BibTeX, is left alone; the citation goes in', async () => {
    const dir = workspaceFile('bib-cases/csl-json');
    await vscode.workspace.fs.createDirectory(dir);
    const json = vscode.Uri.joinPath(dir, 'refs.json');
    const csl = '[\n  { "id": "mine", "type": "article", "title": "Mine" }\n]\n';
    await vscode.workspace.fs.writeFile(json, enc.encode(csl));
    const md = vscode.Uri.joinPath(dir, 'notes.md');
    await vscode.workspace.fs.writeFile(md, enc.encode('---\nbibliography: refs.json\n---\n\nHiLo attention.\n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(md));
    editor.selection = new vscode.Selection(4, 14, 4, 14);
    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'refused');
    assert.match(r.bib?.reason ?? '', /refs\.json is not a BibTeX file/);
    assert.equal(await onDisk(json), csl);
    assert.match(editor.document.getText(), /HiLo attention\[@pan2022fast\]\./);
  });

  test('the citation and the entry are one edit: one undo takes both back', async () => {
    const saved = '@misc{other,\n  title = {Other}\n}\n';
    const { editor, bibUri } = await texCase('undo', 'refs.bib', saved);
    const before = editor.document.getText();
    // Keep the bibliography open and unsaved-free, so the undo is visible in its text.
    const bibDoc = await vscode.workspace.openTextDocument(bibUri);
    await vscode.window.showTextDocument(editor.document);
    await (await internals()).citations.insert(hilo, editor);
    assert.notEqual(editor.document.getText(), before);
    assert.match(bibDoc.getText(), /pan2022fast/);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
    await until('the entry undone too', () => (bibDoc.getText() === saved ? true : undefined), 5_000);
  });

  test('a refs.bib that is a link to a text file outside the workspace: refused, the target untouched', async () => {
    const outside = fs.mkdtempSync(`${os.tmpdir()}/paperlens-outside-`);
    const target = `${outside}/notes.txt`;
    fs.writeFileSync(target, 'my notes\n');
    const { editor, bibUri } = await texCase('link-to-text', 'refs.bib');
    fs.symlinkSync(target, bibUri.fsPath);
    try {
      const r = await (await internals()).citations.insert(hilo, editor);
      assert.equal(r.bib?.outcome, 'refused');
      assert.match(r.bib?.reason ?? '', /refs\.bib is a link to .*notes\.txt, which is not a BibTeX file/);
      assert.equal(fs.readFileSync(target, 'utf8'), 'my notes\n');
      assert.match(editor.document.getText(), /\\cite\{pan2022fast\}/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a refs.bib that is a link to a .bib outside the workspace: PaperLens asks first, and writes nothing without a yes', async () => {
    const outside = fs.mkdtempSync(`${os.tmpdir()}/paperlens-outside-`);
    const target = `${outside}/shared.bib`;
    const original = '@misc{other,\n  title = {Other}\n}\n';
    fs.writeFileSync(target, original);
    const { editor, bibUri } = await texCase('link-outside', 'refs.bib');
    fs.symlinkSync(target, bibUri.fsPath);
    try {
      // The smoke-test driver refuses to show modal dialogs, as a user closing it would: no yes, so no write.
      const r = await (await internals()).citations.insert(hilo, editor);
      assert.equal(r.bib?.outcome, 'refused');
      assert.match(r.bib?.reason ?? '', /leads outside the workspace, and you chose not to write there/);
      assert.equal(fs.readFileSync(target, 'utf8'), original);
      assert.ok(!docOf(bibUri)?.isDirty);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a link to a .bib inside the workspace is followed, and the entry lands in the real file once', async () => {
    const original = '@misc{other,\n  title = {Other}\n}\n';
    const { editor, bibUri } = await texCase('link-inside', 'refs.bib');
    const real = vscode.Uri.joinPath(bibUri, '..', 'real.bib');
    fs.writeFileSync(real.fsPath, original);
    fs.symlinkSync(real.fsPath, bibUri.fsPath);
    const a = await internals();
    const r = await a.citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'added');
    assert.equal(r.key, key);
    await until('the entry saved', () => (fs.readFileSync(real.fsPath, 'utf8').includes('@inproceedings{pan2022fast,') ? true : undefined));
    const again = await a.citations.insert(hilo, editor);
    assert.equal(again.bib?.outcome, 'present');
    assert.equal(bibEntries(fs.readFileSync(real.fsPath, 'utf8')).filter((e) => e.key === key).length, 1);
  });

  test('citing the same paper twice adds one entry (the entry PaperLens wrote opens with a "% Missing" comment)', async () => {
    const { editor, bibUri } = await texCase('twice', 'refs.bib', '');
    const a = await internals();
    const transmla = (await a.data.getComplete()).papersById.get('transmla-multi-head-latent-attention-is-all-you-need');
    assert.ok(transmla);
    const first = await a.citations.insert(transmla, editor);
    const second = await a.citations.insert(transmla, editor);
    assert.equal(second.key, first.key);
    assert.equal(second.bib?.outcome, 'present');
    const text = docOf(bibUri)?.getText() ?? (await onDisk(bibUri));
    assert.equal(bibEntries(text).length, 1);
    assert.doesNotMatch(editor.document.getText(), new RegExp(`${first.key}a`));
  });
});
