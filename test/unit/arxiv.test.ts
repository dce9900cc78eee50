import * as assert from 'node:assert/strict';
import { arxivReferenceAt, arxivReferences, arxivUrl, parseArxivReference } from '../../src/core/corpus/arxiv';

suite('arXiv references', () => {
  const ids = (line: string) => arxivReferences(line).map((r) => r.id);

  test('links, arXiv: prefixes, versions, PDFs and mirrors all give the unversioned id', () => {
    for (const line of [
      'https://arxiv.org/abs/2205.13213',
      'http://arxiv.org/abs/2205.13213v2',
      'arxiv.org/pdf/2205.13213v1.pdf',
      'https://arxiv.org/html/2205.13213v3',
      'https://www.arxiv.org/abs/2205.13213',
      'https://export.arxiv.org/abs/2205.13213',
      'https://ar5iv.labs.arxiv.org/html/2205.13213',
      'https://huggingface.co/papers/2205.13213',
      'arXiv:2205.13213',
      'arxiv: 2205.13213v4',
      'eprint = {2205.13213},',
      '2205.13213v2',
    ]) {
      assert.deepEqual(ids(line), ['2205.13213'], line);
    }
  });
  test('old-style ids, five-digit ids, and several in a line', () => {
    assert.deepEqual(ids('arXiv:cs/0601001 and https://arxiv.org/abs/math.GT/0309136v1 and arXiv:1501.00001'), ['cs/0601001', 'math.GT/0309136', '1501.00001']);
    assert.deepEqual(ids('# Paper: https://arxiv.org/abs/2412.19437 (DeepSeek-V3)'), ['2412.19437']);
  });
  test('numbers, versions of software and other sites are not references', () => {
    for (const line of ['x = 2205.13213', 'version 2205.13213', 'https://github.com/a/2205.13213', 'v1.2205.13213v2x', 'arXiv:CS/0601001', 'https://example.org/abs/2205.13213', '12205.13213v1']) {
      assert.deepEqual(ids(line), [], line);
    }
  });
  test('the reference under the cursor, from its first to its last character', () => {
    const line = '    # see https://arxiv.org/abs/2205.13213v2 for details';
    const r = arxivReferences(line)[0];
    assert.deepEqual(r, { id: '2205.13213', start: 10, end: 44 });
    assert.equal(arxivReferenceAt(line, 10)?.id, '2205.13213');
    assert.equal(arxivReferenceAt(line, 44)?.id, '2205.13213');
    assert.equal(arxivReferenceAt(line, 9), undefined);
    assert.equal(arxivReferenceAt(line, 46), undefined);
  });
  test('a whole string as a reference, for the command line', () => {
    assert.equal(parseArxivReference('2205.13213'), '2205.13213');
    assert.equal(parseArxivReference(' arXiv:2205.13213v2 '), '2205.13213');
    assert.equal(parseArxivReference('https://arxiv.org/abs/2205.13213?context=cs.AI'), '2205.13213');
    assert.equal(parseArxivReference('https://arxiv.org/abs/2205.13213/'), '2205.13213');
    assert.equal(parseArxivReference('cs/0601001'), 'cs/0601001');
    for (const t of ['transmla', 'https://arxiv.org/abs/2205.13213 and more', 'see arXiv:2205.13213', '2205.132', 'CS/0601001']) assert.equal(parseArxivReference(t), undefined, t);
  });
  test('the abstract page of a paper with an id, nothing without one', () => {
    assert.equal(arxivUrl({ arxiv: 'cs/0601001' }), 'https://arxiv.org/abs/cs/0601001');
    assert.equal(arxivUrl({}), undefined);
  });
});
