import * as assert from 'node:assert/strict';
import { PAPER_DETAIL_FIELDS, PAPER_FIELDS } from '../../src/core/corpus/fields';
import { PaperSchema } from '../../src/schema/corpus';

/** The run-time core lists a paper's fields without zod; these tests keep the list and the schema in step. */
suite('paper fields: the core list agrees with the schema', () => {
  test('PAPER_FIELDS is the schema\'s keys, in its order (decoded papers have their keys in this order)', () => {
    assert.deepEqual([...PAPER_FIELDS], Object.keys(PaperSchema.shape));
  });
  test('the detail fields are paper fields', () => {
    for (const f of PAPER_DETAIL_FIELDS) assert.ok((PAPER_FIELDS as readonly string[]).includes(f), f);
  });
});
