import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../src/core/data/errors';
import { createApi, paperSummary } from '../../src/extension/api';
import { CitationKeys } from '../../src/extension/citations/citationKeys';
import { REPO, realData } from '../support/realCorpus';

const HILO = 'fast-vision-transformers-with-hilo-attention';

suite('the public API (no vscode)', () => {
  const keys = new CitationKeys(() => realData(), () => 'authorYearTitle');
  const api = createApi('0.1.0', async () => realData(), (id) => keys.keyOf(id));

  test('a paper as plain data: what is known, nothing guessed', () => {
    const hilo = realData().papersById.get(HILO) ?? assert.fail(HILO);
    assert.deepEqual(paperSummary(hilo), {
      id: HILO,
      title: 'Fast Vision Transformers with HiLo Attention',
      authors: ['Zizheng Pan', 'Jianfei Cai', 'Bohan Zhuang'],
      year: 2022,
      arxiv: '2205.13213',
    });
    const thin = realData().corpus.papers.find((p) => p.authors.length === 0 && p.year === undefined) ?? assert.fail('a thin paper');
    assert.deepEqual(paperSummary(thin).authors, []);
    assert.equal(paperSummary(thin).year, undefined);
  });

  test('version, paper count, search, paper by id, citation key', async () => {
    assert.equal(api.version, '0.1.0');
    assert.equal(await api.paperCount(), realData().corpus.papers.length);
    const hits = await api.search('kv cache compression', 3);
    assert.equal(hits.length, 3);
    for (const h of hits) assert.match(h.title, /KV Cache Compression/i);
    assert.deepEqual(Object.keys(hits[0] ?? {}), ['id', 'title', 'authors', 'year', 'arxiv']);
    assert.equal((await api.paperById(HILO))?.title, 'Fast Vision Transformers with HiLo Attention');
    assert.equal(await api.paperById('no-such-paper'), undefined);
    assert.equal(await api.citationKeyOf(HILO), 'pan2022fast');
    assert.equal(await api.citationKeyOf('no-such-paper'), undefined);
  });

  test('limit: 10 unless given, whole, from 1 to 1,000', async () => {
    assert.equal((await api.search('attention')).length, 10);
    assert.equal((await api.search('attention', 2.7)).length, 2);
    assert.equal((await api.search('attention', 0)).length, 1);
    assert.equal((await api.search('attention', Number.NaN)).length, 10);
    assert.ok((await api.search('attention', 1e9)).length <= 1000);
  });

  test('data that cannot be loaded rejects every call with the reason', async () => {
    const broken = createApi('0.1.0', () => Promise.reject(new DataError('manifest.json is damaged')), () => undefined);
    for (const call of [() => broken.paperCount(), () => broken.search('x'), () => broken.paperById(HILO), () => broken.citationKeyOf(HILO)]) {
      await assert.rejects(call(), /manifest\.json is damaged/);
    }
  });

  test('the API object cannot be changed by its callers', () => {
    assert.ok(Object.isFrozen(api));
  });

  test('the example in the README and api.ts cites the key the API gives', async () => {
    const [best] = await api.search('kv cache compression', 1);
    assert.ok(best);
    const key = await api.citationKeyOf(best.id);
    for (const file of ['README.md', join('src', 'extension', 'api.ts')]) assert.ok(readFileSync(join(REPO, file), 'utf8').includes(`// '${key}'`), `${file}'s example says ${key}`);
  });
});
