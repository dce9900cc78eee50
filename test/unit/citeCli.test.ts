import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type CslItem, formatBibliography } from '../../src/core/cite/formats';
import { assignKeys } from '../../src/core/cite/keys';
import { REPO, realCorpus } from '../support/realCorpus';
import { runCli as run } from '../support/runCli';

const HILO = 'fast-vision-transformers-with-hilo-attention';
/** A paper the corpus knows only by its title: no authors, no year. Chosen from the data, so filling in metadata does not break the test. */
const thinPaper = () => {
  const papers = realCorpus().papers;
  const keys = assignKeys(papers);
  const p = papers.find((x) => x.authors.length === 0 && x.year === undefined && !x.authorCount);
  assert.ok(p, 'the corpus has a paper known only by its title');
  return { paper: p, key: keys.get(p.id) as string };
};

suite('cli: cite', () => {
  test('an id prints the BibTeX entry, with the corpus-wide key, and nothing on stderr', () => {
    const r = run('cite', HILO);
    assert.equal(r.code, 0);
    assert.match(r.out, /^@inproceedings\{pan2022fast,\n {2}title {9}= \{Fast Vision Transformers with \{HiLo\} Attention\},/);
    assert.equal(r.err, '');
  });
  test('a unique id prefix is enough', () => {
    assert.match(run('cite', 'fast-vision-transformers-with-hi').out, /^@inproceedings\{pan2022fast,/);
    const { paper, key } = thinPaper();
    assert.match(run('cite', paper.id.slice(0, 30)).out, new RegExp(`^% Missing from the PaperLens corpus: authors, year\\..*\\n@misc\\{${key},`));
  });
  test('a query cites the best search hit and says which paper it picked on stderr', () => {
    const r = run('cite', 'hilo', 'attention', '--format', 'latex');
    assert.equal(r.code, 0);
    assert.equal(r.out, '\\cite{pan2022fast}\n');
    assert.match(r.err, /"hilo attention" is not a paper id; citing the best search match: Fast Vision Transformers with HiLo Attention \(fast-vision-transformers-with-hilo-attention\)/);
  });
  test('an ambiguous id prefix falls back to search rather than failing', () => {
    const r = run('cite', 'deepseek', '--format', 'pandoc');
    assert.equal(r.code, 0);
    assert.match(r.out, /^\[@deepseekai\d{4}deepseek[a-z0-9]+\]\n$/);
    assert.match(r.err, /citing the best search match/);
  });
  test('every format, from the same key', () => {
    const expected: Record<string, RegExp> = {
      bibtex: /^@inproceedings\{pan2022fast,/,
      biblatex: /^@inproceedings\{pan2022fast,\n[^]*date {8}= \{2022\}/,
      latex: /^\\cite\{pan2022fast\}\n$/,
      pandoc: /^\[@pan2022fast\]\n$/,
      markdown: /^Pan, Z\., Cai, J\., & Zhuang, B\. \(2022\)\. \[Fast Vision Transformers with HiLo Attention\]\(https:\/\/arxiv\.org\/abs\/2205\.13213\)\. \*Advances in Neural Information Processing Systems\*\.\n$/,
      text: /^Pan, Z\., Cai, J\., & Zhuang, B\. \(2022\)\. Fast Vision Transformers with HiLo Attention\. Advances in Neural Information Processing Systems\. https:\/\/arxiv\.org\/abs\/2205\.13213\n$/,
      comment: /^# See: Fast Vision Transformers with HiLo Attention \(2022\), pan2022fast\n$/,
      'csl-json': /^\{\n {2}"id": "pan2022fast",\n {2}"type": "paper-conference",/,
    };
    for (const [format, re] of Object.entries(expected)) {
      const r = run('cite', HILO, '--format', format);
      assert.equal(r.code, 0, format);
      assert.match(r.out, re, format);
    }
  });
  test('--command and --prefix pick the \\cite variant and the comment marker', () => {
    assert.equal(run('cite', HILO, '--format', 'latex', '--command', 'citep').out, '\\citep{pan2022fast}\n');
    assert.equal(run('cite', HILO, '--format=comment', '--prefix=//').out, '// See: Fast Vision Transformers with HiLo Attention (2022), pan2022fast\n');
  });
  test('--abstract adds the abstract to the entry', () => {
    assert.match(run('cite', HILO, '--abstract').out, /^ {2}abstract {6}= \{Vision Transformers \(ViTs\) have triggered/m);
    assert.ok((JSON.parse(run('cite', HILO, '--format', 'csl-json', '--abstract').out) as CslItem).abstract?.startsWith('Vision Transformers'));
  });
  test('formats that cannot carry a comment say on stderr what is missing', () => {
    const { paper, key } = thinPaper();
    const r = run('cite', paper.id, '--format', 'csl-json');
    assert.deepEqual(JSON.parse(r.out), { id: key, type: 'article', title: paper.title, ...(paper.codeUrl ? { URL: paper.codeUrl } : {}) });
    assert.equal(r.err, 'paperlens: Missing from the PaperLens corpus: authors, year\n');
  });
  test('usage errors exit 2: unknown format, misplaced options, no paper', () => {
    const cases: [string[], RegExp][] = [
      [['cite', HILO, '--format', 'ris'], /unknown --format "ris"; use one of: bibtex, biblatex, latex, pandoc, markdown, text, comment, csl-json/],
      [['cite', HILO, '--format', 'latex', '--command', 'footcite'], /unknown --command "footcite"/],
      [['cite', HILO, '--command', 'citep'], /--command only applies to --format latex/],
      [['cite', HILO, '--prefix', '//'], /--prefix only applies to --format comment/],
      [['cite', HILO, '--format', 'latex', '--abstract'], /--abstract only applies to --format bibtex, biblatex, csl-json/],
      [['cite'], /cite needs a paper id or a search query/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message, args.join(' '));
      assert.match(r.err, /\n\nusage: paperlens cite /, args.join(' '));
    }
  });
  test('a query that matches nothing exits 1', () => {
    const r = run('cite', 'zzqqxx');
    assert.equal(r.code, 1);
    assert.equal(r.err, 'paperlens: no paper matches "zzqqxx"\n');
  });
});

suite('cli: bib', () => {
  const papers = realCorpus().papers;
  const keys = assignKeys(papers);

  test('prints the whole corpus as BibTeX by default, exactly as the core formats it', () => {
    const r = run('bib');
    assert.equal(r.code, 0);
    assert.equal(r.out, `${formatBibliography(papers, keys, 'bibtex')}\n`);
    assert.equal((r.out.match(/^@(?:misc|inproceedings|article)\{/gm) ?? []).length, 397);
    assert.equal((r.out.match(/^@inproceedings\{/gm) ?? []).length, papers.filter((p) => p.venue?.type === 'conference' && p.authors.length > 0).length);
  });
  test('--format biblatex and --abstract', () => {
    const out = run('bib', '--format', 'biblatex', '--abstract').out;
    assert.equal((out.match(/^@(?:online|inproceedings|article)\{/gm) ?? []).length, 397);
    assert.equal((out.match(/^ {2}abstract += \{/gm) ?? []).length, papers.filter((p) => p.abstract !== '').length);
  });
  test('--format csl-json prints one JSON array with every paper', () => {
    const items = JSON.parse(run('bib', '--format', 'csl-json').out) as CslItem[];
    assert.equal(items.length, 397);
    assert.equal(new Set(items.map((i) => i.id)).size, 397);
  });
  test('formats that are not a bibliography, and stray arguments, exit 2', () => {
    for (const args of [['bib', '--format', 'latex'], ['bib', '--format', 'ris'], ['bib', 'extra']]) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^paperlens: .+\n\nusage: paperlens bib /, args.join(' '));
    }
  });
});

suite('cli: cite and bib in the built dist/cli.js', () => {
  const cli = join(REPO, 'dist', 'cli.js');
  suiteSetup(function () {
    if (!existsSync(cli)) this.skip(); // npm test builds first; a bare `mocha` run may not have
  });
  test('run on the shipped data', () => {
    const cite = spawnSync(process.execPath, [cli, 'cite', HILO], { encoding: 'utf8' });
    assert.equal(cite.status, 0, cite.stderr);
    assert.match(cite.stdout, /^@inproceedings\{pan2022fast,/);
    const bib = spawnSync(process.execPath, [cli, 'bib', '--format', 'csl-json'], { encoding: 'utf8' });
    assert.equal(bib.status, 0, bib.stderr);
    assert.equal((JSON.parse(bib.stdout) as unknown[]).length, 397);
    assert.equal(spawnSync(process.execPath, [cli, 'cite', HILO, '--format', 'ris']).status, 2);
  });
  test('survive a reader that stops early: `paperlens bib | head` is not a crash', () => {
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" bib --abstract | head -n 3`], { encoding: 'utf8' });
    assert.equal(piped.status, 0);
    assert.equal(piped.stderr, '');
    assert.match(piped.stdout, /^% PaperLens bibliography: 397 entries\./);
  });
});
