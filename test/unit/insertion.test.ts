import * as assert from 'node:assert/strict';
import type { CitationFormat } from '../../src/core/cite/formats';
import { type CiteRequest, type CiteSite, citedKey, planCitation } from '../../src/core/editor/insertion';

const TITLE = 'Fast Vision Transformers with HiLo Attention';

/** A paper's citation in each form, as the extension's formatter would give it. */
const render = (format: CitationFormat, key: string): string => {
  if (format === 'comment') return `See: ${TITLE} (2022), ${key}`;
  if (format === 'bibtex' || format === 'biblatex') return `@${format === 'bibtex' ? 'inproceedings' : 'misc'}{${key},\n  title = {${TITLE}},\n  year = {2022}\n}`;
  return `${format} of ${key}`;
};

const site = (text: string, col: number, extra: Partial<CiteSite> = {}): CiteSite => ({ languageId: 'latex', line: 7, col, text, eol: '\n', ...extra });
const req = (format: CiteRequest['format'], extra: Partial<CiteRequest> = {}): CiteRequest => ({ format, key: 'pan2022fast', latexCommand: 'cite', render, ...extra });

suite('editor: planning a citation at the cursor', () => {
  test('LaTeX: a new \\cite at the cursor, in the configured command', () => {
    assert.deepEqual(planCitation(site('We use HiLo.', 11), req('latex', { latexCommand: 'citep' })), {
      key: 'pan2022fast',
      edit: { line: 7, start: 11, end: 11, text: '\\citep{pan2022fast}' },
      alreadyCited: false,
    });
  });
  test('LaTeX: the key joins the \\cite the cursor is in; a key already there changes nothing', () => {
    assert.deepEqual(planCitation(site('as in \\cite{a} we', 12), req('latex')).edit, { line: 7, start: 13, end: 13, text: ', pan2022fast' });
    assert.deepEqual(planCitation(site('as in \\cite{a, pan2022fast} we', 12), req('latex')), { key: 'pan2022fast', edit: undefined, alreadyCited: true });
  });
  test('Pandoc: a new [@key], or one more key in the [@…] at the cursor', () => {
    const md = (text: string, col: number): CiteSite => site(text, col, { languageId: 'markdown' });
    assert.equal(planCitation(md('We use HiLo.', 11), req('pandoc')).edit?.text, '[@pan2022fast]');
    assert.equal(planCitation(md('HiLo [@a] is fast', 7), req('pandoc')).edit?.text, '; @pan2022fast');
  });
  test('after a technique name: the lead goes before a new citation only', () => {
    const lead = { latex: '~', pandoc: ' ' };
    assert.equal(planCitation(site('We use HiLo.', 11, { lead }), req('latex')).edit?.text, '~\\cite{pan2022fast}');
    assert.equal(planCitation(site('HiLo [@a] x', 9, { languageId: 'markdown', lead }), req('pandoc')).edit?.text, '; @pan2022fast');
    assert.equal(planCitation(site('HiLo x', 4, { languageId: 'markdown', lead }), req('pandoc')).edit?.text, ' [@pan2022fast]');
  });
  test('the key the bibliography file gave the paper is the one cited', () => {
    assert.equal(citedKey('pan2022fast', undefined), 'pan2022fast');
    assert.equal(citedKey('pan2022fast', 'pan2022fasta'), 'pan2022fasta');
    const plan = planCitation(site('x', 1), req('latex', { bibliographyKey: 'hilo' }));
    assert.equal(plan.key, 'hilo');
    assert.equal(plan.edit?.text, '\\cite{hilo}');
  });
  test("code: a comment in the language's syntax above the cursor's line, indented like it, in the document's line break", () => {
    const py = site('    x = attn(x)', 8, { languageId: 'python', eol: '\r\n' });
    assert.deepEqual(planCitation(py, req('comment')).edit, { line: 7, start: 0, end: 0, text: `    # See: ${TITLE} (2022), pan2022fast\r\n` });
    const blank = site('  ', 2, { languageId: 'typescript' });
    assert.deepEqual(planCitation(blank, req('comment')).edit, { line: 7, start: 0, end: 2, text: `  // See: ${TITLE} (2022), pan2022fast` });
  });
  test('paper text cannot end the comment early', () => {
    const evil = (): string => 'See: a */ b --> c';
    assert.equal(planCitation(site('', 0, { languageId: 'css' }), req('comment', { render: evil })).edit?.text, '/* See: a * / b --> c */');
    assert.equal(planCitation(site('', 0, { languageId: 'html' }), req('comment', { render: evil })).edit?.text, '<!-- See: a */ b - -> c -->');
  });
  test('a .bib file: the entry at the cursor, by the rules of a bibliography file', () => {
    const bib = (text: string): CiteSite => site(text, 0, { languageId: 'bibtex' });
    const fresh = planCitation(bib(''), req('bibtex', { bibFile: '' }));
    assert.deepEqual(fresh, { key: 'pan2022fast', edit: { line: 7, start: 0, end: 0, text: render('bibtex', 'pan2022fast') }, alreadyCited: false });
    // The paper already there, under any key: cited under that key, nothing added.
    const there = `@misc{hilo,\n  title = {${TITLE}},\n  year = {2022}\n}\n`;
    assert.deepEqual(planCitation(bib(''), req('bibtex', { bibFile: there })), { key: 'hilo', edit: undefined, alreadyCited: true });
    // Another paper under the key: this one gets a suffix that no corpus paper has either.
    const other = '@misc{pan2022fast,\n  title = {Another Paper}\n}\n';
    const suffixed = planCitation(bib(''), req('biblatex', { bibFile: other, isTaken: (k) => k === 'pan2022fasta' }));
    assert.equal(suffixed.key, 'pan2022fastb');
    assert.equal(suffixed.edit?.text, render('biblatex', 'pan2022fastb'));
  });
  test('a .bib file that does not parse still gets the entry where it was asked for, and says what is wrong', () => {
    const plan = planCitation(site('', 0, { languageId: 'bibtex' }), req('bibtex', { bibFile: '@misc{open,\n  title = {never closed}\n' }));
    assert.equal(plan.key, 'pan2022fast');
    assert.equal(plan.edit?.text, render('bibtex', 'pan2022fast'));
    assert.equal(plan.alreadyCited, false);
    assert.ok(plan.problem && plan.problem.length > 0);
  });
  test('text and Markdown references: the formatted citation at the cursor', () => {
    assert.deepEqual(planCitation(site('See ', 4, { languageId: 'plaintext' }), req('text')).edit, { line: 7, start: 4, end: 4, text: 'text of pan2022fast' });
    assert.equal(planCitation(site('', 0, { languageId: 'markdown' }), req('markdown')).edit?.text, 'markdown of pan2022fast');
  });
});
