import * as assert from 'node:assert/strict';
import { snippet } from '../../src/core/corpus/display';
import { type Paper, PaperSchema } from '../../src/schema/corpus';
import { PAPER_DETAIL_FIELDS } from '../../src/core/corpus/fields';
import { DATA_VERSION } from '../../src/core/data/version';
import { type DataFile, encodeData } from '../../src/build/data/encode';
import { DATA_FILES } from '../../src/core/data/files';
import { CATALOG_CHUNK, DETAILS_CHUNK, LEAD_LENGTH, type Manifest, leadOf, manifestCheck } from '../../src/core/data/format';
import { applyFacts, decodeHead, encodeFacts, encodeHead, sourceFilesOf } from '../../src/core/data/catalogCodec';
import { encodeDetails, fullPaper } from '../../src/core/data/detailsCodec';
import { fnv1a } from '../../src/core/util/hash';
import { DataError } from '../../src/core/data/errors';
import { type LoadStats, emptyLoadStats, loadPaperData, loadPaperDataSync } from '../../src/core/data/load';
import { MAX_TECHNIQUE_PAPERS, capTechniquePapers, paperCountOf } from '../../src/core/techniques/papers';
import { LexiconSchema } from '../../src/schema/lexicon';
import { syntheticCorpus } from '../../bench/synthetic';
import { memoryReader, realCorpus, realDataFiles, realLexicon } from '../support/realCorpus';

const meta = (p: Paper): Record<string, unknown> => Object.fromEntries(Object.entries(p).filter(([k]) => !(PAPER_DETAIL_FIELDS as readonly string[]).includes(k)));
/** The files with one file's text changed, as if by bit rot: its checksum in the manifest no longer matches. */
const damaged = (files: readonly DataFile[], name: string, text: (old: string) => string): DataFile[] =>
  files.map((f) => (f.name === name ? { name, text: text(f.text) } : f));
/**
 * The files with one file's text changed and the manifest's checksums made to match, as a faulty build
 * would write them: what the loader's own checks must catch behind the checksums.
 */
const withFile = (files: readonly DataFile[], name: string, text: (old: string) => string): DataFile[] => {
  const changed = damaged(files, name, text);
  if (name === DATA_FILES.manifest) {
    return changed.map((f) => (f.name === name ? { name, text: JSON.stringify({ ...JSON.parse(f.text), check: manifestCheck(JSON.parse(f.text)) }) } : f));
  }
  return changed.map((f) => {
    if (f.name !== DATA_FILES.manifest) return f;
    const m = JSON.parse(f.text) as Manifest;
    const checksums = { ...m.checksums, [name]: fnv1a(changed.find((x) => x.name === name)?.text ?? '') };
    const resealed = { ...m, checksums, check: '' };
    return { name: f.name, text: JSON.stringify({ ...resealed, check: manifestCheck(resealed) }) };
  });
};

suite('data: the catalog and details formats', () => {
  const papers = [...realCorpus().papers, ...syntheticCorpus(realCorpus(), 300).papers];
  const files = sourceFilesOf(papers);

  const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
  test('every paper round-trips through its head, facts and details tuples, keys in schema order', () => {
    for (const p of papers) {
      const record = decodeHead(json(encodeHead(p)));
      // The head alone: what search and the first lists need, nothing more.
      assert.deepEqual(record, { id: p.id, title: p.title, ...(p.shortName === undefined ? {} : { shortName: p.shortName }), authors: [], authorsTruncated: false, ...(p.year === undefined ? {} : { year: p.year }), sources: [], lead: '' }, p.id);
      applyFacts(record, json(encodeFacts(p, files)), files);
      assert.deepEqual(record, { ...meta(p), lead: '' }, p.id);
      record.lead = leadOf(p);
      assert.equal(record.lead, snippet(p.abstract, LEAD_LENGTH));
      const full = fullPaper(record, JSON.parse(JSON.stringify(encodeDetails(p))));
      assert.deepEqual(full, p, p.id);
      assert.deepEqual(Object.keys(full), Object.keys(PaperSchema.shape).filter((k) => k in p), p.id);
      PaperSchema.parse(full);
    }
  });
  test('every snippet the extension shows is the same from the lead as from the abstract', () => {
    for (const p of papers) {
      const lead = snippet(p.abstract, LEAD_LENGTH);
      for (const n of [110, 120, 150, 200]) assert.equal(snippet(lead, n), snippet(p.abstract, n), `${p.id} at ${n}`);
    }
  });
  test('a malformed tuple is refused, not half-read', () => {
    const p = papers.find((x) => x.authors.length > 0 && x.sources.length > 0) as Paper;
    const t = encodeHead(p);
    assert.throws(() => decodeHead([...t.slice(0, 1), 42, ...t.slice(2)]), /title is not text/);
    assert.throws(() => decodeHead('x'), /not a list/);
    const f = encodeFacts(p, files, 'key2024');
    const record = decodeHead(t);
    assert.throws(() => applyFacts(record, [...f.slice(0, 2), [[0, -1, 0, 0]], ...f.slice(3)], files), /a source line is not a whole number/);
    assert.throws(() => applyFacts(record, [...f.slice(0, 4), 'Key!'], files), /a citation key is malformed/);
    assert.throws(() => applyFacts(record, [f[0], f[1], f[2], { shortName: 'X' }], files), /an unknown field "shortName"/);
    // Nothing of a refused tuple was set.
    assert.deepEqual([record.authors, record.sources, record.citationKey], [[], [], undefined]);
    applyFacts(record, f, files);
    assert.equal(record.citationKey, 'key2024');
    assert.equal(record.authors.length, p.authors.length);
  });
});

suite('data: the shipped files', () => {
  const files = realDataFiles();
  const manifest = JSON.parse(files.find((f) => f.name === DATA_FILES.manifest)?.text ?? '') as Manifest;

  test('a manifest, chunked catalog, details and lexicon, two index shards in parts, one build id', () => {
    assert.equal(manifest.paperCount, 397);
    assert.deepEqual(manifest.catalog, ['papers-000.json']);
    assert.deepEqual(manifest.facts, ['facts-000.json']);
    assert.deepEqual(manifest.details, ['details-000.json']);
    assert.deepEqual(manifest.techniques, ['techniques-000.json']);
    assert.deepEqual(manifest.leads, ['leads-000.json']);
    const parts = (name: string): string[] => (JSON.parse(files.find((f) => f.name === name)?.text ?? '') as { parts: string[] }).parts;
    assert.deepEqual(parts(DATA_FILES.searchNames), ['search-names-000.json']);
    assert.deepEqual(
      files.map((f) => f.name).sort(),
      [...manifest.catalog, ...manifest.facts, ...manifest.leads, ...manifest.details, ...manifest.techniques, DATA_FILES.manifest, DATA_FILES.searchAbstracts, DATA_FILES.searchNames, ...parts(DATA_FILES.searchNames), ...parts(DATA_FILES.searchAbstracts)].sort(),
    );
    for (const f of files) if (f.name !== DATA_FILES.manifest) assert.equal((JSON.parse(f.text) as { build: string }).build, manifest.build, f.name);
    assert.ok(CATALOG_CHUNK >= DETAILS_CHUNK);
  });
  test('the shipped lexicon is the built one, validated', () => {
    const loaded = loadPaperDataSync(memoryReader(files)).lexicon;
    assert.deepEqual(LexiconSchema.parse(loaded).techniques, realLexicon().techniques);
  });
  test('a technique with more papers than the cap lists the first ones and counts all', () => {
    const lexicon = realLexicon();
    const capped = capTechniquePapers(lexicon, 3);
    const big = lexicon.techniques.find((t) => t.papers.length > 3);
    const t = capped.techniques.find((x) => x.id === big?.id);
    assert.ok(big && t);
    assert.deepEqual(t.papers, big.papers.slice(0, 3));
    assert.equal(paperCountOf(t), big.papers.length);
    assert.ok(realLexicon().techniques.every((x) => x.papers.length <= MAX_TECHNIQUE_PAPERS), 'the real corpus is under the cap');
  });
  test('the same corpus always builds the same files', () => {
    assert.deepEqual(encodeData(realCorpus(), realLexicon()), files);
  });
});

suite('data: loading', () => {
  const files = realDataFiles();
  const corpus = realCorpus();

  test('the sync load gives every paper, search, techniques and details', () => {
    const d = loadPaperDataSync(memoryReader(files));
    assert.equal(d.corpus.papers.length, corpus.papers.length);
    assert.deepEqual(
      d.corpus.papers.map((p) => p.lead),
      corpus.papers.map(leadOf),
    );
    assert.deepEqual(d.corpus.files, corpus.files);
    assert.ok(d.search.hasAbstracts);
    assert.equal(d.search.search('transmla', { limit: 1 })[0]?.paper.id, 'transmla-multi-head-latent-attention-is-all-you-need');
    assert.equal(d.techniques.matchIdentifier('MultiHeadLatentAttention')?.technique.name, 'MLA');
    const hilo = corpus.papers.find((p) => p.id === 'fast-vision-transformers-with-hilo-attention');
    assert.deepEqual(d.details.getSync('fast-vision-transformers-with-hilo-attention'), hilo);
    assert.equal(d.details.getSync('no-such-paper'), undefined);
  });
  test('the async load gives the same, gives the event loop turns, and adds abstracts when complete', async () => {
    const stats: LoadStats = emptyLoadStats();
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const d = await loadPaperData(memoryReader(files), { sliceMs: 1, stats });
    // Search is ready first; the lexicon, the leads and the abstract index follow.
    assert.equal(d.search.search('transmla', { limit: 1 })[0]?.paper.id, 'transmla-multi-head-latent-attention-is-all-you-need');
    assert.equal(d.search.hasAbstracts, false);
    assert.equal(d.lexicon.techniques.length, 0);
    assert.equal(d.techniques.matchIdentifier('MultiHeadLatentAttention'), undefined);
    assert.ok(d.corpus.papers.every((p) => p.lead === ''));
    // Each paper is its head until complete: id, title, short name, year; its authors, sources and key follow.
    assert.ok(d.corpus.papers.every((p) => p.authors.length === 0 && p.sources.length === 0 && p.citationKey === undefined && p.arxiv === undefined));
    assert.ok(d.corpus.papers.some((p) => p.year !== undefined) && d.corpus.papers.some((p) => p.shortName !== undefined));
    // An author's name is searched from the start (the name index has it); the author boost follows the authors.
    const early = d.search.search('Zizheng Pan', { limit: 3 }).map((h) => h.paper.id);
    assert.ok(early.includes('fast-vision-transformers-with-hilo-attention'), early.join(', '));
    assert.equal(d.corpus.factsLoaded, false);
    await d.complete;
    assert.equal(d.corpus.factsLoaded, true);
    assert.deepEqual(
      d.corpus.papers.map((p) => ({ ...p, lead: '' })),
      loadPaperDataSync(memoryReader(files)).corpus.papers.map((p) => ({ ...p, lead: '' })),
    );
    assert.equal(d.techniques.matchIdentifier('MultiHeadLatentAttention')?.technique.name, 'MLA');
    assert.deepEqual(d.lexicon.techniques, realLexicon().techniques);
    assert.deepEqual(
      d.corpus.papers.map((p) => p.lead),
      corpus.papers.map(leadOf),
    );
    clearInterval(ticker);
    assert.ok(d.search.hasAbstracts);
    assert.ok(stats.yields > 0 && turns > 0, `${stats.yields} yields, ${turns} turns`);
    assert.ok(stats.readyMs > 0 && stats.completeMs >= stats.readyMs);
    assert.deepEqual(await d.details.get('fast-vision-transformers-with-hilo-attention'), corpus.papers.find((p) => p.id === 'fast-vision-transformers-with-hilo-attention'));
    const sync = loadPaperDataSync(memoryReader(files));
    for (const q of ['kv cache compression', 'Zizheng Pan', 'speculatve decodng']) {
      assert.deepEqual(
        d.search.search(q).map((h) => h.paper.id),
        sync.search.search(q).map((h) => h.paper.id),
      );
    }
  });

  const fails = (fs: DataFile[], pattern: RegExp): void => {
    assert.throws(
      () => loadPaperDataSync(memoryReader(fs)),
      (e: unknown) => e instanceof DataError && pattern.test(e.message),
    );
  };
  test('a missing file is one DataError that names it', () => {
    fails(files.filter((f) => f.name !== DATA_FILES.manifest), /^manifest\.json is missing/);
    fails(files.filter((f) => f.name !== 'papers-000.json'), /^papers-000\.json is missing/);
    fails(files.filter((f) => f.name !== DATA_FILES.searchNames), /^search-names\.json is missing/);
    fails(files.filter((f) => f.name !== 'techniques-000.json'), /^techniques-000\.json is missing/);
    fails(files.filter((f) => f.name !== 'leads-000.json'), /^leads-000\.json is missing/);
    fails(files.filter((f) => f.name !== 'facts-000.json'), /^facts-000\.json is missing/);
    fails(files.filter((f) => f.name !== 'search-names-000.json'), /^search-names-000\.json is missing/);
  });
  test('a corrupt, stale or mixed-up file is one DataError that says so', () => {
    fails(withFile(files, 'papers-000.json', (t) => t.slice(0, t.length / 2)), /^papers-000\.json is not valid JSON/);
    fails(withFile(files, DATA_FILES.manifest, (t) => t.replace(/"version":\d+/, '"version":1')), new RegExp(`has data version 1, this PaperLens reads version ${DATA_VERSION};`));
    fails(withFile(files, DATA_FILES.searchNames, (t) => t.replace(/"build":"[^"]*"/, '"build":"other"')), /search-names\.json is from another build/);
    fails(withFile(files, 'papers-000.json', (t) => t.replace(/\["fast-vision-transformers-with-hilo-attention","Fast Vision Transformers with HiLo Attention"/, '["fast-vision-transformers-with-hilo-attention",7')), /papers-000\.json: paper \d+ is malformed \(a title is not text\)/);
    fails(withFile(files, DATA_FILES.searchNames, (t) => t.replace(/"postingCount":(\d+)/, (_m, n: string) => `"postingCount":${Number(n) + 1}`)), /^search-names\.json cannot be loaded/);
    fails(withFile(files, 'search-names-000.json', (t) => t.replace(/"postings":"(.{40})/, '"postings":"')), /^search-names-000\.json cannot be loaded/);
    fails(withFile(files, 'techniques-000.json', (t) => t.replace(/"papers":\[\d+,/, '"papers":[99999,')), /^techniques-000\.json: technique \S+ names paper 99999, which the catalog does not have/);
  });
  test('behind the checksums every value is range-checked: a year of 1e308, a negative line, a link that is not a web address', () => {
    fails(withFile(files, 'papers-000.json', (t) => t.replace(/,2022\]/, ',1e308]')), /papers-000\.json: paper \d+ is malformed \(a year is not a whole number from 1900 to 2100\)/);
    fails(withFile(files, 'facts-000.json', (t) => t.replace(/\[\[(\d+),(\d+),0,0\]/, '[[$1,-1,0,0]')), /facts-000\.json: paper \d+ is malformed \(a source line is not a whole number from 1/);
    fails(withFile(files, 'facts-000.json', (t) => t.replace(/"codeUrl":"https:/, '"codeUrl":"javascript:')), /paper \d+ is malformed \(a code link is not a web address\)/);
    fails(withFile(files, 'facts-000.json', (t) => t.replace(/"date":\{"year":2022,"month":5/, '"date":{"year":2022,"month":13')), /a date's month is not a whole number from 1 to 12/);
    fails(withFile(files, 'facts-000.json', (t) => t.replace('"first":0', '"first":2000')), /^facts-000\.json is not a PaperLens facts file/);
    fails(withFile(files, 'techniques-000.json', (t) => t.replace(/"papers":\[(\d+),(\d+),(\d+)/, '"papers":[$1,$2,-4')), /mentions is not a whole number from 0/);
  });
  test('a damaged byte in any data file is refused: its checksum, or the manifest\'s own, does not match', () => {
    // A fixed seed: 300 one-bit flips spread over every file, each loaded in full (abstracts and details too).
    let seed = 0x5eed;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let refused = 0;
    for (let k = 0; k < 300; k++) {
      const f = files[rand(files.length)] as DataFile;
      const bytes = new TextEncoder().encode(f.text);
      const at = rand(bytes.length);
      bytes[at] = (bytes[at] as number) ^ (1 << rand(8));
      const flipped = damaged(files, f.name, () => new TextDecoder().decode(bytes));
      try {
        const d = loadPaperDataSync(memoryReader(flipped));
        for (const p of d.corpus.papers) d.details.getSync(p.id);
      } catch (e) {
        assert.ok(e instanceof DataError, String(e));
        refused++;
      }
    }
    assert.equal(refused, 300);
  });
  test('a broken facts file rejects complete with a DataError that names it, and says the facts are not in', async () => {
    const d = await loadPaperData(memoryReader(withFile(files, 'facts-000.json', (t) => t.replace('"first":0', '"first":2000'))));
    await assert.rejects(d.complete, (e: unknown) => e instanceof DataError && /^facts-000\.json is not a PaperLens facts file/.test(e.message));
    assert.equal(d.corpus.factsLoaded, false);
    assert.ok(d.corpus.papers.every((p) => p.authors.length === 0 && p.citationKey === undefined));
    // Search still answers (what the extension does with such data is the damaged tier's test).
    assert.equal(d.search.search('transmla', { limit: 1 })[0]?.paper.id, 'transmla-multi-head-latent-attention-is-all-you-need');
  });
  test('a broken abstract index leaves search and techniques working and rejects complete with a DataError', async () => {
    const d = await loadPaperData(memoryReader(damaged(files, DATA_FILES.searchAbstracts, (t) => t.slice(0, 100))));
    await assert.rejects(d.complete, (e: unknown) => e instanceof DataError && /search-abstracts\.json is damaged \(its checksum does not match manifest\.json\)/.test(e.message));
    assert.equal(d.search.hasAbstracts, false);
    assert.equal(d.techniques.matchIdentifier('MultiHeadLatentAttention')?.technique.name, 'MLA');
    assert.equal(d.search.search('transmla', { limit: 1 })[0]?.paper.id, 'transmla-multi-head-latent-attention-is-all-you-need');
  });
  test('a broken details file fails only the papers that need it, with a DataError', async () => {
    const d = await loadPaperData(memoryReader(files.filter((f) => f.name !== 'details-000.json')));
    await assert.rejects(d.details.get('fast-vision-transformers-with-hilo-attention'), /^DataError: details-000\.json is missing/);
    assert.equal(d.corpus.papers.length, 397);
  });
});
