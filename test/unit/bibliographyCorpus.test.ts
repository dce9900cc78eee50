import * as assert from 'node:assert/strict';
import { bibEntries, bibProblem } from '../../src/core/bib/blocks';
import { appendText, indexBib, planBibEntry } from '../../src/core/bib/plan';
import { formatCitation } from '../../src/core/cite/formats';
import { assignKeys } from '../../src/core/cite/keys';
import { runNow } from '../../src/core/util/sliced';
import { realCorpus } from '../support/realCorpus';

/**
 * The real path, for every paper in the corpus and every entry format
 * PaperLens writes into a bibliography: the formatter's own output (with
 * its `% Missing …` comment line where metadata is missing) goes through the
 * planner, twice. A paper is never added twice, whatever key it is under.
 */
suite('bibliography: every corpus paper, cited twice, is one entry', () => {
  const papers = realCorpus().papers;
  const keys = assignKeys(papers);
  const keyOf = (id: string): string => keys.get(id) as string;
  const idByKey = new Map([...keys].map(([id, key]) => [key, id]));
  const isTaken = (id: string) => (k: string) => (idByKey.get(k) ?? id) !== id;

  for (const format of ['bibtex', 'biblatex'] as const) {
    test(`${format}: into an empty bibliography, then again: one entry, the same key`, () => {
      let failures = 0;
      for (const p of papers) {
        const entryFor = (k: string): string => formatCitation(p, k, format);
        let text = '';
        const first = planBibEntry(text, keyOf(p.id), entryFor, isTaken(p.id));
        assert.equal(first.kind, 'append', p.id);
        if (first.kind !== 'append') continue;
        text += appendText(text, first.text);
        const second = planBibEntry(text, keyOf(p.id), entryFor, isTaken(p.id));
        if (second.kind !== 'present' || second.key !== first.key) failures++;
        assert.deepEqual(second, { kind: 'present', key: first.key }, p.id);
        assert.equal(bibEntries(text).length, 1);
        assert.equal(bibProblem(text), undefined);
      }
      assert.equal(failures, 0);
    });

    test(`${format}: into a bibliography that holds it under the user's own key: that key, nothing added`, () => {
      for (const p of papers) {
        const own = formatCitation(p, 'MyOwnKey2024', format).replace(/^%.*\n/gm, '');
        const text = `@misc{other,\n  title = {Something Else Entirely}\n}\n\n${own}\n`;
        const plan = planBibEntry(text, keyOf(p.id), (k) => formatCitation(p, k, format), isTaken(p.id));
        assert.deepEqual(plan, { kind: 'present', key: 'MyOwnKey2024' }, p.id);
      }
    });
  }

  test('the whole corpus in one bibliography: each paper again is present under its own key', () => {
    let text = '';
    for (const p of papers) text += appendText(text, formatCitation(p, keyOf(p.id), 'bibtex'));
    assert.equal(bibEntries(text).length, papers.length);
    const index = runNow(indexBib(text));
    for (const p of papers) {
      assert.deepEqual(planBibEntry(index, keyOf(p.id), (k) => formatCitation(p, k, 'bibtex'), isTaken(p.id)), { kind: 'present', key: keyOf(p.id) }, p.id);
    }
  });
});
