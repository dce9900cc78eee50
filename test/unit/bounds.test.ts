import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { QUERY_LIMITS, boundQuery, queryTerms } from '../../src/core/search/engine';
import { MAX_TOKEN } from '../../src/core/techniques/identifiers';
import { isProse } from '../../src/core/techniques/regions';
import { decodeUserText } from '../../src/core/text/decode';
import { fuzzParams } from '../support/fuzz';
import { realData } from '../support/realCorpus';
import { runCli } from '../support/runCli';

/**
 * Every input has a bound: queries of any length, whole files of any shape
 * into the scanner, and files that are not files. Counts and results, never
 * timings: the benchmark (`npm run bench`) shows that the time grows
 * linearly.
 */
suite('bounds: search queries of any length', () => {
  const search = realData().search;
  test('a 65,535-letter word, a megabyte of 16 words and 100,000 characters of real words all answer, and say what was left out', () => {
    assert.deepEqual(search.search('a'.repeat(65_535)), []);
    const megabyte = Array.from({ length: 16 }, (_, i) => String.fromCharCode(97 + i).repeat(65_536)).join(' ');
    assert.deepEqual(search.search(megabyte), []);
    assert.match(boundQuery(megabyte).note ?? '', /Only the first 1,000 characters of the query are searched/);
    const long = 'kv cache compression '.repeat(5000);
    const top = search.search('kv cache compression', { limit: 5 }).map((h) => h.paper.id);
    assert.ok(top.includes(search.search(long, { limit: 5 })[0]?.paper.id ?? ''));
  });
  test('property: any query up to 100,000 characters gives what its bounded form gives, within the limit', () => {
    const word = fc.oneof(fc.constantFrom('kv', 'cache', 'attention', 'speculatve', 'Zizheng', 'MLA'), fc.string({ minLength: 1, maxLength: 200 }));
    const query = fc.oneof(
      fc.array(word, { maxLength: 60 }).map((ws) => ws.join(' ')),
      fc.tuple(word, fc.integer({ min: 1, max: 100_000 })).map(([w, n]) => w.repeat(Math.ceil(n / w.length)).slice(0, n)),
    );
    fc.assert(
      fc.property(query, (q) => {
        const hits = search.search(q, { limit: 10 });
        assert.ok(hits.length <= 10);
        assert.deepEqual(hits.map((h) => h.paper.id), search.search(boundQuery(q).query, { limit: 10 }).map((h) => h.paper.id));
        const terms = queryTerms(boundQuery(q).query);
        assert.ok(terms.length <= QUERY_LIMITS.terms && terms.every((t) => t.length <= QUERY_LIMITS.termChars));
      }),
      fuzzParams(60, 0.2),
    );
  });
});

suite('bounds: whole files into the scanner', () => {
  const matcher = realData().techniques;
  const line = fc.oneof(
    fc.constantFrom('x = self.kv_cache  # KV cache compression', 'class MultiHeadLatentAttention(nn.Module):', '"""Speculative decoding', 'with multi-head latent attention."""', 'mode = "train"', ''),
    fc.string({ maxLength: 80 }),
    fc.integer({ min: MAX_TOKEN - 2, max: MAX_TOKEN * 4 }).map((n) => 'use_mla'.repeat(Math.ceil(n / 7)).slice(0, n)),
  );
  test('property: every mention scan reports is the match at its position, judged with the whole file\'s comments and strings', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('python', 'typescript', 'markdown', 'c'), (lines, eol, lang) => {
        const text = lines.join(eol);
        const facts = matcher.factsOf(text, lang);
        const regions = facts.regions;
        const starts: number[] = [];
        let at = 0;
        for (const l of lines) {
          starts.push(at);
          at += l.length + eol.length;
        }
        const hits = matcher.scan(text, lang);
        for (const h of hits) {
          const l = lines[h.line] as string;
          assert.equal(l.slice(h.start, h.end), h.text);
          const again = matcher.matchAt(l, h.start, { prose: isProse(regions, (starts[h.line] as number) + h.start), facts });
          assert.equal(again?.technique.id, h.technique.id, JSON.stringify([l, h.start]));
        }
        // No identifier longer than MAX_TOKEN ever gets a card.
        for (const h of hits) assert.ok(h.identifier.length <= MAX_TOKEN);
      }),
      fuzzParams(200),
    );
  });
  test('a docstring across lines is prose: a phrase on its second line gets a card, the same words in code do not', () => {
    const text = 'import torch\ndef f():\n    """Implements\n    multi-head latent attention for the cache."""\n    multi = head = latent = attention = 1\n';
    const hits = matcher.scan(text, 'python');
    assert.deepEqual(
      hits.map((h) => [h.line, h.technique.name]),
      [[3, 'MLA']],
    );
  });
});

suite('bounds: files that are not text, or not files', () => {
  let dir = '';
  suiteSetup(() => (dir = mkdtempSync(join(tmpdir(), 'paperlens-bounds-'))));
  suiteTeardown(() => rmSync(dir, { recursive: true, force: true }));

  test('a device, a pipe with no writer and a folder are refused at once, by name', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [file, kind] of [['/dev/zero', 'a device'], [fifo, 'a pipe'], [dir, 'a folder']] as const) {
      for (const argv of [['scan', file], ['hover', `${file}:1:1`]]) {
        const r = runCli(...argv);
        assert.equal(r.code, 1, argv.join(' '));
        assert.match(r.err, new RegExp(`is not a regular file: it is ${kind}`));
      }
    }
  });
  test('a UTF-8 byte-order mark does not shift columns on line 1; UTF-16 with a mark is read, without one it is named', () => {
    const bom = join(dir, 'bom.py');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('use_mla = True  # torch attention\n')]));
    assert.match(runCli('scan', bom).out, /bom\.py:1:5 {2}MLA/);
    const le = join(dir, 'le.py');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('use_mla = True  # torch attention\n', 'utf16le')]));
    assert.match(runCli('scan', le).out, /le\.py:1:5 {2}MLA/);
    const bare = join(dir, 'bare.py');
    writeFileSync(bare, Buffer.from('use_mla = True\n', 'utf16le'));
    assert.match(runCli('scan', bare).err, /is UTF-16 without a byte-order mark; save it as UTF-8/);
    assert.deepEqual(decodeUserText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), { error: 'is not text (it holds NUL bytes)' });
  });
  test('an unknown short option is a usage error, not a search word; after -- it is a word', () => {
    const r = runCli('search', 'kv', '-x');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown option -x/);
    assert.equal(runCli('search', '--', '-x').code, 0);
  });
});
