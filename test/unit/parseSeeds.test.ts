import * as assert from 'node:assert/strict';
import { splitTitleAuthors } from '../../src/build/seeds/authors';
import { decodeSeed, toLines } from '../../src/build/seeds/lines';
import { parseSeedFile } from '../../src/build/seeds/parseSeedFile';
import { SeedParseError } from '../../src/build/seeds/types';
import { realParsed } from '../support/realCorpus';
import { wrapText } from '../support/wrapText';

/** An abstract-shaped line: long enough and made of sentences. */
const abs = (topic: string): string =>
  `We study ${topic} in depth. Our method improves accuracy across many benchmarks while staying cheap to train and to run on modest hardware.`;

function throwsAt(file: string, text: string, line: number, reason: RegExp): void {
  assert.throws(
    () => parseSeedFile(file, text),
    (e: unknown) => {
      assert.ok(e instanceof SeedParseError, `expected SeedParseError, got ${String(e)}`);
      assert.equal(e.line, line, e.message);
      assert.match(e.reason, reason);
      assert.ok(e.message.startsWith(`${file}:${line}: `));
      return true;
    },
  );
}

suite('seed formats are recognised from content', () => {
  test('the five real seed files, whatever their names', () => {
    const formats = realParsed().map((f) => f.format);
    assert.deepEqual(formats, ['profile-list', 'bare-abstracts', 'blank-separated', 'alternating', 'daily-papers']);
  });

  test('a file name says nothing: the same content parses the same under any name', () => {
    const text = `Alpha Net: A Title\n${abs('alpha')}\nBeta Net: Another\n${abs('beta')}`;
    assert.equal(parseSeedFile('004_daily.txt', text).format, 'alternating');
    assert.equal(parseSeedFile('notes.md', text).format, 'alternating');
  });

  test('every real record has provenance', () => {
    for (const f of realParsed()) {
      for (const r of f.records) {
        assert.equal(r.file, f.file);
        assert.ok(r.line >= 1 && r.abstractLine !== undefined && r.abstractLine >= r.line);
      }
    }
  });

  test('420 records across the five files', () => {
    assert.deepEqual(
      realParsed().map((f) => f.records.length),
      [24, 10, 86, 251, 49],
    );
  });
});

suite('profile-list format', () => {
  const text = [
    'CVMay 26, 2022Code',
    'Fast Vision Transformers with HiLo AttentionZizheng Pan, Jianfei Cai, Bohan Zhuang',
    abs('HiLo attention'),
    'CLJan 22, 2025Code',
    'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement LearningDeepSeek-AI, Daya Guo, Dejian Yang et al. · stanford, tsinghua',
    abs('reasoning'),
    'LGFeb 2, 2023',
    'A Survey on Efficient Training of TransformersBohan Zhuang, Jing Liu, Zizheng Pan et al.',
    abs('efficient training'),
  ].join('\n');
  const recs = parseSeedFile('profile.txt', text).records;

  test('category, date and the Code badge are read from one glued line', () => {
    assert.equal(recs[0]?.category, 'cs.CV');
    assert.deepEqual(recs[0]?.date, { year: 2022, month: 5, day: 26 });
    assert.equal(recs[0]?.codeFlag, true);
    assert.equal(recs[2]?.codeFlag, false);
  });

  test('the title is split from the author list it is glued to', () => {
    assert.equal(recs[0]?.titleRaw, 'Fast Vision Transformers with HiLo Attention');
    assert.deepEqual(recs[0]?.authors, ['Zizheng Pan', 'Jianfei Cai', 'Bohan Zhuang']);
    assert.equal(recs[0]?.authorsTruncated, false);
    assert.equal(recs[0]?.authorCount, 3);
  });

  test('"et al." marks the list as cut short, and the count as unknown', () => {
    assert.equal(recs[2]?.authorsTruncated, true);
    assert.equal(recs[2]?.authorCount, undefined);
  });

  test('an organisation author and "· affiliations"', () => {
    assert.equal(recs[1]?.titleRaw, 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning');
    assert.deepEqual(recs[1]?.authors, ['DeepSeek-AI', 'Daya Guo', 'Dejian Yang']);
    assert.equal(recs[1]?.organization, 'DeepSeek-AI');
    assert.deepEqual(recs[1]?.affiliations, ['stanford', 'tsinghua']);
  });

  test('a meta line that cannot be read stops the build at its line', () => {
    throwsAt('p.txt', text.replace('LGFeb 2, 2023', 'LG sometime in 2023'), 7, /category\+date line/);
  });

  test('a title with no author list stops the build', () => {
    throwsAt('p.txt', text.replace('TransformersBohan Zhuang, Jing Liu, Zizheng Pan et al.', 'transformers'), 8, /where the title ends/);
  });

  test('a record cut off after its title stops the build', () => {
    const cut = text.split('\n').slice(0, 8).join('\n');
    throwsAt('p.txt', cut, 8, /no abstract/);
  });
});

suite('splitting a title from its glued author list', () => {
  const cases: [string, string, string[]][] = [
    ['Stitchable Neural NetworksZizheng Pan, Jianfei Cai, Bohan Zhuang', 'Stitchable Neural Networks', ['Zizheng Pan', 'Jianfei Cai', 'Bohan Zhuang']],
    ['DeepSeek-V3 Technical ReportDeepSeek-AI, Aixin Liu, Bei Feng', 'DeepSeek-V3 Technical Report', ['DeepSeek-AI', 'Aixin Liu', 'Bei Feng']],
    ['T-Stitch: Accelerating SamplingZizheng Pan, Bohan Zhuang, De-An Huang', 'T-Stitch: Accelerating Sampling', ['Zizheng Pan', 'Bohan Zhuang', 'De-An Huang']],
    ['Scaling with DeepSeek-MoEJing Liu, Yann LeCun', 'Scaling with DeepSeek-MoE', ['Jing Liu', 'Yann LeCun']],
    ['Attention via MLAJohn Smith', 'Attention via MLA', ['John Smith']],
    ['A Model for LLMsLudo van der Berg, Ana Silva', 'A Model for LLMs', ['Ludo van der Berg', 'Ana Silva']],
  ];
  for (const [line, title, authors] of cases) {
    test(title, () => {
      const s = splitTitleAuthors(line);
      assert.equal(s?.title, title);
      assert.deepEqual(s?.authors, authors);
    });
  }
  test('no glue point, no split', () => assert.equal(splitTitleAuthors('A plain title with no authors'), undefined));
});

suite('bare-abstracts format', () => {
  test('each "Abstract:" line is a record without a title', () => {
    const f = parseSeedFile('b.txt', `Abstract:${abs('x')}\nAbstract:${abs('y')}`);
    assert.equal(f.format, 'bare-abstracts');
    assert.equal(f.records.length, 2);
    assert.equal(f.records[1]?.line, 2);
    assert.equal(f.records[1]?.titleRaw, undefined);
    assert.ok(f.records[0]?.abstractRaw?.startsWith('We study x'));
  });
  test('a stray line among abstracts stops the build', () => {
    throwsAt('b.txt', `Abstract:${abs('x')}\nAbstract:${abs('y')}\nAbstract:${abs('z')}\nAbstract:${abs('w')}\nsome stray text`, 5, /"Abstract:"/);
  });
  test('a cut-off abstract stops the build', () => {
    throwsAt('b.txt', `Abstract:${abs('x')}\nAbstract:${abs('y')}\nAbstract:We present a`, 3, /too short/);
  });
});

suite('blank-separated listing', () => {
  const text = ['new', '', 'Get trending papers in your email inbox!', '', 'Subscribe', '', 'byAK and the research community', '', 'Mar 14', '', 'Alpha: One', '', abs('alpha'), '', 'Beta: Two', '', abs('beta')].join('\n');
  test('page chrome and the page date are skipped and counted', () => {
    const f = parseSeedFile('l.txt', text);
    assert.equal(f.format, 'blank-separated');
    assert.deepEqual(
      f.records.map((r) => [r.line, r.titleRaw, r.abstractLine]),
      [
        [11, 'Alpha: One', 13],
        [15, 'Beta: Two', 17],
      ],
    );
    assert.deepEqual(
      f.chrome.map((l) => l.n),
      [1, 3, 5, 7, 9],
    );
  });
  test('a title followed by another title stops the build at the second', () => {
    throwsAt('l.txt', text.replace(abs('alpha'), 'Gamma: Three'), 13, /abstract of the title on line 11/);
  });
  test('a title question mark is not a sentence', () => {
    const t = 'Attention is All You Need? Good Embeddings with Statistics are enough:Large Scale Audio Understanding without Transformers/ Convolutions/ BERTs/ Mixers/ Attention/ RNNs or ....';
    const f = parseSeedFile('l.txt', text.replace('Alpha: One', t));
    assert.equal(f.records[0]?.titleRaw, t);
  });
});

suite('alternating listing', () => {
  test('"Subscribe" glued to the first title is chrome', () => {
    const f = parseSeedFile('a.txt', `Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribeDeepSeek-Coder-V2: Breaking the Barrier\n${abs('code')}`);
    assert.equal(f.format, 'alternating');
    assert.equal(f.records[0]?.titleRaw, 'DeepSeek-Coder-V2: Breaking the Barrier');
    assert.equal(f.records[0]?.line, 3);
    assert.equal(f.chrome.length, 3);
  });
  test('an abstract with no title before it stops the build', () => {
    throwsAt('a.txt', `Alpha: One\n${abs('a')}\n${abs('b')}\nBeta: Two\n${abs('c')}`, 3, /expected a title/);
  });
  test('a file cut off after a title stops the build', () => {
    throwsAt('a.txt', `Alpha: One\n${abs('a')}\nBeta: Two`, 3, /no abstract after it/);
  });
});

suite('daily-papers format', () => {
  const block = (title: string, who: string | undefined, date: string): string[] =>
    [title, '', abs(title), '', ...(who === undefined ? [] : [who]), ...(date === '' ? [] : ['·', date]), ''];
  const text = [
    'new', '', 'Daily Papers', '', 'byAK and the research community', '', 'Dec 8', '',
    ...block('Block Transformer: Fast', '  • 9 authors', 'Jun 4, 2024 1'),
    ...block('Tiny language models', '  • 5 authors', 'Jul 20'),
    ...block('SANA-Video: Efficient', 'nvidia NVIDIA', 'Sep 29 2'),
    ...block('UltraMemV2: Memory', undefined, ''),
    ...block('70% Size, 100% Accuracy: Lossless', '  • 6 authors', 'Apr 15 5'),
  ].join('\n');
  const recs = parseSeedFile('d.txt', text).records;

  test('author count, date and upvotes', () => {
    assert.equal(recs[0]?.authorCount, 9);
    assert.deepEqual(recs[0]?.date, { year: 2024, month: 6, day: 4 });
    assert.equal(recs[0]?.upvotes, 1);
  });
  test('a date without a year, and with or without upvotes', () => {
    assert.deepEqual(recs[1]?.date, { month: 7, day: 20 });
    assert.equal(recs[1]?.upvotes, undefined);
    assert.deepEqual(recs[4]?.date, { month: 4, day: 15 });
    assert.equal(recs[4]?.upvotes, 5);
  });
  test('an organisation instead of an author count', () => {
    assert.equal(recs[2]?.organization, 'NVIDIA');
    assert.equal(recs[2]?.authorCount, undefined);
    assert.equal(recs[2]?.upvotes, 2);
  });
  test('a record without a metadata block', () => {
    assert.equal(recs[3]?.titleRaw, 'UltraMemV2: Memory');
    assert.equal(recs[3]?.date, undefined);
  });
  test('an unreadable date line stops the build at that line', () => {
    const bad = text.replace('Jun 4, 2024 1', 'yesterday');
    const line = toLines(bad).findIndex((l) => l.text === 'yesterday') + 1;
    throwsAt('d.txt', bad, line, /cannot read date line/);
  });
});

suite('file-level input', () => {
  test('an empty file stops the build', () => throwsAt('e.txt', '', 1, /empty/));
  test('a file of chrome only stops the build', () => throwsAt('e.txt', 'new\n\nSubscribe\n', 1, /no records/));
  test('a file in an unknown format stops the build', () => throwsAt('u.txt', 'hello\nworld\n', 1, /unknown format/));
  test('CRLF line ends and a BOM parse like LF', () => {
    const lf = `Alpha: One\n${abs('a')}\nBeta: Two\n${abs('b')}\n`;
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    assert.deepEqual(parseSeedFile('x.txt', crlf).records, parseSeedFile('x.txt', lf).records);
  });
  test('invalid UTF-8 stops the build at the line that holds it', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('line one\nline two\n'), 0xff, 0x41]);
    assert.throws(() => decodeSeed(bytes, 'bad.txt'), /bad\.txt:3: invalid UTF-8/);
  });
});

suite('regressions found by the property tests', () => {
  test('a blank-separated listing with abstracts wrapped at 60 columns is read, one record per title', () => {
    const text = ['Alpha: One', '', ...wrapText(abs('alpha'), 60), '', 'Beta: Two', '', ...wrapText(abs('beta'), 60)].join('\n');
    const f = parseSeedFile('w.txt', text);
    assert.equal(f.format, 'blank-separated');
    assert.deepEqual(
      f.records.map((r) => [r.titleRaw, r.abstractRaw]),
      [
        ['Alpha: One', abs('alpha')],
        ['Beta: Two', abs('beta')],
      ],
    );
  });

  test('an abstract whose only sentence break follows an acronym, a formula or a symbol is an abstract', () => {
    for (const end of ['CLIP', 'H₂O', '🤗', '(MLA)']) {
      const a = `We extend the attention layers of large vision and language models with a learned cache that uses ${end}. Decoding gets faster at equal quality.`;
      assert.equal(parseSeedFile('s.txt', `Alpha: One\n${a}`).records[0]?.abstractRaw, a, end);
    }
  });

  test('a stray line before an alternating listing does not glue every record into one paragraph', () => {
    const text = ['  • 3 authors', '', 'Alpha: One', abs('alpha'), 'Beta: Two', abs('beta')].join('\n');
    throwsAt('g.txt', text, 3, /abstract of the title on line 1/);
  });

  test('a paragraph of several lines that holds a whole abstract is records with their blank lines missing', () => {
    const text = ['Alpha: One', '', abs('alpha'), '', 'Beta: Two', abs('beta'), 'Gamma: Three', abs('gamma')].join('\n');
    throwsAt('m.txt', text, 6, /a whole abstract inside a paragraph of 4 lines \(from line 5\); are the blank lines between records missing\?/);
  });

  test('an "Abstract:" label in a titled listing is not part of the abstract', () => {
    const f = parseSeedFile('l.txt', `Alpha: One\nAbstract: ${abs('alpha')}\nBeta: Two\n${abs('beta')}`);
    assert.equal(f.records[0]?.abstractRaw, abs('alpha'));
  });
});
