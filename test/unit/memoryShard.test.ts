import * as assert from 'node:assert/strict';
import { buildShards } from '../../src/build/search/buildShards';
import { PaperSearch } from '../../src/core/search/engine';
import { buildMemoryShard } from '../../src/core/search/memoryShard';
import { NAME_FIELDS, toIndexedPaper } from '../../src/core/search/options';
import { IndexShard } from '../../src/core/search/shard';
import { techniqueNamesByPaper } from '../../src/core/techniques/papers';
import { runNow } from '../../src/core/util/sliced';
import { loadRelevance } from '../eval/searchEval';
import { realCorpus, realLexicon } from '../support/realCorpus';

suite('search: an index built at run time (the user library\'s)', () => {
  const papers = realCorpus().papers;
  const names = techniqueNamesByPaper(realLexicon());
  const techniquesOf = (id: string): readonly string[] => names.get(id) ?? [];
  const built = runNow(IndexShard.decode(buildShards(papers, (p) => techniquesOf(p.id)).names));
  const memory = runNow(
    buildMemoryShard(NAME_FIELDS, papers, (p) => {
      const x = toIndexedPaper(p, techniquesOf(p.id));
      return NAME_FIELDS.map((f) => x[f as keyof typeof x]);
    }),
  );

  test('over the corpus\'s name fields it holds what the build writes: the same terms, postings and term counts', () => {
    const terms = (s: IndexShard): string[] => [...s.terms.terms];
    assert.deepEqual(terms(memory), terms(built));
    assert.equal(memory.docs.length, built.docs.length);
    for (const term of terms(built).filter((_, i) => i % 7 === 0)) {
      const a = built.terms.get(term) as number;
      const b = memory.terms.get(term) as number;
      for (let slot = 0; slot < NAME_FIELDS.length; slot++) {
        const F = NAME_FIELDS.length;
        const slice = (s: IndexShard, t: number): string => {
          const from = s.start[t * F + slot] as number;
          const to = s.start[t * F + slot + 1] as number;
          return `${[...s.docs.subarray(from, to)].join(',')} / ${[...s.tfs.subarray(from, to)].join(',')}`;
        };
        assert.equal(slice(memory, b), slice(built, a), `${term} in ${NAME_FIELDS[slot]}`);
      }
    }
  });

  test('and the engine ranks the relevance queries, typed key by key, the same over either', () => {
    const a = PaperSearch.fromShards(papers, built);
    const b = PaperSearch.fromShards(papers, memory);
    for (const { query } of loadRelevance()) {
      for (let i = 1; i <= query.length; i++) {
        const q = query.slice(0, i);
        assert.deepEqual(b.search(q, { limit: 10 }).map((h) => h.paper.id), a.search(q, { limit: 10 }).map((h) => h.paper.id), q);
      }
    }
  });

  test('no documents, and documents with empty fields, give an index that finds nothing', () => {
    const empty = runNow(buildMemoryShard(['title'], [], (d: string) => [d]));
    assert.equal(empty.documentCount, 0);
    const blank = runNow(buildMemoryShard(['title', 'authors'], ['', 'the of'], (d) => [d, '']));
    assert.equal(blank.docs.length, 0);
    assert.equal(blank.terms.size, 0);
  });
});
