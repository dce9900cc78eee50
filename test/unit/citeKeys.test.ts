import * as assert from 'node:assert/strict';
import { assignKeys, defaultKeyFormula, keyText, significantTitleWords } from '../../src/core/cite/keys';
import type { PaperMeta } from '../../src/schema/corpus';
import { makePaper, org, person } from '../support/papers';
import { paperById, realCorpus } from '../support/realCorpus';

suite('cite keys: the default formula', () => {
  const cases: [string, string][] = [
    ['fast-vision-transformers-with-hilo-attention', 'pan2022fast'], // surname + year + first significant word
    ['ecoformer-energy-saving-attention-with-linear-complexity', 'liu2022ecoformer'], // coined name beats the first word
    ['a-survey-on-efficient-training-of-transformers', 'zhuang2023survey'], // "A" is a stop word
    ['less-is-more-pay-less-attention-in-vision-transformers', 'pan2021less'], // a phrase is not a coined name
    ['deepseek-v3-technical-report', 'deepseekai2024deepseekv3'], // an organisation signing first is the surname
    ['matformer-nested-transformer-for-elastic-inference', 'matformer2023'], // no authors: name + year
    ['s2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by', 'yang2024s2ft'], // S²FT folds to s2ft
    ['h2o-heavy-hitter-oracle-for-efficient-generative-inference', 'zhang2023h2o'], // H₂O folds to h2o
    ['frozen-transformers-in-language-models-are-effective-visual', 'pang2023frozen'],
  ];
  for (const [id, key] of cases) {
    test(`${id} → ${key}`, () => assert.equal(defaultKeyFormula(paperById(id)), key));
  }
  test('no authors, no year: the coined name; no coined name: three significant words (+ year)', () => {
    assert.equal(defaultKeyFormula(makePaper({ title: 'TransMLA: Multi-head Latent Attention Is All You Need', shortName: 'TransMLA' })), 'transmla');
    assert.equal(defaultKeyFormula(makePaper({ title: 'Frozen Transformers in Language Models Are Effective Visual Encoder Layers', year: 2023 })), 'frozentransformerslanguage2023');
  });
  test('a paper whose authors were found keeps the key earlier releases gave it as a former key', () => {
    assert.deepEqual(paperById('fast-vision-transformers-with-hilo-attention').formerKeys ?? [], []); // the seeds already had its authors
    assert.deepEqual(paperById('frozen-transformers-in-language-models-are-effective-visual').formerKeys, ['frozentransformerslanguage2023']);
    assert.deepEqual(paperById('transmla-multi-head-latent-attention-is-all-you-need').formerKeys, ['transmla', 'transmla2025']); // the seeds' key, then a release's (before its authors were found)
    assert.ok(paperById('h2o-heavy-hitter-oracle-for-efficient-generative-inference').formerKeys?.includes('zhangh2o')); // a release's key, before its first-version date gave it a year
  });

  test('no coined name, no authors, no year: the first three significant title words', () => {
    assert.equal(defaultKeyFormula(makePaper({ title: 'On the Expressive Power of Looped Transformers' })), 'expressivepowerlooped');
  });
  test('an author but no year: surname + word', () => {
    assert.equal(defaultKeyFormula(makePaper({ title: 'Scaling Laws', authors: [person('Jared Kaplan')] })), 'kaplanscaling');
  });
  test('accents, ß and Greek fold to ASCII in every part', () => {
    const p = makePaper({ title: 'Über α-Entmax', authors: [person('Baptiste Rozière'), person('Jan Weiß')], year: 2023 });
    assert.equal(defaultKeyFormula(p), 'roziere2023uber');
    assert.equal(keyText('Weiß'), 'weiss');
    assert.equal(keyText('α-Entmax'), 'alphaentmax');
  });
  test('an organisation as the only author', () => {
    assert.equal(defaultKeyFormula(makePaper({ title: 'Gemma 3 Technical Report', authors: [org('Gemma Team')], year: 2025 })), 'gemmateam2025gemma');
  });
  test('a title with no Latin letters or digits falls back to the id', () => {
    assert.equal(defaultKeyFormula(makePaper({ title: '注意力', id: 'attention-zh' })), 'attentionzh');
  });
  test('stop words are skipped, punctuation inside a word is dropped', () => {
    assert.deepEqual(significantTitleWords('How to Train Your Multi-head ViT: On the Road', 4), ['train', 'multihead', 'vit', 'road']);
  });
});

suite('cite keys: assignKeys over the real corpus', () => {
  const papers = realCorpus().papers;
  const keys = assignKeys(papers);

  test('every paper gets a key, and no key repeats', () => {
    assert.equal(keys.size, papers.length);
    const seen = new Map<string, string>();
    for (const [id, key] of keys) {
      assert.ok(!seen.has(key), `${key} is given to both ${seen.get(key)} and ${id}`);
      seen.set(key, id);
    }
  });
  test('keys are lowercase ASCII letters and digits only', () => {
    for (const [id, key] of keys) assert.match(key, /^[a-z0-9]+$/, id);
  });
  test('the same corpus in any order gets the same keys', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 5; round++) {
      const shuffled = [...papers].sort(() => random() - 0.5);
      assert.deepEqual([...assignKeys(shuffled)].sort(), [...keys].sort());
    }
    assert.deepEqual([...assignKeys([...papers].reverse())].sort(), [...keys].sort());
  });
  test('the two SeiT papers, once clashing as seita and seitb, are told apart by their authors', () => {
    assert.equal(keys.get('seit-masked-token-modeling-improves-storage-efficient'), 'lee2023seit');
    assert.equal(keys.get('seit-storage-efficient-vision-training-with-tokens-using-1'), 'park2023seit');
    assert.deepEqual(paperById('seit-masked-token-modeling-improves-storage-efficient').formerKeys, ['seita']);
  });
  test('no current key is another paper\'s former key, so an old citation never lands on the wrong paper', () => {
    const current = new Map([...keys].map(([id, key]) => [key, id]));
    for (const p of papers) for (const k of p.formerKeys ?? []) assert.ok(!current.has(k) || current.get(k) === p.id, `${k}: former key of ${p.id}, current key of ${current.get(k)}`);
  });
});

suite('cite keys: clash suffixes', () => {
  const fixed = (map: Record<string, string>) => (p: PaperMeta) => map[p.id] as string;
  const papers = ['p1', 'p2', 'p3', 'p4'].map((id) => makePaper({ id, title: id }));

  test('every clashing paper gets a suffix, assigned by id; a lone key stays bare', () => {
    const keys = assignKeys(papers, fixed({ p3: 'x', p1: 'x', p2: 'y', p4: 'x' }));
    assert.deepEqual(Object.fromEntries(keys), { p1: 'xa', p3: 'xb', p4: 'xc', p2: 'y' });
  });
  test('a suffixed key never takes a key another paper wants bare', () => {
    const keys = assignKeys(papers, fixed({ p1: 'x', p2: 'x', p3: 'xa', p4: 'y' }));
    assert.deepEqual(Object.fromEntries(keys), { p1: 'xb', p2: 'xc', p3: 'xa', p4: 'y' });
  });
  test('after z come aa, ab, …', () => {
    const many = Array.from({ length: 28 }, (_, i) => makePaper({ id: `p${String(i).padStart(2, '0')}`, title: `t${i}` }));
    const keys = assignKeys(many, () => 'k');
    assert.equal(keys.get('p25'), 'kz');
    assert.equal(keys.get('p26'), 'kaa');
    assert.equal(keys.get('p27'), 'kab');
  });
  test('a formula that returns something other than [a-z0-9]+ is refused', () => {
    assert.throws(() => assignKeys(papers, () => 'Pan_2022'), /keys must match \[a-z0-9\]\+/);
    assert.throws(() => assignKeys(papers, () => ''), /keys must match/);
  });
});
