import * as assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import type { Paper } from '../../src/schema/corpus';
import { titleKey } from '../../src/core/corpus/titles';
import { buildSearch, buildShards } from '../../src/build/search/buildShards';
import { PaperSearch, queryTerms } from '../../src/core/search/engine';
import { SEARCH_OPTIONS, camelParts, processIndexTerm, toIndexedPaper, toQuery, tokenize } from '../../src/core/search/options';
import fc from 'fast-check';
import { TermDictionary, typoDistance } from '../../src/core/search/terms';
import { TYPO_KINDS, titleQueries } from '../../bench/typos';
import { IndexShard, type ShardJson, type ShardPart } from '../../src/core/search/shard';
import { techniqueNamesByPaper } from '../../src/core/techniques/papers';
import { runNow } from '../../src/core/util/sliced';
import { figures, loadRelevance, runSearchEval } from '../eval/searchEval';
import { realCorpus, realLexicon, realSearch } from '../support/realCorpus';
import { rerank } from '../support/rerank';
import { makePaper, person } from '../support/papers';

const top = (q: string, n = 5): string[] =>
  realSearch()
    .search(q, { limit: n })
    .map((h) => h.paper.id);

suite('search: tokens', () => {
  test('coined names yield their CamelCase parts and their stem', () => {
    assert.deepEqual(camelParts('TransMLA'), ['trans', 'mla']);
    assert.deepEqual(camelParts('SnapKV'), ['snap', 'kv']);
    assert.deepEqual(camelParts('LITv2'), ['lit']);
    assert.deepEqual(camelParts('YOLOv12'), ['yolo']);
    assert.deepEqual(camelParts('LLaVA'), []);
    assert.deepEqual(camelParts('MoE'), []);
    assert.deepEqual(processIndexTerm('the'), null);
  });
  test('hyphenated names are also one token; super/subscripts fold to digits', () => {
    assert.deepEqual(tokenize('SN-Net and S²FT'), ['SN', 'Net', 'SNNet', 'and', 'S2FT']);
    assert.deepEqual(queryTerms('the H₂O of it'), ['h2o']);
  });
});

suite('search: MiniSearch semantics', () => {
  // With typos off, the executor must rank exactly as MiniSearch's own search() (plus our re-ranking) would;
  // typo tolerance is PaperLens's own (corrections ranked by distance and frequency, and the title tier),
  // and is checked by what users see below.
  const papers = realCorpus().papers;
  const names = techniqueNamesByPaper(realLexicon());
  const techniquesOf = (p: Paper): string[] => names.get(p.id) ?? [];
  const stock = new MiniSearch(SEARCH_OPTIONS);
  stock.addAll(papers.map((p) => toIndexedPaper(p, techniquesOf(p))));
  const byId = new Map(papers.map((p) => [p.id, p]));
  const reference = (q: string, limit: number): [string, number, string[]][] => {
    const terms = queryTerms(q);
    if (terms.length === 0) return [];
    const set = new Set(terms);
    return stock
      .search(toQuery(terms, { typos: false }))
      .map((r): [string, number, string[]] => [r.id as string, rerank(r.score, r.queryTerms.length, byId.get(r.id) as Paper, terms, set, titleKey(q)), [...r.queryTerms].sort()])
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, limit);
  };
  const unprunedShards = buildShards(papers, techniquesOf, null);
  const unpruned = PaperSearch.fromShards(papers, runNow(IndexShard.decode(unprunedShards.names)), { abstracts: runNow(IndexShard.decode(unprunedShards.abstracts)), typos: false });
  const queries = [...loadRelevance().map((r) => r.query), 'pan pan', 'vision transformer pruning', 'a b c d e f'];
  const typed = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

  test('with typos off, every prefix of every relevance query ranks as MiniSearch would, with the same scores', function () {
    // About 2,000 queries through MiniSearch itself, three times each: 10 to 20 s on a loaded 2-core machine.
    this.timeout(120_000);
    for (const q of typed) {
      for (const limit of [1, 10, 40]) {
        const got = unpruned.search(q, { limit }).map((h): [string, number, string[]] => [h.paper.id, h.score, [...h.matchedTerms].sort()]);
        const want = reference(q, limit);
        assert.deepEqual(got.map((x) => [x[0], x[2]]), want.map((x) => [x[0], x[2]]), `${q} (limit ${limit})`);
        got.forEach((x, i) => assert.ok(Math.abs(x[1] - (want[i]?.[1] ?? NaN)) <= 1e-9 * x[1], `${q}: score of ${x[0]}`));
      }
    }
  });
  test('typing a query with cached terms gives what a fresh engine gives', () => {
    const shards = buildShards(papers, techniquesOf);
    const names = runNow(IndexShard.decode(shards.names));
    const abstracts = runNow(IndexShard.decode(shards.abstracts));
    const parts = { abstracts };
    const typing = PaperSearch.fromShards(papers, names, parts);
    for (const q of typed) {
      assert.deepEqual(
        typing.search(q, { limit: 20 }).map((h) => [h.paper.id, h.score]),
        PaperSearch.fromShards(papers, names, parts)
          .search(q, { limit: 20 })
          .map((h) => [h.paper.id, h.score]),
        q,
      );
    }
  });
});

const termsOf = (shard: ShardJson): string[] => (shard.parts as ShardPart[]).flatMap((p) => p.terms);

suite('search: shards', () => {
  const papers = realCorpus().papers;
  test('a written and decoded shard answers like the built index', () => {
    const shards = buildShards(papers);
    const loaded = PaperSearch.fromShards(papers, runNow(IndexShard.decode(JSON.parse(JSON.stringify(shards.names)))));
    loaded.addAbstracts(runNow(IndexShard.decode(JSON.parse(JSON.stringify(shards.abstracts)))));
    const built = buildSearch(papers);
    for (const q of ['kv cache compression', 'transm', 'Zizheng Pan', 'speculatve decodng', 'MLA']) {
      assert.deepEqual(
        loaded.search(q).map((h) => [h.paper.id, h.score]),
        built.search(q).map((h) => [h.paper.id, h.score]),
        q,
      );
    }
  });
  test('without the abstract shard, titles, names and authors are still searched', () => {
    const shards = buildShards(papers);
    const names = PaperSearch.fromShards(papers, runNow(IndexShard.decode(shards.names)));
    assert.equal(names.hasAbstracts, false);
    assert.equal(names.search('transmla', { limit: 1 })[0]?.paper.id, 'transmla-multi-head-latent-attention-is-all-you-need');
    const abstractOnly = 'frequencies';
    assert.deepEqual(names.search(abstractOnly), []);
    names.addAbstracts(runNow(IndexShard.decode(shards.abstracts)));
    assert.ok(names.search(abstractOnly).length > 0);
  });
  test('salient terms keep each abstract to its 24 strongest terms', () => {
    const full = buildShards(papers, () => [], null).abstracts;
    const salient = buildShards(papers).abstracts;
    assert.ok(salient.pruned && !full.pruned);
    assert.ok(salient.postingCount <= 24 * papers.length, `${salient.postingCount} postings`);
    assert.ok(salient.postingCount < full.postingCount / 3);
  });
  test('the term dictionary finds exactly the terms within the typo limit, swaps counted as one typo', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 0, maxLength: 7 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), word, fc.integer({ min: 0, max: 2 }), (terms, q, max) => {
        const sorted = [...terms].sort();
        const dict = new TermDictionary(sorted);
        const found: string[] = [];
        dict.typos(q, max, (no, d) => found.push(`${sorted[no]}:${d}`));
        assert.deepEqual(found, sorted.flatMap((t) => (typoDistance(q, t) <= max ? [`${t}:${typoDistance(q, t)}`] : [])));
        const [from, to] = dict.prefixRange(q);
        assert.deepEqual(sorted.slice(from, to), sorted.filter((t) => t.startsWith(q)));
        assert.equal(dict.get(q), sorted.includes(q) ? sorted.indexOf(q) : undefined);
      }),
      { numRuns: 300 },
    );
    assert.equal(typoDistance('decoding', 'decodnig'), 1);
    assert.equal(typoDistance('decoding', 'edcoding'), 1);
    assert.equal(typoDistance('decoding', 'decodng'), 1);
    assert.equal(typoDistance('ab', 'ba'), 1);
    assert.equal(typoDistance('abc', 'ca'), 3);
  });
  test('the shipped shards load into a term dictionary of their own terms', () => {
    const shards = buildShards(papers);
    for (const json of [shards.names, shards.abstracts]) {
      const shard = runNow(IndexShard.decode(json));
      const terms = termsOf(json);
      assert.equal(shard.terms.size, terms.length);
      terms.forEach((t, i) => assert.equal(shard.terms.get(t), i, t));
    }
  });
  test('an index built for a different corpus is refused', () => {
    const shard = runNow(IndexShard.decode(buildShards(papers).names));
    assert.throws(() => PaperSearch.fromShards(papers.slice(1), shard), /holds 397 papers but the corpus has 396/);
  });
  test('a damaged shard is refused', () => {
    const shard = buildShards(papers).names;
    const [part] = shard.parts as ShardPart[];
    assert.ok(part);
    assert.throws(() => runNow(IndexShard.decode({ ...shard, parts: [{ ...part, postings: part.postings.slice(0, -40) }] })), /postings|end of data/);
    assert.throws(() => runNow(IndexShard.decode({ ...shard, parts: [{ ...part, terms: [...part.terms].reverse() }] })), /not sorted/);
    assert.throws(() => runNow(IndexShard.decode({ ...shard, postingCount: shard.postingCount + 1 })), /do not add up/);
    assert.throws(() => runNow(IndexShard.decode({ ...shard, version: 99 })), /not a search shard/);
  });
});

suite('search: ranking what people type', () => {
  test('"kv cache compression" ranks KV-cache compression papers first', () => {
    const hits = realSearch().search('kv cache compression', { limit: 3 });
    for (const h of hits) assert.match(h.paper.title, /KV Cache Compression/i, h.paper.id);
  });
  test('a prefix typed one character at a time finds TransMLA by "transm"', () => {
    assert.equal(top('transm')[0], 'transmla-multi-head-latent-attention-is-all-you-need');
  });
  test('typos still find the paper', () => {
    assert.equal(top('hevy hitter orcale')[0], 'h2o-heavy-hitter-oracle-for-efficient-generative-inference');
    assert.match(realSearch().search('speculatve decodng', { limit: 1 })[0]?.paper.title ?? '', /Speculative Decoding/);
  });
  test('an acronym finds the papers that define it', () => {
    assert.ok(top('MLA', 2).includes('transmla-multi-head-latent-attention-is-all-you-need'));
    assert.equal(top('GRPO')[0], 'deepseekmath-pushing-the-limits-of-mathematical-reasoning-in');
  });
  test('an author name puts their first-author papers first', () => {
    const hits = realSearch().search('Haoyu He', { limit: 3 });
    for (const h of hits) assert.equal(h.paper.authors[0]?.name, 'Haoyu He', h.paper.id);
  });
  test('a surname or given name alone also favours first-author papers', () => {
    assert.equal(top('zizheng')[0], 'fast-vision-transformers-with-hilo-attention');
    assert.equal(top('pan 2022')[0], 'fast-vision-transformers-with-hilo-attention');
  });
  test('a paper name beats papers that merely mention it', () => {
    assert.equal(top('deepseek v3')[0], 'deepseek-v3-technical-report');
    assert.equal(top('medusa')[0], 'medusa-simple-llm-inference-acceleration-framework-with');
  });
  test('stop words alone find nothing, and an empty query finds nothing', () => {
    assert.deepEqual(top('the of and'), []);
    assert.deepEqual(top('   '), []);
  });
  test('results are deterministic for equal scores', () => {
    assert.deepEqual(top('transformer', 20), top('transformer', 20));
  });
});

suite('search: typo tolerance', () => {
  // Title queries made from the corpus (bench/typos.ts, as bench:alternatives types them): the first four
  // words of a title, with one word of five or more letters misspelt each way, anywhere in the query.
  const queries = titleQueries(realCorpus().papers, 40);
  const first = (search: PaperSearch, q: string, id: string): boolean => search.search(q, { limit: 1 })[0]?.paper.id === id;

  test('the queries misspell words in every position, each kind of typo', () => {
    assert.equal(queries.length, 40);
    const positions = new Set(queries.map((q) => q.query.split(' ').findIndex((w, i) => w !== q.typos.wrong.split(' ')[i])));
    assert.deepEqual([...positions].sort(), [0, 1, 2, 3]);
    for (const q of queries) for (const kind of TYPO_KINDS) assert.notEqual(q.typos[kind], q.query);
  });
  for (const kind of TYPO_KINDS) {
    test(`a${kind === 'extra' ? 'n' : ''} ${kind} letter still finds the paper first`, () => {
      const missed = queries.filter((q) => !first(realSearch(), q.typos[kind], q.id)).map((q) => q.typos[kind]);
      assert.deepEqual(missed, []);
    });
  }
  test('the same queries without typos find their paper first, and without typo tolerance the misspelt ones often do not', () => {
    for (const q of queries) assert.ok(first(realSearch(), q.query, q.id), q.query);
    const papers = realCorpus().papers;
    const shards = buildShards(papers, (p) => techniqueNamesByPaper(realLexicon()).get(p.id) ?? []);
    const strict = PaperSearch.fromShards(papers, runNow(IndexShard.decode(shards.names)), { abstracts: runNow(IndexShard.decode(shards.abstracts)), typos: false });
    const missed = TYPO_KINDS.flatMap((kind) => queries.filter((q) => !first(strict, q.typos[kind], q.id)));
    assert.ok(missed.length >= 8, `only ${missed.length} misspelt queries lost their paper with typos off`);
  });
  test('the title index changes no result, only how soon the ranking stops', () => {
    const papers = realCorpus().papers;
    const shards = buildShards(papers, (p) => techniqueNamesByPaper(realLexicon()).get(p.id) ?? []);
    const plain = PaperSearch.fromShards(papers, runNow(IndexShard.decode(shards.names)), { abstracts: runNow(IndexShard.decode(shards.abstracts)) });
    const typed = [...loadRelevance().map((r) => r.query), ...queries.flatMap((q) => [q.query, ...TYPO_KINDS.map((k) => q.typos[k])])];
    for (const q of typed.flatMap((x) => Array.from({ length: x.length }, (_, i) => x.slice(0, i + 1)))) {
      for (const limit of [1, 10]) assert.deepEqual(realSearch().search(q, { limit }).map((h) => [h.paper.id, h.score]), plain.search(q, { limit }).map((h) => [h.paper.id, h.score]), q);
    }
  });
  test('a misspelt word followed by a stop word is a typo, not a word being typed', () => {
    // "worl" is not the end of what was typed: the title tier spells it "world", and the title that starts so wins.
    const papers = [
      makePaper({ title: 'On the World at the Limits of Pruning' }),
      ...Array.from({ length: 30 }, (_, i) => makePaper({ title: `Real-World Video ${String.fromCharCode(97 + (i % 26))}${i}` })),
    ];
    const search = buildSearch(papers);
    assert.equal(search.search('on the worl at', { limit: 1 })[0]?.paper.title, 'On the World at the Limits of Pruning');
  });
  test('a typo that spells a rare word of the corpus still finds the title it misspells', () => {
    // "vido" is an author's given name here, and "video" a title word; the title tier spells "vido" as "video".
    const papers = [
      makePaper({ title: 'Deep Video Next-Token Prediction with Vertex Updates' }),
      ...Array.from({ length: 4 }, (_, i) => makePaper({ title: `Sparse Kernels for Graph Search ${i}`, authors: [person(`Vido Smith${i}`)] })),
      ...Array.from({ length: 30 }, (_, i) => makePaper({ title: `Deep Next-Token Prediction for Tables ${i}` })),
    ];
    const search = buildSearch(papers);
    assert.equal(search.search('deep vido next token', { limit: 1 })[0]?.paper.title, 'Deep Video Next-Token Prediction with Vertex Updates');
  });
  test('a swap of two letters is one typo, so short words are found too', () => {
    assert.deepEqual(top('tokne merging', 2).sort(), top('token merging', 2).sort());
    assert.deepEqual(top('flahs attention', 2), top('flash attention', 2));
  });
});

suite('search: relevance fixture (npm run eval)', () => {
  test('at least 40 queries, every expected id exists', () => {
    const results = runSearchEval(realSearch());
    assert.ok(results.length >= 40);
    const ids = new Set(realCorpus().papers.map((p) => p.id));
    for (const r of results) for (const id of r.q.relevant) assert.ok(ids.has(id), `${r.q.query}: unknown id ${id}`);
  });
  test('hit@5 ≥ 0.95 and MRR ≥ 0.9', () => {
    const f = figures(runSearchEval(realSearch()));
    assert.ok(f.hit5 >= 0.95, `hit@5 ${f.hit5}`);
    assert.ok(f.mrr >= 0.9, `MRR ${f.mrr}`);
  });
});
