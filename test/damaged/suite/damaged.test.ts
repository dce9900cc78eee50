import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { internals, open, positionOf, until } from '../../integration/suite/helpers';

/**
 * PaperLens with damaged shipped data (test/harness/runDamaged.mjs damages a
 * copy of the extension: data from another version, or a corrupt file). It
 * must say so once, in plain words, and keep VS Code usable: hovers and
 * completion show nothing, the views say it in place, and a command the
 * user runs answers with the message instead of VS Code's "command failed".
 */

const damage = process.env['PAPERLENS_DAMAGE'] ?? '';
const expected = new RegExp(process.env['PAPERLENS_DAMAGE_EXPECT'] ?? '^$');

const hoverText = (hovers: vscode.Hover[]): string =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');

suite(`damaged data (${damage}): one plain message, VS Code stays usable`, () => {
  test('activation loads nothing and reports nothing', async () => {
    const a = await internals();
    assert.equal(a.data.error, undefined);
    assert.equal(a.data.messagesShown, 0);
  });

  test('the first hover shows no card, and the failure is reported once, in plain words', async () => {
    const a = await internals();
    const e = await open('model.py');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'class MultiHeadLatentAttention', 10));
    assert.doesNotMatch(hoverText(hovers), /\*\*MLA\*\*/);
    const error = await until('the load to fail', () => a.data.error);
    assert.match(error, expected);
    assert.match(error, /reinstall PaperLens/);
    assert.equal(a.data.messagesShown, 1);
  });

  test('more hovers and key completion show nothing and report nothing more', async () => {
    const a = await internals();
    const py = await open('model.py');
    for (const needle of ['class MultiHeadLatentAttention', 'kv_cache']) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', py.document.uri, positionOf(py.document, needle, 3));
      assert.doesNotMatch(hoverText(hovers), /PaperLens|\*\*MLA\*\*|KV cache/);
    }
    const tex = await open('paper.tex');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', tex.document.uri, positionOf(tex.document, '\\cite{pan2022fast}', '\\cite{'.length));
    assert.ok(!list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'pan2022fast'));
    assert.equal(a.data.messagesShown, 1);
  });

  test('the views say it in place', async () => {
    const a = await internals();
    await a.trees.ensureLoaded();
    assert.match(a.trees.papersView.message ?? '', /could not load its papers/);
    assert.match(a.trees.papersView.message ?? '', expected);
    assert.match(a.trees.techniquesView.message ?? '', expected);
    assert.deepEqual(a.trees.papers.getChildren(), []);
    assert.equal(a.data.messagesShown, 1);
  });

  test('a command the user runs answers with the message, never "command failed"', async () => {
    const a = await internals();
    await open('paper.tex');
    const commands: [string, ...unknown[]][] = [
      ['paperlens.searchPapers'],
      ['paperlens.insertCitation', 'fast-vision-transformers-with-hilo-attention'],
      ['paperlens.copyBibtex', 'fast-vision-transformers-with-hilo-attention'],
      ['paperlens.openDetails', 'fast-vision-transformers-with-hilo-attention'],
      ['paperlens.citeTechniqueAtCursor'],
    ];
    for (const [i, [command, ...args]] of commands.entries()) {
      assert.equal(await vscode.commands.executeCommand(command, ...args), undefined, command);
      assert.equal(a.data.messagesShown, 2 + i, `${command} says why it cannot work, once`);
    }
  });

  test('VS Code stays usable: editing, undo and other hovers work', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Notes\n' });
    const editor = await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(1, 0), 'KV cache compression, MLA.\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(doc.getText(), '# Notes\nKV cache compression, MLA.\n');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), '# Notes\n');
    assert.ok(Array.isArray(await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 3))));
    assert.equal(editor.document, doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
