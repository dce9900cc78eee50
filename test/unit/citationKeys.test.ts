import * as assert from 'node:assert/strict';
import type { KeyFormulaName } from '../../src/core/cite/keyFormulas';
import type { PaperData } from '../../src/core/data/load';
import { CitationKeys } from '../../src/extension/citations/citationKeys';
import { realData } from '../support/realCorpus';

const HILO = 'fast-vision-transformers-with-hilo-attention';
const TRANSMLA = 'transmla-multi-head-latent-attention-is-all-you-need';

suite('citation keys in the extension (no vscode)', () => {
  test('no keys before the data is loaded', () => {
    const keys = new CitationKeys(() => undefined, () => 'authorYearTitle');
    assert.equal(keys.keyOf(HILO), undefined);
    assert.equal(keys.paperByKey('pan2022fast'), undefined);
    assert.equal(keys.all().size, 0);
    assert.equal(keys.isTakenByAnother('pan2022fast', TRANSMLA), false);
  });
  test('keys, the papers keys name (earlier keys too), and keys other papers have', () => {
    const keys = new CitationKeys(() => realData(), () => 'authorYearTitle');
    assert.equal(keys.keyOf(HILO), 'pan2022fast');
    assert.equal(keys.paperByKey('pan2022fast')?.id, HILO);
    assert.equal(keys.paperByKey('transmla')?.id, TRANSMLA);
    assert.equal(keys.all().size, realData().corpus.papers.length);
    assert.equal(keys.isTakenByAnother('pan2022fast', TRANSMLA), true);
    assert.equal(keys.isTakenByAnother('pan2022fast', HILO), false);
    assert.equal(keys.isTakenByAnother('nobody1999', HILO), false);
  });
  test('a new key formula or new data gives new keys', () => {
    let formula: KeyFormulaName = 'authorYearTitle';
    let data: PaperData | undefined = realData();
    const keys = new CitationKeys(() => data, () => formula);
    const before = keys.keyOf(HILO);
    formula = 'titleYear';
    assert.notEqual(keys.keyOf(HILO), before);
    data = undefined;
    assert.equal(keys.keyOf(HILO), undefined);
  });
});
