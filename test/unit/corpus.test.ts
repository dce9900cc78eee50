import * as assert from 'node:assert/strict';
import { buildCorpus } from '../../src/build/corpus/buildCorpus';
import { formatReconciliation, reconcile } from '../../src/core/corpus/report';
import { CorpusSchema, PaperSchema } from '../../src/schema/corpus';
import { slugOf } from '../../src/core/corpus/titles';
import { parseSeedFile } from '../../src/build/seeds/parseSeedFile';
import { SeedParseError } from '../../src/build/seeds/types';
import { paperById, realCorpus, seedCorpus } from '../support/realCorpus';

const sentence = (w: string): string => `The ${w} method ${w}izes every ${w} layer with a ${w} gate.`;
/** A distinct abstract per topic: its own words, so similarity separates them. */
const abs = (topic: string, extra = ''): string =>
  `${sentence(topic)} We evaluate ${topic} on ${topic} benchmarks and ${topic} tasks. ${sentence(`${topic}x`)} Results show ${topic} beats prior ${topic} baselines by a wide margin.${extra}`;

suite('corpus: merging the seed files', () => {
  const alt = parseSeedFile('b.txt', [`Alpha Net: One`, abs('alpha'), `Beta Net: Two`, abs('beta'), `Gamma Net: Three`, abs('gamma')].join('\n'));
  // Bare abstracts in the reverse order of the titled papers: position must not matter.
  const bare = parseSeedFile('c.txt', [`Abstract:${abs('gamma')}`, `Abstract:${abs('alpha', ' Code is at https://github.com/x/alpha.')}`].join('\n'));
  const dup = parseSeedFile('a.txt', [`CVMay 26, 2022Code`, `Beta Net : TwoJane Doe, John Roe`, abs('beta')].join('\n'));
  const corpus = buildCorpus([alt, bare, dup]);
  const byTitle = (t: string) => corpus.papers.find((p) => p.title === t);

  test('a bare abstract attaches to the paper it resembles, never by position', () => {
    const alpha = byTitle('Alpha Net: One');
    const gamma = byTitle('Gamma Net: Three');
    assert.deepEqual(
      alpha?.sources.map((s) => [s.file, s.line, s.role]),
      [
        ['b.txt', 1, 'primary'],
        ['c.txt', 2, 'abstract'],
      ],
    );
    assert.deepEqual(
      gamma?.sources.map((s) => [s.file, s.line, s.role]),
      [
        ['b.txt', 5, 'primary'],
        ['c.txt', 1, 'abstract'],
      ],
    );
    assert.match(alpha?.sources[1]?.match ?? '', /abstract similarity 0\.\d\d|abstract similarity 1\.00/);
  });

  test('the same title in two files is one paper with both sources and merged metadata', () => {
    const beta = byTitle('Beta Net: Two');
    assert.ok(beta);
    assert.deepEqual(
      beta.sources.map((s) => [s.file, s.role]),
      [
        ['a.txt', 'primary'],
        ['b.txt', 'duplicate'],
      ],
    );
    assert.deepEqual(
      beta.authors.map((a) => [a.given, a.family]),
      [
        ['Jane', 'Doe'],
        ['John', 'Roe'],
      ],
    );
    assert.equal(beta.year, 2022);
    assert.equal(beta.category, 'cs.CV');
  });

  test('differing abstracts: the longest is kept, and the note says why and what else there was', () => {
    const alpha = byTitle('Alpha Net: One');
    assert.match(alpha?.abstract ?? '', /github\.com\/x\/alpha/);
    assert.equal(alpha?.codeUrl, 'https://github.com/x/alpha');
    assert.match(alpha?.abstractNote ?? '', /kept the longest version, from c\.txt:2 .* Other versions: b\.txt:1/);
  });

  test('every record is accounted for, file by file', () => {
    assert.deepEqual(reconcile(corpus), {
      papers: 3,
      files: {
        'a.txt': { records: 1, papers: 1, merged: 0 },
        'b.txt': { records: 3, papers: 2, merged: 1 },
        'c.txt': { records: 2, papers: 0, merged: 2 },
      },
    });
    assert.match(formatReconciliation(corpus), /b\.txt:3 → beta-net-two \(same title as a\.txt:1\)/);
  });

  test('a bare abstract like no titled paper stops the build with its file and line', () => {
    const orphan = parseSeedFile('o.txt', `Abstract:${abs('delta')}`);
    assert.throws(
      () => buildCorpus([alt, orphan]),
      (e: unknown) => e instanceof SeedParseError && e.file === 'o.txt' && e.line === 1 && /matches no titled paper/.test(e.reason),
    );
  });

  test('ids are title slugs, independent of file order', () => {
    const again = buildCorpus([dup, bare, alt]);
    assert.deepEqual(again.papers.map((p) => p.id).sort(), corpus.papers.map((p) => p.id).sort());
    assert.equal(slugOf("DETR Doesn't Need Multi-Scale"), 'detr-doesnt-need-multi-scale');
  });

  test('two titles with one slug both get a hash suffix', () => {
    const long = 'Very Long Title About Efficient Attention Mechanisms For Large Language Models';
    const f = parseSeedFile('s.txt', [`${long} Part One`, abs('one'), `${long} Part Two`, abs('two')].join('\n'));
    const ids = buildCorpus([f]).papers.map((p) => p.id);
    assert.equal(new Set(ids).size, 2);
    for (const id of ids) assert.match(id, /-[0-9a-f]{6}$/);
  });
});

suite('corpus: the real seeds', () => {
  test('397 papers from 420 records, every one accounted for', () => {
    const r = reconcile(realCorpus());
    assert.equal(r.papers, 397);
    assert.equal(Object.values(r.files).reduce((n, f) => n + f.records, 0), 420);
  });

  test('ids are unique and match the schema', () => {
    const c = realCorpus();
    assert.equal(new Set(c.papers.map((p) => p.id)).size, c.papers.length);
    assert.ok(CorpusSchema.safeParse(c).success);
  });

  test('display text is clean Unicode', () => {
    assert.equal(paperById('s2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by').title.slice(0, 4), 'S²FT');
    assert.equal(paperById('h2o-heavy-hitter-oracle-for-efficient-generative-inference').shortName, 'H₂O');
    assert.match(paperById('stelocoder-a-decoder-only-llm-for-multi-language-to-python').abstract, /Code Llama \(Rozière et al\., 2023\)/);
    for (const p of realCorpus().papers) {
      assert.doesNotMatch(p.title, /\\|\$(?!\d)|\*\*/, p.id); // "$10,000" is a real dollar sign
      assert.doesNotMatch(p.abstract, /\\[a-zA-Z%&]|\*\*|\{this https URL\}/, p.id);
    }
  });

  test('the raw text is kept for citations', () => {
    assert.equal(paperById('s2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by').titleRaw.slice(0, 9), 'S$^{2}$FT');
  });

  test('a template macro the authors left is filled with the paper name', () => {
    assert.match(paperById('leopard-a-vision-language-model-for-text-rich-multi-image').abstract, /we propose LEOPARD, a MLLM/);
  });

  test('merged papers keep every source: HiLo from the profile list and the listing', () => {
    const hilo = paperById('fast-vision-transformers-with-hilo-attention');
    assert.deepEqual(
      hilo.sources.map((s) => `${s.file}:${s.line}`),
      ['000_332d00c4af8a5a2c.txt:1', '003_059cd7ed8e1d82a4.txt:109'],
    );
    assert.equal(hilo.codeUrl, 'https://github.com/ziplab/LITv2');
    assert.equal(hilo.year, 2022);
  });

  test('a date without a year stays without one; the arXiv id later gives the year, the listing\'s day stays', () => {
    // A listing that gives a month and a day but no year, for a paper whose first-version date no page has settled yet.
    const real = new Map(realCorpus().papers.map((p) => [p.id, p]));
    const seed = seedCorpus().papers.find((x) => x.date?.year === undefined && x.date?.day !== undefined && real.get(x.id)?.provenance?.['date']?.via === 'arxiv-id');
    assert.ok(seed?.date, 'the seeds still hold a date without a year that only an arXiv id completes');
    assert.equal(seed.year, undefined);
    const p = paperById(seed.id);
    const [, yy, mm] = /^(\d{2})(\d{2})\./.exec(p.arxiv ?? '') ?? [];
    assert.deepEqual(p.date, { year: 2000 + Number(yy), month: Number(mm), day: seed.date.day });
    assert.equal(seed.date.month, Number(mm));
    assert.deepEqual(p.provenance?.['date']?.records, seed.sources.map((s) => `${s.file}:${s.line}`));
  });

  test('the schema rejects a paper with an invented shape', () => {
    const good = paperById('fast-vision-transformers-with-hilo-attention');
    assert.ok(PaperSchema.safeParse(good).success);
    assert.ok(!PaperSchema.safeParse({ ...good, id: 'Not A Slug' }).success);
    assert.ok(!PaperSchema.safeParse({ ...good, year: 'soon' }).success);
    assert.ok(!PaperSchema.safeParse({ ...good, sources: [] }).success);
    assert.ok(!PaperSchema.safeParse({ ...good, extra: 1 }).success);
  });
});
