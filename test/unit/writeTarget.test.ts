import * as assert from 'node:assert/strict';
import { bibliographyFiles } from '../../src/core/editor/bibliography';
import { judgeWriteTarget, within } from '../../src/core/editor/writeTarget';

const ws = [{ path: '/home/u/paper', realPath: '/home/u/paper' }];
const at = (path: string, realPath = path) => ({ path, realPath });

suite('editor: where a bibliography entry may be written', () => {
  test('a .bib file inside the workspace: yes, trusted or not', () => {
    for (const trusted of [true, false]) assert.deepEqual(judgeWriteTarget({ target: at('/home/u/paper/refs.bib'), folders: ws, trusted, name: 'refs.bib' }), { kind: 'ok' });
  });
  test('a link named refs.bib that leads to a text file: refused in any mode', () => {
    for (const trusted of [true, false]) {
      const v = judgeWriteTarget({ target: at('/home/u/paper/refs.bib', '/home/u/paper/notes.txt'), folders: ws, trusted, name: 'refs.bib' });
      assert.deepEqual(v, { kind: 'refuse', reason: 'refs.bib is a link to /home/u/paper/notes.txt, which is not a BibTeX file (.bib)' });
    }
  });
  test('a link inside the workspace that leads outside it: refused when untrusted, asked when trusted', () => {
    const target = at('/home/u/paper/refs.bib', '/etc/other.bib');
    assert.equal(judgeWriteTarget({ target, folders: ws, trusted: false, name: 'refs.bib' }).kind, 'refuse');
    assert.deepEqual(judgeWriteTarget({ target, folders: ws, trusted: true, name: 'refs.bib' }), {
      kind: 'confirm',
      question: 'refs.bib is a link to /etc/other.bib, outside the workspace. Add the BibTeX entry there?',
    });
  });
  test('a file named outside the workspace: refused when untrusted, the user\'s choice when trusted', () => {
    const target = at('/home/u/shared/refs.bib');
    assert.equal(judgeWriteTarget({ target, folders: ws, trusted: false, name: '../shared/refs.bib' }).kind, 'refuse');
    assert.deepEqual(judgeWriteTarget({ target, folders: ws, trusted: true, name: '../shared/refs.bib' }), { kind: 'ok' });
  });
  test('a workspace opened through a link: its real path counts', () => {
    const linked = [{ path: '/home/u/paper', realPath: '/data/paper' }];
    assert.deepEqual(judgeWriteTarget({ target: at('/home/u/paper/refs.bib', '/data/paper/refs.bib'), folders: linked, trusted: false, name: 'refs.bib' }), { kind: 'ok' });
  });
  test('no workspace folder: nothing is inside', () => {
    assert.equal(judgeWriteTarget({ target: at('/tmp/refs.bib'), folders: [], trusted: false, name: '/tmp/refs.bib' }).kind, 'refuse');
  });
  test('a non-.bib file is refused before anything else', () => {
    assert.equal(judgeWriteTarget({ target: at('/home/u/paper/refs.json'), folders: ws, trusted: true, name: 'refs.json' }).kind, 'refuse');
  });
  test('inside means inside: a sibling with the same prefix or a path through .. is not', () => {
    assert.ok(within('/home/u/paper/a/b.bib', '/home/u/paper'));
    assert.ok(!within('/home/u/paper2/b.bib', '/home/u/paper'));
    assert.ok(!within('/home/u/paper/../x.bib', '/home/u/paper'));
  });
  test('Windows separators in \\bibliography{} become /, so .. shows and is resolved before the check', () => {
    assert.deepEqual(bibliographyFiles('\\bibliography{..\\..\\outside}', 'latex'), ['../../outside.bib']);
    assert.deepEqual(bibliographyFiles('\\addbibresource{refs\\main.bib}', 'latex'), ['refs/main.bib']);
  });
});
