import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARD_PAPERS, techniqueCardModel } from '../../src/core/browse/techniqueCard';
import { yearAndAuthors } from '../../src/core/corpus/display';
import { BUILD_FIRST, REBUILD, REINSTALL, forInstalledUsers } from '../../src/core/corpus/remedies';
import { bibliographyFiles } from '../../src/core/editor/bibliography';
import { CITING_LANGUAGES, insertFormatFor, keyCompletionAt, needsBibliography } from '../../src/core/editor/citations';
import { escapeMarkdown, techniqueCardMarkdown } from '../../src/extension/hover/cardMarkdown';
import { REPO, paperById, realData, realMatcher } from '../support/realCorpus';
import { runCli } from '../support/runCli';

/** Words and lists that several places show or use, each from one source, so the places agree. */
suite('one source for each vocabulary', () => {
  test('"year · authors": the long and the short form, and "introduces" first', () => {
    const hilo = paperById('fast-vision-transformers-with-hilo-attention');
    assert.equal(yearAndAuthors(hilo), '2022 · Zizheng Pan, Jianfei Cai, Bohan Zhuang');
    assert.equal(yearAndAuthors(hilo, { short: true }), '2022 · Pan et al.');
    assert.equal(yearAndAuthors(hilo, { introduces: true }), 'introduces · 2022 · Zizheng Pan, Jianfei Cai, Bohan Zhuang');
    const thin = realData().corpus.papers.find((p) => p.authors.length === 0 && !p.organization && !p.authorCount && p.year === undefined);
    assert.ok(thin);
    assert.equal(yearAndAuthors(thin), 'year unknown · authors unknown');
    assert.equal(yearAndAuthors(thin, { short: true }), 'year unknown · authors unknown');
  });

  test('remedies: a user of the installed extension is told to reinstall, a clone to build', () => {
    assert.equal(forInstalledUsers(`manifest.json is damaged; ${REBUILD}`), 'manifest.json is damaged; reinstall PaperLens (in a clone, "npm run build")');
    assert.equal(forInstalledUsers(`a; ${REBUILD}. b; ${REBUILD}`), `a; ${REINSTALL} (in a clone, "npm run build"). b; ${REINSTALL} (in a clone, "npm run build")`);
    assert.equal(forInstalledUsers('no advice here'), 'no advice here');
    assert.equal(BUILD_FIRST, 'run "npm run build" first');
  });

  test('the citing languages are the ones citations are inserted in by key, and keys complete in each', () => {
    for (const lang of CITING_LANGUAGES) {
      assert.ok(needsBibliography(insertFormatFor(lang)), lang);
      const before = insertFormatFor(lang) === 'latex' ? 'as in \\cite{pan' : 'see [@pan';
      assert.equal(keyCompletionAt(before, lang)?.prefix, 'pan', lang);
    }
    for (const lang of ['doctex', 'context', 'latex-expl3', 'pandoc']) assert.ok(CITING_LANGUAGES.includes(lang), lang);
  });

  test('every LaTeX language names its bibliography with \\bibliography', () => {
    for (const lang of CITING_LANGUAGES.filter((l) => insertFormatFor(l) === 'latex')) {
      assert.deepEqual(bibliographyFiles('\\bibliography{refs}', lang), ['refs.bib'], lang);
    }
  });
});

suite('the technique card: one model for the editor and the CLI', () => {
  test('the card and `paperlens hover` list the same papers and count the same rest', () => {
    const file = join(REPO, 'test', 'fixtures', 'workspace', 'model.py');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('class MultiHeadLatentAttention'));
    const col = (lines[line] ?? '').indexOf('MultiHeadLatentAttention') + 1;
    const cli = runCli('hover', `${file}:${line + 1}:${col + 1}`).out;
    const m = realMatcher().matchIdentifier('MultiHeadLatentAttention');
    assert.ok(m);
    const card = techniqueCardModel(m, realData().papersById);
    assert.equal(card.papers.length, Math.min(CARD_PAPERS, m.technique.papers.length));
    const listed = [...cli.matchAll(/^ {14}(\S+)$/gm)].map((x) => x[1]);
    assert.deepEqual(listed, card.papers.map((p) => p.id));
    const md = techniqueCardMarkdown(m, realData().papersById);
    for (const p of card.papers) assert.ok(p.paper && md.includes(`**${escapeMarkdown(p.paper.title)}**`), p.id);
    const others = m.technique.papers.slice(CARD_PAPERS).flatMap((tp) => realData().papersById.get(tp.id) ?? []);
    for (const p of others) assert.ok(!md.includes(`**${escapeMarkdown(p.title)}**`), `${p.id} is not on the card`);
    if (card.more > 0) {
      assert.match(cli, new RegExp(`… ${card.more} more\\n`));
      assert.ok(md.includes(`[\\+${card.more} more]`), md);
    }
  });
});
