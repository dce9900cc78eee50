import * as assert from 'node:assert/strict';
import { PaperSearch, queryTerms } from '../../src/core/search/engine';
import { camelParts, processIndexTerm, tokenize } from '../../src/core/search/options';
import { figures, runSearchEval } from '../eval/searchEval';
import { realCorpus, realSearch } from '../support/realCorpus';

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

suite('search: index round trip', () => {
  test('a saved and loaded index answers exactly like the built one', () => {
    const papers = realCorpus().papers;
    const built = realSearch();
    const loaded = PaperSearch.load(JSON.stringify(built.toJSON()), papers);
    for (const q of ['kv cache compression', 'transm', 'Zizheng Pan', 'speculatve decodng', 'MLA']) {
      // Scores agree to float rounding (the index stores averaged field lengths).
      const round = (x: number): number => Number(x.toPrecision(9));
      assert.deepEqual(
        loaded.search(q).map((h) => [h.paper.id, round(h.score)]),
        built.search(q).map((h) => [h.paper.id, round(h.score)]),
        q,
      );
    }
  });
  test('an index built for a different corpus is refused', () => {
    const papers = realCorpus().papers;
    assert.throws(() => PaperSearch.load(JSON.stringify(realSearch().toJSON()), papers.slice(1)), /holds 397 papers but the corpus has 396/);
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
