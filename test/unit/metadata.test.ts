import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../../src/build/buildData';
import { acceptMetadata, checkRecord, crossCheck } from '../../src/build/metadata/accept';
import { applyMetadata } from '../../src/build/metadata/apply';
import { type MetadataRecord, type MetadataSource, MetadataError, parseMetadata, parseReleasedKeys } from '../../src/build/metadata/records';
import { indexBib, planBibEntry } from '../../src/core/bib/plan';
import { toBibtex } from '../../src/core/cite/bibtex';
import { assignKeys, papersByKey } from '../../src/core/cite/keys';
import { runNow } from '../../src/core/util/sliced';
import { REPO, SEED_DIR, realCorpus, seedCorpus } from '../support/realCorpus';

/**
 * The metadata of the bundled papers: what the build accepts from
 * metadata/papers.jsonl, what it refuses, and what it says about it.
 */

const TITLE = 'Fast Vision Transformers with HiLo Attention';
const src = (url: string, kind: MetadataSource['kind'], states: MetadataSource['states'], title = TITLE): MetadataSource => ({ url, kind, title, states });
const record = (sources: MetadataSource[], extra: Partial<MetadataRecord> = {}): MetadataRecord => ({
  id: 'fast-vision-transformers-with-hilo-attention',
  title: TITLE,
  sources,
  laterTitles: [],
  notes: '',
  searched: [],
  ...extra,
});
const AUTHORS = ['Zizheng Pan', 'Jianfei Cai', 'Bohan Zhuang'];
/** Throws a MetadataError whose message matches. */
const refuses = (f: () => unknown, message: RegExp): void => {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof MetadataError, String(e));
    assert.match(e.message, message);
    return true;
  });
};

suite('metadata: reading the file', () => {
  test('each line is one validated record; a bad line stops the build with file:line and the reason', () => {
    const good = JSON.stringify(record([src('https://arxiv.org/abs/2205.13213', 'arxiv', { arxiv: '2205.13213' })]));
    assert.equal(parseMetadata(`${good}\n\n`, 'm.jsonl').length, 1);
    refuses(() => parseMetadata(`${good}\n{oops`, 'm.jsonl'), /^m\.jsonl:2: not JSON/);
    const badId = JSON.stringify(record([src('https://arxiv.org/abs/1', 'arxiv', { arxiv: '22.1' })]));
    refuses(() => parseMetadata(badId, 'm.jsonl'), /^m\.jsonl:1: sources\.0\.states\.arxiv: an arXiv id such as 2502\.07864$/);
    const js = JSON.stringify(record([src('javascript:alert(1)', 'arxiv', {})]));
    refuses(() => parseMetadata(js, 'm.jsonl'), /^m\.jsonl:1: sources\.0\.url/);
    refuses(() => parseMetadata(`${good}\n${good}`, 'm.jsonl'), /^m\.jsonl:2: paper fast-vision-transformers-with-hilo-attention is already on line 1$/);
    const extra = JSON.stringify({ ...record([]), guessed: true });
    refuses(() => parseMetadata(extra, 'm.jsonl'), /^m\.jsonl:1: .*guessed/);
  });
});

suite('metadata: which facts are accepted', () => {
  test('a primary source is taken, the most authoritative kind first', () => {
    const a = acceptMetadata(
      record([
        src('https://blog.example/hilo', 'secondary', { authors: ['Someone Else'] }),
        src('https://arxiv.org/abs/2205.13213', 'arxiv', { arxiv: '2205.13213', authors: AUTHORS, date: '2022-05-26' }),
      ]),
    );
    assert.deepEqual([a.arxiv, a.authors, a.date], ['2205.13213', AUTHORS, '2022-05-26']);
    assert.deepEqual(a.provenance.authors, { urls: ['https://arxiv.org/abs/2205.13213'], via: 'primary' });
    // The blog's other author list is kept as a disagreement, not dropped silently.
    assert.equal(a.disagreements.find((d) => d.field === 'authors')?.outcome, "kept the arxiv source's value");
  });
  test('without a primary source, two websites must agree and none may say otherwise', () => {
    const one = acceptMetadata(record([src('https://a.example/x', 'secondary', { arxiv: '2205.13213' }), src('https://a.example/y', 'secondary', { arxiv: '2205.13213' })]));
    assert.equal(one.arxiv, undefined); // two pages, one website
    assert.match(one.disagreements[0]?.outcome ?? '', /only one website/);
    const two = acceptMetadata(record([src('https://a.example/x', 'secondary', { arxiv: '2205.13213' }), src('https://www.b.example/y', 'secondary', { arxiv: '2205.13213' })]));
    assert.equal(two.arxiv, '2205.13213');
    assert.equal(two.provenance.arxiv?.via, 'agreement');
    const split = acceptMetadata(
      record([
        src('https://a.example/x', 'secondary', { arxiv: '2205.13213' }),
        src('https://b.example/y', 'secondary', { arxiv: '2205.13213' }),
        src('https://c.example/z', 'secondary', { arxiv: '2205.99999' }),
      ]),
    );
    assert.equal(split.arxiv, undefined);
    assert.match(split.disagreements[0]?.outcome ?? '', /websites disagree/);
  });
  test('arXiv pages that disagree: the unversioned page (the latest version) wins over a v1 page', () => {
    const a = acceptMetadata(
      record([
        src('https://arxiv.org/abs/2205.13213v1', 'arxiv', { authors: ['Zizheng Pan', 'Bohan Zhuang'] }),
        src('https://arxiv.org/abs/2205.13213', 'arxiv', { authors: AUTHORS }),
      ]),
    );
    assert.deepEqual(a.authors, AUTHORS);
    const both = acceptMetadata(record([src('https://arxiv.org/abs/2205.13213v1', 'arxiv', { authors: ['A B'] }), src('https://arxiv.org/abs/2205.13213v2', 'arxiv', { authors: AUTHORS })]));
    assert.equal(both.authors, undefined);
    assert.match(both.disagreements[0]?.outcome ?? '', /arxiv sources disagree/);
  });
  test('a versioned arXiv id is stored without its version; an id alone gives year and month', () => {
    const a = acceptMetadata(record([src('https://arxiv.org/abs/2205.13213v2', 'arxiv', { arxiv: '2205.13213' })]));
    assert.equal(a.arxiv, '2205.13213');
    assert.deepEqual(a.yearMonth, { year: 2022, month: 5 });
    assert.equal(a.provenance.yearMonth?.via, 'arxiv-id');
  });
  test('a disputed field takes no value at all, and says why', () => {
    const a = acceptMetadata(record([src('https://arxiv.org/abs/2205.13213', 'arxiv', { authors: AUTHORS })], { disputed: [{ field: 'authors', reason: 'the listing and arXiv differ' }] }));
    assert.equal(a.authors, undefined);
    assert.equal(a.disagreements[0]?.outcome, 'disputed: the listing and arXiv differ');
  });
  test('a later title is accepted from a primary source or two websites', () => {
    const renamed = 'HiLo: Fast Vision Transformers';
    const a = acceptMetadata(record([src('https://openreview.net/x', 'proceedings', {}, renamed)], { laterTitles: [renamed] }));
    assert.deepEqual(a.laterTitles, [renamed]);
    const b = acceptMetadata(record([src('https://a.example/x', 'secondary', {}, renamed)], { laterTitles: [renamed] }));
    assert.deepEqual(b.laterTitles, []);
  });
});

suite('metadata: checks that stop the build', () => {
  test('a source about another paper (its title differs) is refused', () => {
    const r = record([src('https://arxiv.org/abs/2205.00001', 'arxiv', { arxiv: '2205.00001' }, 'Slow Vision Transformers')]);
    refuses(() => checkRecord(r, acceptMetadata(r), TITLE, 'm:3'), /^m:3: the source https:\/\/arxiv\.org\/abs\/2205\.00001 gives the title "Slow Vision Transformers"/);
    const cased = record([src('https://arxiv.org/abs/2205.13213', 'arxiv', {}, 'Fast vision transformers with HiLo attention.')]);
    assert.doesNotThrow(() => checkRecord(cased, acceptMetadata(cased), TITLE, 'm:3'));
  });
  test('an arXiv id must agree with the first-version date (a day early is allowed: arXiv dates are UTC)', () => {
    const r = (date: string) => record([src('https://arxiv.org/abs/2205.13213', 'arxiv', { arxiv: '2205.13213', date })]);
    refuses(() => checkRecord(r('2022-07-01'), acceptMetadata(r('2022-07-01')), TITLE, 'm:1'), /arXiv id 2205\.13213 was first submitted in 2022-05, but the first-version date is 2022-07-01/);
    assert.doesNotThrow(() => checkRecord(r('2022-04-30'), acceptMetadata(r('2022-04-30')), TITLE, 'm:1'));
  });
  test('the seed listing and the metadata must agree on authors and dates, or the record says it is disputed', () => {
    const a = acceptMetadata(record([src('https://arxiv.org/abs/2205.13213', 'arxiv', { authors: AUTHORS, date: '2022-05-26' })]));
    assert.doesNotThrow(() => crossCheck(a, { authors: ['Zizheng Pan'], truncated: true, where: 's.txt:1' }, 'm:1'));
    refuses(() => crossCheck(a, { authors: ['Zizheng Pan'], truncated: false, where: 's.txt:1' }, 'm:1'), /^m:1: the authors conflict: s\.txt:1 lists Zizheng Pan; https:\/\/arxiv\.org\/abs\/2205\.13213 gives/);
    assert.doesNotThrow(() => crossCheck(a, { authors: [], truncated: false, date: { year: 2022, month: 6, day: 20 }, where: 's.txt:1' }, 'm:1'));
    refuses(() => crossCheck(a, { authors: [], truncated: false, date: { year: 2022, month: 8, day: 1 }, where: 's.txt:1' }, 'm:1'), /the dates conflict/);
  });
  test('two papers may not share an arXiv id', () => {
    const corpus = seedCorpus();
    const [p, q] = corpus.papers;
    assert.ok(p && q);
    const rec = (id: string, title: string) => record([src('https://arxiv.org/abs/2205.13213', 'arxiv', { arxiv: '2205.13213' }, title)], { id, title });
    refuses(() => applyMetadata(corpus, [rec(p.id, p.title), rec(q.id, q.title)], 'm.jsonl'), /^m\.jsonl:2: arXiv id 2205\.13213 is also .+'s \(line 1\)$/);
    refuses(() => applyMetadata(corpus, [rec('no-such-paper', 'X')], 'm.jsonl'), /^m\.jsonl:1: no paper in the corpus has the id no-such-paper$/);
  });
});

suite('metadata: the bundled papers', () => {
  const { metadata } = readCorpus(SEED_DIR);
  const papers = realCorpus().papers;

  test('every record is about a paper of the corpus, and every paper keeps its seed sources', () => {
    const records = parseMetadata(readFileSync(join(REPO, 'metadata', 'papers.jsonl'), 'utf8'), 'papers.jsonl');
    const ids = new Set(papers.map((p) => p.id));
    for (const r of records) assert.ok(ids.has(r.id), r.id);
    assert.equal(metadata?.records, records.length);
    assert.deepEqual(
      papers.map((p) => p.sources),
      seedCorpus().papers.map((p) => p.sources),
    );
  });
  test('every accepted field names where it came from', () => {
    for (const p of papers) {
      for (const field of ['arxiv', 'doi', 'venue', 'laterTitles'] as const) {
        if (p[field] === undefined) continue;
        const prov = p.provenance?.[field];
        assert.ok(prov && prov.via !== 'seed' && prov.urls.length > 0, `${p.id}: ${field}`);
      }
      for (const field of ['authors', 'date'] as const) {
        if (field === 'authors' ? p.authors.length === 0 : p.date === undefined) continue;
        const prov = p.provenance?.[field];
        assert.ok(prov, `${p.id}: ${field}`);
        assert.ok(prov.via === 'seed' ? (prov.records ?? []).length > 0 : prov.urls.length > 0, `${p.id}: ${field}`);
      }
    }
  });
  test('coverage, as the build reports it, counts what the papers hold', () => {
    const c = metadata?.coverage;
    assert.ok(c);
    assert.equal(c.papers, papers.length);
    assert.equal(c.arxiv, papers.filter((p) => p.arxiv !== undefined).length);
    assert.equal(c.doi, papers.filter((p) => p.doi !== undefined).length);
    assert.equal(c.venue, papers.filter((p) => p.venue !== undefined).length);
    assert.equal(c.authors, papers.filter((p) => p.authors.length > 0 && !p.authorsTruncated).length);
    assert.ok(c.day <= c.yearMonth && c.yearMonth <= c.year && c.year <= c.papers);
    assert.ok(metadata.firstVersionDates <= c.day);
    assert.ok(c.arxiv > papers.length / 2, 'most papers have an arXiv id');
  });
  test('an old key still names its paper: former keys are unique and never another paper\'s key', () => {
    const keys = new Set(assignKeys(papers).values());
    const former = papers.flatMap((p) => p.formerKeys ?? []);
    assert.ok(former.length > 0);
    assert.equal(new Set(former).size, former.length);
    for (const k of former) assert.ok(!keys.has(k), k);
  });
  test('every key a release shipped stays a former key of its paper, unless another paper holds it now', () => {
    const corpus = seedCorpus();
    const [p, q] = corpus.papers;
    assert.ok(p && q);
    const qKey = assignKeys(applyMetadata(corpus, [], 'm.jsonl').corpus.papers).get(q.id);
    assert.ok(qKey);
    const released = new Map([[p.id, ['oldkey2024', qKey]]]);
    const after = applyMetadata(corpus, [], 'm.jsonl', released).corpus.papers.find((x) => x.id === p.id);
    assert.ok(after?.formerKeys?.includes('oldkey2024'));
    assert.ok(after?.formerKeys?.includes(qKey) !== true, 'a key another paper holds now is not a former key');
    assert.equal(papersByKey(assignKeys(applyMetadata(corpus, [], 'm.jsonl', released).corpus.papers), applyMetadata(corpus, [], 'm.jsonl', released).corpus.papers).get('oldkey2024'), p.id);
  });
  test('the released keys file is checked: not JSON, or a key that is not [a-z0-9]+, stops the build with its name', () => {
    refuses(() => parseReleasedKeys('{', 'released-keys.json'), /^released-keys\.json: not JSON/);
    refuses(() => parseReleasedKeys('{"a-paper": ["Bad Key"]}', 'released-keys.json'), /^released-keys\.json: a-paper\.0: /);
    assert.deepEqual(parseReleasedKeys('{"a-paper": ["k2024"]}', 'r.json').get('a-paper'), ['k2024']);
  });
  test('a .bib written by an earlier release holds the paper under its old key: that entry is cited, none added', () => {
    const transmla = papers.find((p) => p.formerKeys?.includes('transmla'));
    assert.ok(transmla);
    const old = '@misc{transmla,\n  title = {{TransMLA}: Multi-head Latent Attention Is All You Need},\n  key   = {TransMLA}\n}\n';
    const plan = planBibEntry(runNow(indexBib(old)), 'transmla2025', (k) => toBibtex(transmla, k), () => false);
    assert.deepEqual(plan.kind === 'present' ? plan.key : plan.kind, 'transmla');
  });
});
