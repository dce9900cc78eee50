import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { identifierAt } from '../../src/core/techniques/identifiers';
import { isProse, proseRegions } from '../../src/core/techniques/regions';
import { STEM_SLACK, keyOf, splitWords, stem } from '../../src/core/techniques/words';
import { FUZZING, fuzzParams } from '../support/fuzz';
import { realMatcher } from '../support/realCorpus';

/**
 * Property tests of identifier splitting and technique matching, which run
 * on every hover: they never throw, their answers point inside the line they
 * were given, and pathological identifiers (10,000 characters, all capitals,
 * all underscores) finish. Times are printed, not asserted: a unit test on a
 * shared CI machine is no place for a tight threshold.
 */

/** Identifiers and lines as they occur, and as nobody would write them. */
const identifierish = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aAbBkKvVmMlL_0129-. '.split('')), maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('MultiHeadLatentAttention', 'kv_cache', 'use_mla', 'RTDETRv2', 'TStitchSampler', 'SNNet', 'flash_attn', 'S²FT', 'H₂O', 'the KV cache', '# see MLA'),
);
const languages = fc.constantFrom('python', 'typescript', 'cpp', 'latex', 'markdown', 'plaintext', 'css', 'html', 'unknown-language');

suite('technique matching properties (fast-check)', () => {
  const matcher = realMatcher();

  test('splitWords never throws; its words are in order, inside the text, and are the text they say', () => {
    fc.assert(
      fc.property(identifierish, fc.nat({ max: 50 }), (text, offset) => {
        const words = splitWords(text, offset);
        let last = offset;
        for (const w of words) {
          assert.ok(w.start >= last && w.end > w.start && w.end <= offset + text.length, JSON.stringify(w));
          assert.equal(text.slice(w.start - offset, w.end - offset), w.text);
          assert.equal(w.stem, stem(w.lower));
          last = w.end;
        }
        assert.equal(typeof keyOf(text), 'string');
      }),
      fuzzParams(500),
    );
  });

  test('stem keeps all but at most STEM_SLACK final letters of a lowercase word, and the bound is reached', () => {
    // The lexicon build prunes runs and the matcher bounds glued-name cuts on this.
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abdegintsu'.split('')), maxLength: 14 }), (w) => {
        const s = stem(w);
        assert.ok(w.startsWith(s), JSON.stringify([w, s]));
        assert.ok(w.length - s.length <= STEM_SLACK, JSON.stringify([w, s]));
      }),
      fuzzParams(500),
    );
    assert.equal('agreeings'.length - stem('agreeings').length, STEM_SLACK);
  });

  test('the matcher never throws, at any column of any line, in any language; a match lies inside the line', () => {
    fc.assert(
      fc.property(identifierish, fc.integer({ min: -2, max: 90 }), languages, fc.boolean(), (line, col, lang, prose) => {
        for (const m of [matcher.matchInLanguage(line, col, lang), matcher.matchAt(line, col, { prose }), matcher.matchIdentifier(line)]) {
          if (!m) continue;
          assert.ok(m.start >= 0 && m.end > m.start && m.end <= line.length, JSON.stringify([m.start, m.end, line.length]));
          assert.equal(m.text, line.slice(m.start, m.end));
          assert.ok(m.technique.papers.length > 0);
        }
        const span = identifierAt(line, col, prose);
        if (span) assert.ok(span.windowStart <= span.start && span.start < span.end && span.end <= span.windowEnd && span.windowEnd <= line.length);
        assert.equal(typeof isProse(proseRegions(line, lang), col), 'boolean');
      }),
      fuzzParams(500),
    );
  });

  test('scan never throws, and every mention it reports is on its line', () => {
    fc.assert(
      fc.property(fc.array(identifierish, { maxLength: 6 }), languages, (lines, lang) => {
        const text = lines.join('\n');
        const rows = text.split(/\r\n|\r|\n/);
        for (const m of matcher.scan(text, lang)) {
          const row = rows[m.line] ?? '';
          assert.equal(row.slice(m.start, m.end), m.text);
          assert.equal(m.column, m.start);
        }
      }),
      fuzzParams(200, 0.5),
    );
  });

  test('prose regions and the prose window agree with their straightforward (character by character) definitions', () => {
    type Rule = { open: string; close: string; escape: boolean; multiline: boolean };
    /** The definition: at each character, the longest opener there starts a comment or literal, which runs to its end. */
    const regionsRef = (text: string, rules: Rule[]): [number, number][] => {
      const sorted = [...rules].sort((a, b) => b.open.length - a.open.length);
      const out: [number, number][] = [];
      for (let i = 0; i < text.length; ) {
        const r = sorted.find((x) => text.startsWith(x.open, i));
        if (!r) {
          i++;
          continue;
        }
        let j = i + r.open.length;
        let end = text.length;
        while (j < text.length) {
          if (!r.multiline && text[j] === '\n') {
            end = j;
            break;
          } else if (r.escape && text[j] === '\\') j += 2;
          else if (text.startsWith(r.close, j)) {
            end = j + r.close.length;
            break;
          } else j++;
        }
        out.push([i, Math.min(end, text.length)]);
        i = Math.max(end, i + 1);
      }
      return out;
    };
    const line = (open: string): Rule => ({ open, close: '\n', escape: false, multiline: false });
    const python: Rule[] = [line('#'), { open: '"""', close: '"""', escape: true, multiline: true }, { open: "'''", close: "'''", escape: true, multiline: true }, { open: '"', close: '"', escape: true, multiline: false }, { open: "'", close: "'", escape: true, multiline: false }];
    const ts: Rule[] = [line('//'), { open: '/*', close: '*/', escape: false, multiline: true }, { open: '"', close: '"', escape: true, multiline: false }, { open: "'", close: "'", escape: true, multiline: false }, { open: '`', close: '`', escape: true, multiline: true }];
    const text = fc.string({ unit: fc.constantFrom(...'ab #"\'\\\n/*`'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(text, (t) => {
        for (const [lang, rules] of [['python', python], ['typescript', ts]] as const) {
          const r = proseRegions(t, lang);
          const got = r.starts.map((s, i) => [s, r.ends[i]] as [number, number]);
          assert.deepEqual(got, regionsRef(t, rules), JSON.stringify([lang, t]));
        }
      }),
      fuzzParams(1000),
    );
    /** The definition: up to three neighbouring tokens each side, separated by single spaces. */
    const windowRef = (line: string, start: number, end: number): [number, number] => {
      let ws = start;
      let we = end;
      for (let n = 0; n < 3; n++) {
        const m = /([\p{L}\p{N}_\-]+) $/u.exec(line.slice(0, ws));
        if (!m) break;
        ws -= m[0].length;
      }
      for (let n = 0; n < 3; n++) {
        const m = /^ ([\p{L}\p{N}_\-]+)/u.exec(line.slice(we));
        if (!m) break;
        we += m[0].length;
      }
      return [ws, we];
    };
    const chars = fc.string({ unit: fc.constantFrom(...'ab-_ "\'#/%'.split('')), maxLength: 60 });
    fc.assert(
      fc.property(chars, fc.nat({ max: 60 }), (line, col) => {
        const span = identifierAt(line, col, true);
        if (span) assert.deepEqual([span.windowStart, span.windowEnd], windowRef(line, span.start, span.end), JSON.stringify([line, col]));
      }),
      fuzzParams(1000),
    );
  });

  test('pathological identifiers of 10,000 characters finish: all capitals, all underscores, CamelCase, digits, one long word', () => {
    const cases: [string, string][] = [
      ['all capitals', 'A'.repeat(10_000)],
      ['all underscores', '_'.repeat(10_000)],
      ['aB repeated', 'aB'.repeat(5_000)],
      ['x1 repeated', 'x1'.repeat(5_000)],
      ['one lowercase word', 'a'.repeat(10_000)],
      ['CamelCase words', 'KvCache'.repeat(1_430)],
      ['snake_case words', 'kv_cache_'.repeat(1_112)],
      ['version suffixes', 'Av2'.repeat(3_334)],
      ['capitals then v-digits', 'MLAv12'.repeat(1_667)],
      ['superscripts', '²'.repeat(10_000)],
      ['hyphens in prose', 'a-'.repeat(5_000)],
      ['a word, two spaces, a word (prose)', `${'a'.repeat(10_000)}  kv cache`],
      ['quotes and comment markers', `'#"//`.repeat(2_000)],
    ];
    const times: string[] = [];
    for (const [what, id] of cases) {
      const t0 = performance.now();
      splitWords(id);
      matcher.matchIdentifier(id);
      for (const col of [0, id.length >> 1, id.length - 1]) {
        matcher.matchInLanguage(id, col, 'python');
        matcher.matchInLanguage(id, col, 'markdown');
      }
      times.push(`${what} ${Math.round(performance.now() - t0)} ms`);
    }
    const t0 = performance.now();
    matcher.scan(cases.map(([, id]) => id.slice(0, 2_000)).join('\n'), 'markdown');
    times.push(`scan of all, 2,000 characters each ${Math.round(performance.now() - t0)} ms`);
    if (FUZZING || process.env['PAPERLENS_TIMINGS']) console.log(`      ${times.join('\n      ')}`);
  });

  test('random long identifiers finish too', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aAzZ_0-v2² '.split('')), minLength: 2_000, maxLength: 10_000 }), fc.nat(), (id, at) => {
        const col = at % id.length;
        matcher.matchInLanguage(id, col, 'python');
        matcher.matchInLanguage(id, col, 'markdown');
        matcher.matchIdentifier(id);
      }),
      fuzzParams(20, 0.02),
    );
  });
});
