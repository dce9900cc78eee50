import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { PaperRecord } from '../../../src/core/data/load';
import { Setting } from '../../../src/extension/settingKeys';
import { internals, workspaceFile } from '../../integration/suite/helpers';

/**
 * PaperLens in Restricted Mode (an untrusted workspace), in a real VS Code:
 * it writes bibliography entries only to .bib files really inside the
 * workspace. A document's text decides where it writes, so a hostile
 * repository must not be able to point it anywhere else: not with a path, a
 * `..`, a Windows separator or a link.
 */

const HILO = 'fast-vision-transformers-with-hilo-attention';
const enc = new TextEncoder();

async function texCase(name: string, bibliography: string): Promise<vscode.TextEditor> {
  const dir = workspaceFile(`restricted-cases/${name}`);
  await vscode.workspace.fs.createDirectory(dir);
  const tex = vscode.Uri.joinPath(dir, 'doc.tex');
  await vscode.workspace.fs.writeFile(tex, enc.encode(`\\documentclass{article}\n\\begin{document}\nWe use HiLo attention.\n\\bibliography{${bibliography}}\n\\end{document}\n`));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(tex));
  const end = editor.document.lineAt(2).range.end.translate(0, -1);
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

suite('Restricted Mode: entries go only to .bib files inside the workspace', () => {
  let hilo: PaperRecord;
  let outside = '';
  suiteSetup(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this suite must run in an untrusted workspace');
    const p = (await (await internals()).data.getComplete()).papersById.get(HILO);
    assert.ok(p);
    hilo = p;
    outside = fs.mkdtempSync(`${os.tmpdir()}/paperlens-restricted-outside-`);
  });
  suiteTeardown(() => fs.rmSync(outside, { recursive: true, force: true }));
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a .bib inside the workspace: the entry is added', async () => {
    const editor = await texCase('inside', 'refs');
    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'created');
    assert.match(editor.document.getText(), /\\cite\{pan2022fast\}/);
  });

  test('an absolute path outside the workspace: refused, nothing written there', async () => {
    const target = `${outside}/abs.bib`;
    const editor = await texCase('absolute', target.replace(/\.bib$/, ''));
    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'refused');
    assert.match(r.bib?.reason ?? '', /outside the workspace, and the workspace is not trusted/);
    assert.ok(!fs.existsSync(target));
    assert.match(editor.document.getText(), /\\cite\{pan2022fast\}/, 'the citation still goes in');
  });

  test('a relative path that climbs out with .. (or Windows \\..\\): refused', async () => {
    const depth = workspaceFile('restricted-cases/dots').path.split('/').length;
    for (const sep of ['/', '\\']) {
      const climb = Array.from({ length: depth }, () => '..').join(sep);
      const editor = await texCase(`dots${sep === '/' ? '' : '-windows'}`, `${climb}${outside.replace(/\//g, sep)}${sep}dots`);
      const r = await (await internals()).citations.insert(hilo, editor);
      assert.equal(r.bib?.outcome, 'refused', `separator ${sep}`);
      assert.ok(!fs.existsSync(`${outside}/dots.bib`));
    }
  });

  test('a refs.bib inside the workspace that links to a .bib outside it: refused, the target untouched', async () => {
    const target = `${outside}/linked.bib`;
    const original = '@misc{other,\n  title = {Other}\n}\n';
    fs.writeFileSync(target, original);
    const editor = await texCase('link', 'refs');
    fs.symlinkSync(target, workspaceFile('restricted-cases/link/refs.bib').fsPath);
    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'refused');
    assert.match(r.bib?.reason ?? '', /is a link to .*linked\.bib, outside the workspace, and the workspace is not trusted/);
    assert.equal(fs.readFileSync(target, 'utf8'), original);
  });

  test('a folder link inside the workspace that leads outside it: refused', async () => {
    const editor = await texCase('folder-link', 'lib/refs');
    fs.symlinkSync(outside, workspaceFile('restricted-cases/folder-link/lib').fsPath);
    const r = await (await internals()).citations.insert(hilo, editor);
    assert.equal(r.bib?.outcome, 'refused');
    assert.ok(!fs.existsSync(`${outside}/refs.bib`));
  });

  test('the workspace paperlens.bibFile setting is ignored in Restricted Mode', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('paper.tex'));
    await vscode.workspace.getConfiguration('paperlens').update('bibFile', `${outside}/setting.bib`, vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal((await internals()).settings.get(Setting.bibFile, doc), '', 'PaperLens reads the default, not the workspace value');
    } finally {
      await vscode.workspace.getConfiguration('paperlens').update('bibFile', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
