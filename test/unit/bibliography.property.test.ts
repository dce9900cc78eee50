import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { bibEntries, bibProblem } from '../../src/core/bib/blocks';
import { bibField, comparableTitle } from '../../src/core/bib/fields';
import { appendText, planBibEntry } from '../../src/core/bib/plan';
import { formatCitation } from '../../src/core/cite/formats';
import type { Paper } from '../../src/schema/corpus';
import { fuzzParams } from '../support/fuzz';
import { realCorpus } from '../support/realCorpus';

/**
 * Property tests of adding an entry to a user's .bib: whatever the file
 * holds (other entries, the same key for another paper, the same paper under
 * another key, comments, stray text, CRLF, an entry that never closes), the
 * plan never changes a byte of it, never adds a paper twice, never reuses a
 * key, and refuses exactly the files that do not parse.
 */

const KEYS = ['pan2022fast', 'pan2022fasta', 'pan2022fastb', 'liu2024', 'x'];
// The formatter's real output: a paper with full metadata, and papers whose entries open with PaperLens's
// "% Missing …" comment line, in both entry formats PaperLens writes.
const PAPERS = realCorpus().papers.filter((p, i) => p.id === 'fast-vision-transformers-with-hilo-attention' || p.id.startsWith('transmla') || i % 50 === 7);
const paper = fc.constantFrom(...PAPERS);
const format = fc.constantFrom('bibtex' as const, 'biblatex' as const);

const title = (p: Paper) =>
  fc.oneof(
    fc.constantFrom(p.titleRaw, p.title.toLowerCase(), 'Another Paper', 'Fast Panoptic Segmentation', ''),
    fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((s) => s.replace(/[{}\\@"]/g, '')),
  );
const entry = (p: Paper) =>
  fc
    .record({
      type: fc.constantFrom('misc', 'article', 'Online', 'inproceedings'),
      key: fc.oneof(fc.constantFrom(...KEYS), fc.stringMatching(/^[A-Za-z][\w:-]{0,12}$/)),
      title: title(p),
      year: fc.option(fc.constantFrom(String(p.year ?? 2022), '2019', `{${p.year ?? 2022}}`), { nil: undefined }),
      quoted: fc.boolean(),
      paren: fc.boolean(),
    })
    .map(({ type, key, title: t, year, quoted, paren }) => {
      const [o, c] = paren ? ['(', ')'] : ['{', '}'];
      const value = quoted ? `"${t}"` : `{${t}}`;
      return `@${type}${o}${key},\n  title = ${value}${year === undefined ? '' : `,\n  year = ${year}`}\n${c}`;
    });
const between = fc.constantFrom('', '\n', '\n\n', '% a comment line\n', 'Notes BibTeX ignores.\n', '@comment{ignored}\n', '@string{me = "Me"}\n');
const unclosed = fc.constantFrom('@misc{broken,\n  title = {Never closed\n', '@article{b2, title = {A {B}\n');

const bibFile = (p: Paper) =>
  fc
    .tuple(fc.array(fc.tuple(between, entry(p)), { maxLength: 6 }), between, fc.option(unclosed, { nil: undefined }), fc.boolean(), fc.boolean())
    .map(([parts, tail, broken, crlf, finalEol]) => {
      let text = parts.map(([b, e]) => `${b}${e}\n`).join('') + tail + (broken ?? '');
      if (!finalEol) text = text.replace(/\n+$/, '');
      return crlf ? text.replace(/\n/g, '\r\n') : text;
    });
const caseOf = fc.tuple(paper, format).chain(([p, f]) => fc.tuple(fc.constant(p), fc.constant(f), bibFile(p)));

const keysOf = (text: string): Set<string> => new Set(bibEntries(text).map((e) => e.key));

suite('bibliography properties (fast-check)', () => {
  test('planning an entry never clobbers, never adds a paper twice, never reuses a key, and refuses exactly what does not parse', () => {
    fc.assert(
      fc.property(caseOf, fc.constantFrom(...KEYS), fc.subarray(KEYS), ([p, f, existing], wanted, takenKeys) => {
        const ours = (key: string): string => formatCitation(p, key, f);
        const taken = new Set(takenKeys.filter((k) => k !== wanted));
        const plan = planBibEntry(existing, wanted, ours, (k) => taken.has(k));
        const titleOf = (text: string) => comparableTitle(bibField(text, 'title') ?? '');
        if (plan.kind === 'refuse') {
          assert.ok(bibProblem(existing), 'refused a file that parses');
          assert.ok(plan.problem.line >= 1 && plan.problem.line <= existing.split(/\r?\n/).length);
          return;
        }
        assert.equal(bibProblem(existing), undefined, 'planned to write into a file that does not parse');
        const before = bibEntries(existing);
        if (plan.kind === 'present') {
          const e = before.find((x) => x.key === plan.key);
          assert.ok(e, `present under ${plan.key}, which the file lacks`);
          assert.equal(titleOf(existing.slice(e.start, e.end)), titleOf(ours(wanted)));
          return;
        }
        // Appended: what was there is untouched, the new key is new and one the corpus does not use.
        const after = existing + appendText(existing, plan.text);
        assert.ok(after.startsWith(existing));
        assert.ok(!before.some((e) => e.key === plan.key), `key ${plan.key} was already in the file`);
        assert.ok(plan.key === wanted || (plan.clash === wanted && plan.key.startsWith(wanted) && /^[a-z]+$/.test(plan.key.slice(wanted.length))));
        assert.ok(!taken.has(plan.key));
        assert.deepEqual(new Set([...keysOf(after)].filter((k) => !keysOf(existing).has(k))), new Set([plan.key]));
        assert.equal(bibEntries(after).filter((e) => e.key === plan.key).length, 1);
        assert.equal(bibProblem(after), undefined);
        // The file's line ends are kept.
        if (existing.includes('\r\n') && !/(^|[^\r])\n/.test(existing)) assert.doesNotMatch(after, /(^|[^\r])\n/);
        // Never twice: the same paper again is found, under the key it was given.
        assert.deepEqual(planBibEntry(after, wanted, ours, (k) => taken.has(k)), { kind: 'present', key: plan.key });
      }),
      fuzzParams(500),
    );
  });
});
