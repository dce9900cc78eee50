import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { buildCorpus } from '../../src/build/corpus/buildCorpus';
import { reconcile } from '../../src/core/corpus/report';
import { titleKey, cleanTitle } from '../../src/core/corpus/titles';
import { toLines } from '../../src/build/seeds/lines';
import { parseSeedFile } from '../../src/build/seeds/parseSeedFile';
import { MONTHS } from '../../src/build/seeds/shapes';
import { type SeedFormat, type SeedRecord, SeedParseError } from '../../src/build/seeds/types';
import { fuzzParams } from '../support/fuzz';
import { wrapText } from '../support/wrapText';

/**
 * Property tests of the seed parser: generated listings in each of the five
 * formats, with random line ends and a BOM, parse back to exactly the
 * records they were made from; with junk lines interleaved, the parser
 * either still yields every record or stops with a SeedParseError that names
 * a line of the file. It never crashes with anything else.
 */

// ---- generators -----------------------------------------------------------

const lower = fc.stringMatching(/^[a-z]{2,10}$/);
const cap = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
/** Words real titles and abstracts hold: accents, scripts, super- and subscripts, symbols. */
const unusual = fc.constantFrom('Rozière', 'S²FT', 'H₂O', 'α-Entmax', 'Ørsted', 'naïve', '大模型', 'Łukasz', 'KV', 'DeepSeek-V3', 'x86', '50%', 'O(n)', '$10,000', 'LLMs', 'k-NN', '🤗', 'Ćosić', 'ViT-L/14', '«quoted»');
const word = fc.oneof({ weight: 6, arbitrary: lower }, { weight: 2, arbitrary: cap }, { weight: 1, arbitrary: unusual });

/** A title: 2–10 words, sometimes "Name: subtitle". Never sentence-shaped. */
const title = fc
  .tuple(fc.option(cap, { nil: undefined }), cap, fc.array(word, { minLength: 1, maxLength: 9 }))
  .map(([name, first, rest]) => `${name === undefined ? '' : `${name}: `}${[first, ...rest].join(' ')}`);

/** A profile title glued to authors: plain words only, so the glue point is unambiguous. */
const plainTitle = fc.tuple(cap, fc.array(fc.oneof(lower, cap), { minLength: 1, maxLength: 8 })).map(([first, rest]) => [first, ...rest].join(' '));

const FILLER = 'We report results on many standard benchmarks and tasks.';
const sentence = fc.tuple(cap, fc.array(word, { minLength: 6, maxLength: 18 })).map(([first, rest]) => `${first} ${rest.join(' ')}.`);
/** An abstract: sentences, at least 130 characters. */
const abstract = fc
  .array(sentence, { minLength: 2, maxLength: 5 })
  .map((s) => s.join(' '))
  .map((a) => (a.length >= 130 ? a : `${a} ${FILLER} ${FILLER}`));

const personName = fc.tuple(cap, cap).map(([g, f]) => `${g} ${f}`);
const day = fc.integer({ min: 1, max: 28 });
const month = fc.integer({ min: 1, max: 12 });
const year = fc.integer({ min: 2015, max: 2025 });

interface Made {
  format: SeedFormat;
  /** The lines before the first record (page chrome), without line ends. */
  head: string[];
  /** The lines of each record, in order. */
  groups: string[][];
  /** What the parser must give back. */
  records: Omit<SeedRecord, 'file' | 'line' | 'abstractLine' | 'format'>[];
}

const alternatingFile: fc.Arbitrary<Made> = fc.array(fc.tuple(title, abstract), { minLength: 1, maxLength: 8 }).map((rs) => ({
  format: 'alternating',
  head: [],
  groups: rs.map(([t, a]) => [t, a]),
  records: rs.map(([t, a]) => ({ titleRaw: t, abstractRaw: a })),
}));

/** Blank-separated, with abstracts sometimes wrapped at 30–100 columns, as an editor or a browser's "save as text" does. */
const blankSeparatedFile: fc.Arbitrary<Made> = fc
  .tuple(fc.array(fc.tuple(title, abstract), { minLength: 1, maxLength: 8 }), fc.option(fc.integer({ min: 30, max: 100 }), { nil: undefined }), fc.boolean())
  .map(([rs, wrap, header]) => ({
    format: 'blank-separated',
    head: header ? ['new', '', 'Subscribe', '', 'Mar 14', ''] : [],
    groups: rs.map(([t, a]) => [t, '', ...(wrap === undefined ? [a] : wrapText(a, wrap)), '']),
    records: rs.map(([t, a]) => ({ titleRaw: t, abstractRaw: a })),
  }));

type Meta = { kind: 'count'; n: number } | { kind: 'org'; handle: string; name: string } | { kind: 'none' };
const dailyRecord = fc.tuple(
  title,
  abstract,
  fc.oneof(
    fc.integer({ min: 1, max: 40 }).map((n): Meta => ({ kind: 'count', n })),
    fc.tuple(lower, cap).map(([handle, name]): Meta => ({ kind: 'org', handle, name })),
    fc.constant<Meta>({ kind: 'none' }),
  ),
  month,
  day,
  fc.option(year, { nil: undefined }),
  fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
);
const dailyFile: fc.Arbitrary<Made> = fc
  .array(dailyRecord, { minLength: 1, maxLength: 8 })
  .filter((rs) => rs.some(([, , m]) => m.kind !== 'none'))
  .map((rs) => ({
    format: 'daily-papers',
    head: ['Daily Papers', ''],
    groups: rs.map(([t, a, meta, mo, d, y, up]) => {
        const date = `${MONTHS[mo - 1]} ${d}${y === undefined ? '' : `, ${y}`}${up === undefined ? '' : ` ${up}`}`;
        const block = meta.kind === 'none' ? [] : [meta.kind === 'count' ? `  • ${meta.n} authors` : `${meta.handle} ${meta.name}`, '·', date, ''];
        return [t, '', a, '', ...block];
      }),
    records: rs.map(([t, a, meta, mo, d, y, up]) => {
      const r: Made['records'][number] = { titleRaw: t, abstractRaw: a };
      if (meta.kind === 'none') return r;
      r.date = y === undefined ? { month: mo, day: d } : { month: mo, day: d, year: y };
      if (up !== undefined) r.upvotes = up;
      if (meta.kind === 'count') r.authorCount = meta.n;
      else r.organization = meta.name;
      return r;
    }),
  }));

const profileRecord = fc.tuple(
  fc.stringMatching(/^[A-Z]{2,4}$/),
  fc.tuple(year, month, day),
  fc.boolean(),
  plainTitle,
  fc.array(personName, { minLength: 1, maxLength: 5 }),
  fc.boolean(),
  fc.array(lower, { maxLength: 3 }),
  abstract,
);
const profileFile: fc.Arbitrary<Made> = fc.array(profileRecord, { minLength: 1, maxLength: 6 }).map((rs) => ({
  format: 'profile-list',
  head: [],
  groups: rs.map(([cat, [y, mo, d], code, t, authors, etAl, affs, a]) => [
    `${cat}${MONTHS[mo - 1]} ${d}, ${y}${code ? 'Code' : ''}`,
    `${t}${authors.join(', ')}${etAl ? ' et al.' : ''}${affs.length > 0 ? ` · ${affs.join(', ')}` : ''}`,
    a,
  ]),
  records: rs.map(([cat, [y, mo, d], code, t, authors, etAl, affs, a]) => {
    const r: Made['records'][number] = {
      titleRaw: t,
      abstractRaw: a,
      authors,
      authorsTruncated: etAl,
      date: { year: y, month: mo, day: d },
      category: `cs.${cat}`,
      codeFlag: code,
    };
    if (!etAl) r.authorCount = authors.length;
    if (affs.length > 0) r.affiliations = affs;
    return r;
  }),
}));

const bareFile: fc.Arbitrary<Made> = fc.array(abstract, { minLength: 1, maxLength: 8 }).map((as) => ({
  format: 'bare-abstracts',
  head: [],
  groups: as.map((a) => [`Abstract:${a}`]),
  records: as.map((a) => ({ abstractRaw: a })),
}));

const anyFile = fc.oneof(alternatingFile, blankSeparatedFile, dailyFile, profileFile, bareFile);

/** Line ends, a BOM, a final newline or not. */
const encoding = fc.record({ eol: fc.constantFrom('\n', '\r\n', '\r'), bom: fc.boolean(), finalEol: fc.boolean() });
const linesOf = (m: Made): string[] => [...m.head, ...m.groups.flat()];
const render = (lines: readonly string[], e: { eol: string; bom: boolean; finalEol: boolean }): string =>
  `${e.bom ? '\uFEFF' : ''}${lines.join(e.eol)}${e.finalEol ? e.eol : ''}`;

/**
 * Lines that do not belong: noise, page chrome, fragments of records (a
 * title, a cut-off abstract, a metadata line), control characters, a line
 * over the length limit. Not whole abstracts: a junk title followed by a junk
 * abstract is, by every sign a listing has, a record.
 */
const junk = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
  fc.constantFrom('new', 'Subscribe', 'Daily Papers', '·', '  • 3 authors', '  • 0 authors', 'Mar 14', 'Jun 4, 2024 12', 'Abstract:', 'Abstract: We present a', 'CVMay 26, 2022Code', 'nvidia NVIDIA', '\t', 'a\u0000b', '\ufffd', 'x'.repeat(20_001)),
  title,
  abstract.map((a) => a.slice(0, 100)),
);

/** Inserts each junk line between two records (or before the first, or after the last). */
const junkBetweenRecords = (m: Made, items: readonly [number, string][]): string[] => {
  const groups = m.groups.map((g) => [...g]);
  const before: string[][] = groups.map(() => []);
  const after: string[] = [];
  for (const [at, j] of items) {
    const k = at % (groups.length + 1);
    if (k === groups.length) after.push(j);
    else before[k]?.push(j);
  }
  return [...m.head, ...groups.flatMap((g, k) => [...(before[k] ?? []), ...g]), ...after];
};

/** Inserts each junk line anywhere: inside a record, between its title and abstract, inside a wrapped paragraph. */
const junkAnywhere = (lines: readonly string[], items: readonly [number, string][]): string[] => {
  const out = [...lines];
  for (const [at, j] of items) out.splice(at % (out.length + 1), 0, j);
  return out;
};

/** Whether every word of `needle` occurs in `haystack`, in order, perhaps with other words between. */
function wordsInOrder(haystack: string, needle: string): boolean {
  const hay = haystack.split(/\s+/).filter((w) => w !== '');
  let i = 0;
  for (const w of needle.split(/\s+/).filter((x) => x !== '')) {
    while (i < hay.length && hay[i] !== w) i++;
    if (i++ >= hay.length) return false;
  }
  return true;
}

/** Parses, or checks that the parser stopped with a SeedParseError naming a line of the file, and returns undefined. */
function parseOrStop(file: string, text: string): ReturnType<typeof parseSeedFile> | undefined {
  try {
    return parseSeedFile(file, text);
  } catch (err) {
    assert.ok(err instanceof SeedParseError, `not a SeedParseError: ${String(err)}`);
    const lineCount = Math.max(1, toLines(text).length);
    assert.ok(err.line >= 1 && err.line <= lineCount, `line ${err.line} of ${lineCount}`);
    assert.equal(err.message, `${file}:${err.line}: ${err.reason}`);
    assert.ok(err.reason.length > 0);
    return undefined;
  }
}

const strip = (r: SeedRecord): Made['records'][number] => {
  const { file: _f, line: _l, abstractLine: _a, format: _fm, ...rest } = r;
  return rest;
};

// ---- properties -----------------------------------------------------------

suite('seed parser properties (fast-check)', () => {
  test('a generated listing in any format, any line ends, with or without a BOM, parses back to exactly its records', () => {
    fc.assert(
      fc.property(anyFile, encoding, (made, e) => {
        const parsed = parseSeedFile('gen.txt', render(linesOf(made), e));
        assert.equal(parsed.format, made.format);
        assert.deepEqual(parsed.records.map(strip), made.records);
        for (const r of parsed.records) assert.equal(r.format, made.format);
      }),
      fuzzParams(150),
    );
  });

  test('with junk lines between records: every record still comes out, or a SeedParseError names a line of the file', () => {
    fc.assert(
      fc.property(anyFile, fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 4 }), encoding, (made, items, e) => {
        const parsed = parseOrStop('junk.txt', render(junkBetweenRecords(made, items), e));
        if (!parsed) return;
        // Accepted: nothing lost. A junk line may have joined a record's paragraph (a wrapped paragraph looks the same), but every record comes out with every word, in order.
        for (const r of made.records) {
          const found = parsed.records.some(
            (x) => (r.titleRaw === undefined || wordsInOrder(x.titleRaw ?? '', r.titleRaw)) && wordsInOrder(x.abstractRaw ?? '', r.abstractRaw ?? ''),
          );
          assert.ok(found, `record lost: ${r.titleRaw ?? r.abstractRaw?.slice(0, 40)}`);
        }
      }),
      fuzzParams(300),
    );
  });

  test('with junk lines anywhere, even inside records: no crash, no text dropped, or a SeedParseError names a line', () => {
    fc.assert(
      fc.property(anyFile, fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 4 }), encoding, (made, items, e) => {
        const parsed = parseOrStop('junk.txt', render(junkAnywhere(linesOf(made), items), e));
        if (!parsed) return;
        // Junk inside a record can move a record boundary (a blank line splitting a wrapped abstract reads as two
        // paragraphs), so records may come out regrouped; but all of their text comes out, in order.
        const all = parsed.records.map((x) => `${x.titleRaw ?? ''} ${x.abstractRaw ?? ''}`).join(' ');
        const want = made.records.map((r) => `${r.titleRaw ?? ''} ${r.abstractRaw ?? ''}`).join(' ');
        assert.ok(wordsInOrder(all, want), 'text lost');
      }),
      fuzzParams(300),
    );
  });

  test('arbitrary text never crashes the parser: it parses, or stops at a line with a reason', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parseOrStop('any.txt', text);
      }),
      fuzzParams(300),
    );
  });

  test('several listings build into a corpus that accounts for every record, duplicates included', () => {
    const titled = fc.oneof(alternatingFile, blankSeparatedFile, dailyFile, profileFile);
    fc.assert(
      fc.property(fc.array(titled, { minLength: 1, maxLength: 4 }), fc.nat(), (files, pick) => {
        // One record again in another file, with another abstract: a duplicate that disagrees.
        const donor = files[pick % files.length] as Made;
        const dup = donor.records[pick % donor.records.length];
        const extra: Made | undefined =
          dup?.titleRaw === undefined ? undefined : { format: 'alternating', head: [], groups: [[dup.titleRaw, `${dup.abstractRaw ?? ''} ${FILLER}`]], records: [] };
        const parsed = [...files, ...(extra ? [extra] : [])].map((f, i) => parseSeedFile(`f${i}.txt`, linesOf(f).join('\n')));
        let corpus;
        try {
          corpus = buildCorpus(parsed);
        } catch (err) {
          // Two generated titles may have the same id-less key only by chance; anything else is a bug.
          assert.ok(err instanceof SeedParseError, String(err));
          assert.match(err.reason, /has no letters or digits/);
          return;
        }
        const r = reconcile(corpus);
        const records = parsed.flatMap((f) => f.records);
        const titles = new Set(records.map((x) => titleKey(cleanTitle(x.titleRaw ?? ''))));
        assert.equal(r.papers, titles.size);
        for (const rec of records) {
          const homes: unknown[] = corpus.papers.filter((p) => p.sources.some((s) => s.file === rec.file && s.line === rec.line));
          assert.equal(homes.length, 1, `${rec.file}:${rec.line}`);
        }
      }),
      fuzzParams(60, 0.2),
    );
  });
});
