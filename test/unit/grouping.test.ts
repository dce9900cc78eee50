import * as assert from 'node:assert/strict';
import { groupPapers } from '../../src/core/browse/grouping';
import { realCorpus, realLexicon } from '../support/realCorpus';

suite('browse: grouping papers for the sidebar', () => {
  test('by year: newest first, "Year not listed" last, every paper once', () => {
    const groups = groupPapers(realCorpus(), realLexicon(), 'year');
    assert.equal(groups[0]?.label, '2025');
    assert.equal(groups[groups.length - 1]?.label, 'Year not listed');
    assert.equal(groups.reduce((n, g) => n + g.paperIds.length, 0), realCorpus().papers.length);
  });
  test('by source: one group per seed file', () => {
    const groups = groupPapers(realCorpus(), realLexicon(), 'source');
    assert.equal(groups.length, 5);
    assert.equal(groups[1]?.description, 'bare abstracts · 10 papers');
  });
  test('by technique: techniques papers are about first, every paper somewhere', () => {
    const groups = groupPapers(realCorpus(), realLexicon(), 'technique');
    const sizes = groups.filter((g) => g.label !== 'Other papers').map((g) => g.paperIds.length);
    assert.equal(sizes[0], Math.max(...sizes), 'the technique with the most papers first');
    assert.equal(groups[groups.length - 1]?.label, 'Other papers');
    const seen = new Set(groups.flatMap((g) => g.paperIds));
    assert.equal(seen.size, realCorpus().papers.length);
  });
});
