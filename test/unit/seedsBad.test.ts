import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus } from '../../src/build/corpus/buildCorpus';
import { reconcile } from '../../src/core/corpus/report';
import { decodeSeed, firstInvalidUtf8 } from '../../src/build/seeds/lines';
import { MAX_LINE_LENGTH, type ParsedSeedFile, parseSeedFile } from '../../src/build/seeds/parseSeedFile';
import { SeedParseError } from '../../src/build/seeds/types';
import { REPO } from '../support/realCorpus';

/**
 * Seed input the build must survive: every file in test/fixtures/seeds-bad
 * either parses and builds with every record accounted for, or stops the
 * build with `file:line: reason`. Nothing in between: no crash, no other
 * error type, no record dropped.
 */

const DIR = join(REPO, 'test', 'fixtures', 'seeds-bad');

/** Reads a fixture the way the build does: bytes, strict UTF-8, then the parser. */
const read = (file: string): ParsedSeedFile => parseSeedFile(file, decodeSeed(readFileSync(join(DIR, file)), file));

type Expectation = { records: number; papers: number; merged: number } | { line: number; reason: RegExp };

const EXPECTED: Record<string, Expectation> = {
  'crlf.txt': { records: 3, papers: 3, merged: 0 },
  'bom.txt': { records: 3, papers: 3, merged: 0 },
  'bom-crlf.txt': { records: 3, papers: 3, merged: 0 },
  'cr-only.txt': { records: 3, papers: 3, merged: 0 },
  'long-line.txt': { records: 2, papers: 2, merged: 0 },
  'duplicate-same-file.txt': { records: 3, papers: 2, merged: 1 },
  'duplicate-disagree-profile.txt': { records: 1, papers: 1, merged: 0 },
  'duplicate-disagree-daily.txt': { records: 2, papers: 2, merged: 0 },
  'empty.txt': { line: 1, reason: /^file is empty$/ },
  'bom-only.txt': { line: 1, reason: /^file is empty$/ },
  'blank-lines-only.txt': { line: 1, reason: /^file holds only blank lines$/ },
  'unknown-format.txt': { line: 1, reason: /^unknown format/ },
  'truncated-mid-abstract.txt': { line: 4, reason: /abstract of the title on line 3, .*\(58 characters\) at the end of the file; is the file cut off\?/ },
  'truncated-after-title.txt': { line: 3, reason: /title has no abstract after it; is the file cut off\?/ },
  'truncated-mid-utf8.txt': { line: 4, reason: /ends inside a multi-byte UTF-8 character .*is the file cut off\?/ },
  'invalid-utf8-latin1.txt': { line: 4, reason: /invalid UTF-8 at byte \d+ \(0xe8\); save the file as UTF-8/ },
  'invalid-utf8-surrogate.txt': { line: 2, reason: /invalid UTF-8 at byte 66 \(0xed\)/ },
  'utf16.txt': { line: 1, reason: /UTF-16.*save it as UTF-8/ },
  'control-characters.txt': { line: 3, reason: /column 45 holds U\+0000, a control character/ },
  'replacement-character.txt': { line: 2, reason: /U\+FFFD, a replacement character/ },
  'record-cut-alternating.txt': { line: 4, reason: /expected the abstract of the title on line 3, found another title-like line$/ },
  'record-cut-profile.txt': { line: 5, reason: /title glued to its authors after the category\+date line on line 4, found an abstract-like line; is the title line missing\?/ },
  'record-cut-daily.txt': { line: 8, reason: /metadata block ends after "·" with no date line/ },
};

suite('bad seed input: every fixture is accepted in full or stopped at file:line', () => {
  test('every fixture has an expectation, and every expectation a fixture', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    if ('line' in want) {
      test(`${file}: stops the build at line ${want.line}`, () => {
        assert.throws(
          () => buildCorpus([read(file)]),
          (e: unknown) => {
            assert.ok(e instanceof SeedParseError, `expected SeedParseError, got ${String(e)}`);
            assert.equal(e.file, file);
            assert.equal(e.line, want.line, e.message);
            assert.match(e.reason, want.reason);
            assert.equal(e.message, `${file}:${want.line}: ${e.reason}`);
            return true;
          },
        );
      });
    } else {
      test(`${file}: every record is read and accounted for`, () => {
        const parsed = read(file);
        assert.equal(parsed.records.length, want.records);
        const corpus = buildCorpus([parsed]);
        assert.deepEqual(reconcile(corpus).files[file], want);
        // Each record's text reaches a paper: its title, or its abstract in a merged paper's sources.
        for (const r of parsed.records) {
          const home = corpus.papers.find((p) => p.sources.some((s) => s.file === file && s.line === r.line));
          assert.ok(home, `${file}:${r.line} is in no paper`);
        }
      });
    }
  }

  test('CRLF, CR-only, a BOM and both give exactly the records of the LF file', () => {
    const lf = read('crlf.txt').records.map((r) => ({ ...r, file: '' }));
    assert.ok(lf.every((r) => !/\r/.test(`${r.titleRaw}${r.abstractRaw}`)));
    for (const f of ['bom.txt', 'bom-crlf.txt', 'cr-only.txt']) {
      assert.deepEqual(
        read(f).records.map((r) => ({ ...r, file: '' })),
        lf,
        f,
      );
    }
    assert.ok(!read('bom.txt').records[0]?.titleRaw?.startsWith('\uFEFF'));
  });

  test('the same title twice in one file merges, and the other abstract is named in the note', () => {
    const corpus = buildCorpus([read('duplicate-same-file.txt')]);
    const alpha = corpus.papers.find((p) => p.title.startsWith('AlphaNet'));
    assert.deepEqual(
      alpha?.sources.map((s) => [s.line, s.role, s.match]),
      [
        [1, 'primary', undefined],
        [5, 'duplicate', 'same title as duplicate-same-file.txt:1'],
      ],
    );
    assert.match(alpha?.abstract ?? '', /two thirds/);
    assert.match(alpha?.abstractNote ?? '', /kept the longest version, from duplicate-same-file\.txt:5 .*Other versions: duplicate-same-file\.txt:1/);
  });

  test('duplicates that disagree merge, and the paper says what was kept, from where, and what else was said', () => {
    const corpus = buildCorpus([read('duplicate-disagree-profile.txt'), read('duplicate-disagree-daily.txt')]);
    assert.deepEqual(reconcile(corpus).files, {
      'duplicate-disagree-daily.txt': { records: 2, papers: 2, merged: 0 },
      'duplicate-disagree-profile.txt': { records: 1, papers: 0, merged: 1 },
    });
    const p = corpus.papers.find((x) => x.id === 'deltavit-stitching-vision-transformers-of-any-size');
    assert.ok(p);
    // Everything either source knew is in the paper: names from one, the count, the date and the code link from the other.
    assert.deepEqual(p.authors.map((a) => a.name), ['Zizheng Pan', 'Jianfei Cai', 'Bohan Zhuang']);
    assert.equal(p.authorCount, 5);
    assert.equal(p.authorsTruncated, true, 'three names of five authors is a list cut short');
    assert.equal(p.category, 'cs.CV');
    assert.equal(p.codeUrl, 'https://github.com/example/deltavit');
    assert.deepEqual(p.date, { year: 2023, month: 6, day: 4 });
    // What was not kept is recorded, with where it came from.
    assert.equal(p.sources[1]?.match, 'same title as duplicate-disagree-daily.txt:5; disagrees on author count, date');
    assert.match(p.metadataNote ?? '', /author count: kept "5" from duplicate-disagree-daily\.txt:5 \(the largest\); duplicate-disagree-profile\.txt:1 says "3"/);
    assert.match(p.metadataNote ?? '', /date: kept "4 Jun 2023" from duplicate-disagree-daily\.txt:5 .*; duplicate-disagree-profile\.txt:1 says "26 May 2022"/);
    assert.match(p.abstractNote ?? '', /Other versions: duplicate-disagree-profile\.txt:1/);
  });

  test('a record that only knows less does not disagree: a shorter author list, a date without its year', () => {
    const a = parseSeedFile('a.txt', ['CVMay 26, 2022Code', 'DeltaViT: Stitching Vision Transformers of Any SizeZizheng Pan, Jianfei Cai, Bohan Zhuang', ABSTRACT].join('\n'));
    const b = parseSeedFile('b.txt', ['CVMay 26, 2022', 'DeltaViT: Stitching Vision Transformers of Any SizeZizheng Pan et al.', ABSTRACT].join('\n'));
    const c = parseSeedFile('c.txt', ['DeltaViT: Stitching Vision Transformers of Any Size', '', ABSTRACT, '', '  • 3 authors', '·', 'May 26 4', ''].join('\n'));
    const p = buildCorpus([a, b, c]).papers[0];
    assert.equal(p?.metadataNote, undefined);
    assert.deepEqual(
      p?.sources.map((s) => s.match),
      [undefined, 'same title as a.txt:1', 'same title as a.txt:1'],
    );
  });
});

const ABSTRACT =
  'DeltaViT stitches pretrained vision transformers of different sizes into one network. Any point on the accuracy-latency curve is reachable without retraining.';

suite('bad seed input: absurdly long lines', () => {
  const title = 'AlphaNet: Sparse Attention for Long Documents';
  const timed = <T>(f: () => T): { ms: number; result: T | Error } => {
    const t0 = performance.now();
    let result: T | Error;
    try {
      result = f();
    } catch (e) {
      result = e as Error;
    }
    return { ms: performance.now() - t0, result };
  };

  // 1 MB of sentences: an abstract-shaped line, a title-shaped line, and a file that is one line.
  const sentences = 'We study this in depth. '.repeat(44_000);
  const words = 'Word '.repeat(210_000);
  const cases: [string, string, number][] = [
    ['a 1 MB abstract line', `${title}\n${sentences}`, 2],
    ['a 1 MB line in a title position', `${title}\n${ABSTRACT}\n${words}\n${ABSTRACT}`, 3],
    ['a 1 MB file on one line', words, 1],
    ['a 1 MB "Abstract:" line', `Abstract:${sentences}`, 1],
    ['a 1 MB glued title and author line in a profile listing', `CVMay 26, 2022Code\n${'AbCd'.repeat(260_000)}Zizheng Pan\n${ABSTRACT}`, 2],
  ];
  for (const [what, text, line] of cases) {
    test(`${what}: stops at line ${line} with its length, at once`, () => {
      assert.ok(text.length > 1_000_000);
      const { ms, result } = timed(() => parseSeedFile('big.txt', text));
      assert.ok(result instanceof SeedParseError, String(result));
      assert.equal(result.line, line);
      assert.match(result.reason, new RegExp(`^line is ${text.split('\n')[line - 1]?.length} characters long, more than the ${MAX_LINE_LENGTH}`));
      assert.ok(ms < 2_000, `${Math.round(ms)} ms`); // a length check; generous for slow CI machines
    });
  }

  test(`a line just under the limit is read, and a glued profile line that long is split in one pass`, () => {
    const authors = Array.from({ length: 1500 }, (_, i) => `Ann${String.fromCharCode(97 + (i % 26))} Lee${String.fromCharCode(97 + ((i * 7) % 26))}`).join(', ');
    const glued = `DeltaViT: Stitching Vision Transformers of Any Size${authors}`;
    assert.ok(glued.length < MAX_LINE_LENGTH && glued.length > 15_000);
    const { ms, result } = timed(() => parseSeedFile('p.txt', ['CVMay 26, 2022Code', glued, ABSTRACT].join('\n')));
    assert.ok(!(result instanceof Error), String(result));
    assert.equal(result.records[0]?.authors?.length, 1500);
    assert.equal(result.records[0]?.titleRaw, 'DeltaViT: Stitching Vision Transformers of Any Size');
    assert.ok(ms < 2_000, `${Math.round(ms)} ms`);
  });
});

suite('bad seed input: strict UTF-8', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  test('well-formed sequences of every length pass; ill-formed ones are found at their first byte', () => {
    const ok = new TextEncoder().encode('a é € 𝜇 \u{10FFFF}');
    assert.deepEqual(firstInvalidUtf8(ok), { offset: ok.length, truncated: false });
    const bad: [string, Uint8Array, number][] = [
      ['a stray continuation byte', bytes(0x41, 0x80), 1],
      ['an overlong two-byte form', bytes(0x41, 0xc0, 0x80), 1],
      ['an overlong three-byte form', bytes(0xe0, 0x80, 0x80), 0],
      ['an encoded surrogate', bytes(0x41, 0x42, 0xed, 0xa0, 0x80), 2],
      ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
      ['a lead byte that never starts UTF-8', bytes(0xf5, 0x80, 0x80, 0x80), 0],
    ];
    for (const [what, b, at] of bad) {
      assert.deepEqual(firstInvalidUtf8(b), { offset: at, truncated: false }, what);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(b), TypeError, `${what}: the platform decoder agrees`);
    }
    assert.deepEqual(firstInvalidUtf8(bytes(0x41, 0xe2, 0x82)), { offset: 1, truncated: true });
  });
  test('the error names the line, counting from 1', () => {
    assert.throws(() => decodeSeed(bytes(0x41, 0x0a, 0x42, 0x0a, 0xed, 0xa0, 0x80), 'x.txt'), /^SeedParseError: x\.txt:3: invalid UTF-8 at byte 4 \(0xed\)/);
  });
});
