import * as assert from 'node:assert/strict';
import { bibEntries, bibProblem } from '../../src/core/bib/blocks';
import { bibField, comparableTitle } from '../../src/core/bib/fields';
import { appendText, planBibEntry } from '../../src/core/bib/plan';
import { bibliographyFiles } from '../../src/core/editor/bibliography';
import { citationKeyAt, citeEdit, commentLine, commentSyntax, insertFormatFor, keyCompletionAt, latexCiteAt, pandocCiteAt } from '../../src/core/editor/citations';

const keysOf = (text: string): Set<string> => new Set(bibEntries(text).map((e) => e.key));

suite('editor: which citation form a file wants', () => {
  test('by language, with per-language overrides', () => {
    assert.equal(insertFormatFor('latex'), 'latex');
    assert.equal(insertFormatFor('markdown'), 'pandoc');
    assert.equal(insertFormatFor('quarto'), 'pandoc');
    assert.equal(insertFormatFor('bibtex'), 'bibtex');
    assert.equal(insertFormatFor('python'), 'comment');
    assert.equal(insertFormatFor('plaintext'), 'text');
    assert.equal(insertFormatFor('markdown', { markdown: 'markdown' }), 'markdown');
  });
  test("each language's comment syntax", () => {
    assert.deepEqual(commentSyntax('python'), { start: '# ', end: '' });
    assert.deepEqual(commentSyntax('typescript'), { start: '// ', end: '' });
    assert.deepEqual(commentSyntax('cpp'), { start: '// ', end: '' });
    assert.deepEqual(commentSyntax('lua'), { start: '-- ', end: '' });
    assert.deepEqual(commentSyntax('css'), { start: '/* ', end: ' */' });
  });
});

suite('editor: citations at the cursor', () => {
  test('finds the \\cite group, with optional arguments and variants', () => {
    assert.deepEqual(latexCiteAt('as \\citep[see][p.~2]{a, b} x', 12)?.keys, ['a', 'b']);
    assert.equal(latexCiteAt('as \\citep{a} x', 14), undefined);
    assert.deepEqual(pandocCiteAt('as [@a; @b, p. 3] x', 6)?.keys, ['a', 'b']);
  });
  test('merges a key into the \\cite{…} at the cursor', () => {
    const line = 'see \\cite{pan2022fast} for';
    const e = citeEdit(line, 12, 'liu2024', 'latex');
    assert.equal(line.slice(0, e.start) + e.text + line.slice(e.end), 'see \\cite{pan2022fast, liu2024} for');
  });
  test('merges into [@…] in Markdown', () => {
    const line = 'see [@pan2022fast] for';
    const e = citeEdit(line, 8, 'liu2024', 'pandoc');
    assert.equal(line.slice(0, e.start) + e.text + line.slice(e.end), 'see [@pan2022fast; @liu2024] for');
  });
  test('a key already in the group is not added twice', () => {
    assert.equal(citeEdit('\\cite{a, b}', 7, 'b', 'latex').alreadyCited, true);
  });
  test('outside a group, a new citation with the configured command', () => {
    assert.deepEqual(citeEdit('we use it.', 6, 'k', 'latex', 'citep'), { start: 6, end: 6, text: '\\citep{k}', alreadyCited: false });
    assert.deepEqual(citeEdit('we use it.', 6, 'k', 'pandoc'), { start: 6, end: 6, text: '[@k]', alreadyCited: false });
    const empty = citeEdit('\\cite{}', 6, 'k', 'latex');
    assert.equal(empty.text, 'k');
  });
  test('the key under the cursor, for citation hovers', () => {
    assert.equal(citationKeyAt('see \\cite{pan2022fast, liu2024}', 12), 'pan2022fast');
    assert.equal(citationKeyAt('see \\cite{pan2022fast, liu2024}', 26), 'liu2024');
    assert.equal(citationKeyAt('see [@pan2022fast; @liu2024]', 22), 'liu2024');
    assert.equal(citationKeyAt('as @pan2022fast says', 6), 'pan2022fast');
    assert.equal(citationKeyAt('email me at a@b.c', 14), undefined);
    assert.equal(citationKeyAt('plain text', 3), undefined);
  });
  test('completion after \\cite{, \\citep{a, and [@', () => {
    assert.deepEqual(keyCompletionAt('as in \\cite{', 'latex'), { prefix: '', start: 12, kind: 'latex' });
    assert.deepEqual(keyCompletionAt('as in \\citep{a, pa', 'latex'), { prefix: 'pa', start: 16, kind: 'latex' });
    assert.deepEqual(keyCompletionAt('see [@', 'markdown'), { prefix: '', start: 6, kind: 'pandoc' });
    assert.equal(keyCompletionAt('as in \\cite{a} and', 'latex'), undefined);
    assert.equal(keyCompletionAt('mail a@b', 'markdown'), undefined);
    assert.equal(keyCompletionAt('\\cite{', 'python'), undefined);
  });
});

suite('editor: bibliography files', () => {
  test('from \\bibliography and \\addbibresource, ignoring comments', () => {
    const tex = '% \\bibliography{old}\n\\bibliography{refs, more.bib}\n\\addbibresource[label=x]{lib/extra.bib}\n';
    assert.deepEqual(bibliographyFiles(tex, 'latex'), ['refs.bib', 'more.bib', 'lib/extra.bib']);
  });
  test('from YAML front matter: a string, a flow list, a block list', () => {
    assert.deepEqual(bibliographyFiles('---\ntitle: "A"\nbibliography: "refs.bib"\n---\nbody', 'markdown'), ['refs.bib']);
    assert.deepEqual(bibliographyFiles('---\nbibliography: [a.bib, "b.bib"]\n---\n', 'quarto'), ['a.bib', 'b.bib']);
    assert.deepEqual(bibliographyFiles('---\nbibliography:\n  - a.bib\n  - b.bib\ntitle: x\n---\n', 'markdown'), ['a.bib', 'b.bib']);
    assert.deepEqual(bibliographyFiles('no front matter\nbibliography: x.bib', 'markdown'), []);
  });
  test('keys and spans of .bib entries, skipping @string and @comment', () => {
    const bib = '@string{x = "y"}\n@misc{a,\n  title = {A {B} c},\n}\n@comment{ignore me}\n@Article( b , title = "T")\n';
    assert.deepEqual([...keysOf(bib)], ['a', 'b']);
    const a = bibEntries(bib)[0];
    assert.equal(bib.slice(a?.start, a?.end), '@misc{a,\n  title = {A {B} c},\n}');
  });
  test('an unclosed entry runs to the end and does not hide later keys badly', () => {
    assert.deepEqual([...keysOf('@misc{a,\n title = {oops\n')], ['a']);
  });
  test('appending keeps the file’s line endings and a blank line between entries', () => {
    assert.equal(appendText('', '@misc{b,\n}'), '@misc{b,\n}\n');
    assert.equal(appendText('@misc{a,\r\n}\r\n', '@misc{b,\n}'), '\r\n@misc{b,\r\n}\r\n');
    assert.equal(appendText('@misc{a,\n}', '@misc{b,\n}'), '\n\n@misc{b,\n}\n');
  });
});

suite('editor: adding an entry to a .bib never changes what is there', () => {
  const hilo = (key: string) => `@misc{${key},\n  title = {Fast Vision Transformers with {HiLo} Attention},\n  year  = {2022}\n}`;

  test('a free key: appended under it', () => {
    assert.deepEqual(planBibEntry('@misc{other,\n  title = {Other}\n}\n', 'pan2022fast', hilo), { kind: 'append', key: 'pan2022fast', text: hilo('pan2022fast') });
  });
  test('the same paper under the same key, however the user edited the entry: cited, nothing added', () => {
    const edited = '@article{pan2022fast,\n  title = "Fast vision transformers with HiLo attention",\n  journal = {NeurIPS},\n  year = 2022,\n}\n';
    assert.deepEqual(planBibEntry(edited, 'pan2022fast', hilo), { kind: 'present', key: 'pan2022fast' });
  });
  test('the same paper under another key (the user\'s own, or a suffixed one from before): that key is cited', () => {
    const theirs = '@inproceedings{Pan2022HiLo,\n  title={Fast Vision Transformers with {H}i{L}o Attention},\n  author={Pan, Zizheng},\n}\n';
    assert.deepEqual(planBibEntry(theirs, 'pan2022fast', hilo), { kind: 'present', key: 'Pan2022HiLo' });
  });
  test('the same title in another year is another paper', () => {
    const p = planBibEntry('@misc{x, title = {Fast Vision Transformers with HiLo Attention}, year = {2019}}', 'pan2022fast', hilo);
    assert.equal(p.kind, 'append');
  });
  test('another paper under the same key: kept, and this one gets the first free suffix no other corpus paper wants', () => {
    const clash = '@misc{pan2022fast,\n  title = {Fast Panoptic Segmentation}\n}\n@misc{pan2022fasta, title = {Fast Again}}\n';
    const plan = planBibEntry(clash, 'pan2022fast', hilo, (k) => k === 'pan2022fastb');
    assert.deepEqual(plan, { kind: 'append', key: 'pan2022fastc', text: hilo('pan2022fastc'), clash: 'pan2022fast' });
    // Citing it again finds it under the suffixed key: never twice.
    const after = clash + appendText(clash, plan.kind === 'append' ? plan.text : '');
    assert.deepEqual(planBibEntry(after, 'pan2022fast', hilo), { kind: 'present', key: 'pan2022fastc' });
  });
  test('a file whose entry never closes is refused with its line: an appended entry would land inside it', () => {
    const broken = '@misc{a,\n  title = {A}\n}\n\n@misc{b,\n  title = {B\n}\n';
    assert.deepEqual(planBibEntry(broken, 'pan2022fast', hilo), {
      kind: 'refuse',
      problem: { line: 5, reason: 'the entry "b" that starts on line 5 never closes (its braces do not balance)' },
    });
    assert.match(bibProblem('@comment{x, {unclosed}\n@misc{a, title={A}}')?.reason ?? '', /the @comment "x" that starts on line 1 never closes/);
    assert.match(bibProblem('% notes\n@string(x, "y"\n')?.reason ?? '', /the @string "x" that starts on line 2 never closes/);
    assert.equal(bibProblem('text BibTeX ignores } { between entries\n@misc{a, title = {A}}\n'), undefined);
  });
  test('fields and titles are read as BibTeX writes them', () => {
    const e = '@misc{k,\n  title = {A {B} c},\n  note = "x, {y}",\n  year = 2022\n}';
    assert.equal(bibField(e, 'title'), 'A {B} c');
    assert.equal(bibField(e, 'NOTE'), 'x, {y}');
    assert.equal(bibField(e, 'year'), '2022');
    assert.equal(bibField(e, 'author'), undefined);
    assert.equal(comparableTitle('{S$^{2}$FT}: Rozi{\\`e}re\\textquoteright s {KV}'), comparableTitle('S²FT: Rozière s KV'));
  });
});

suite('editor: a comment citation cannot end its comment early', () => {
  test('line breaks become spaces in any language', () => {
    assert.equal(commentLine('python', 'See: A\nB\u2028C (2024), k'), '# See: A B C (2024), k');
    assert.equal(commentLine('typescript', 'See: A\r\nrequire("x")'), '// See: A require("x")');
  });
  test('a block comment end in the text is broken up', () => {
    assert.equal(commentLine('css', 'See: a */ body { display: none } /*, k'), '/* See: a * / body { display: none } /*, k */');
  });
  test('an HTML comment end in the text is broken up', () => {
    assert.equal(commentLine('html', 'See: x --> <script>alert(1)</script> --!>, k'), '<!-- See: x - -> <script>alert(1)</script> - -!>, k -->');
  });
});

suite('editor: regressions found by the bibliography property test', () => {
  test('of two entries with one key only the first counts, as in BibTeX: the second is not what the key cites', () => {
    const hilo = (key: string) => `@misc{${key},\n  title = {Fast Vision Transformers with {HiLo} Attention}\n}`;
    const twice = '@misc{liu2024,\n  title = {Another Paper}\n}\n@misc{liu2024,\n  title = {Fast Vision Transformers with HiLo Attention}\n}\n';
    assert.deepEqual(planBibEntry(twice, 'pan2022fast', hilo), { kind: 'append', key: 'pan2022fast', text: hilo('pan2022fast') });
  });
});
