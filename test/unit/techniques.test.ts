import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/schema/corpus';
import { bestLongForm, findAcronyms } from '../../src/core/techniques/acronyms';
import { buildLexicon } from '../../src/build/lexicon/buildLexicon';
import { familyName } from '../../src/build/lexicon/names';
import { identifierAt } from '../../src/core/techniques/identifiers';
import { TechniqueMatcher } from '../../src/core/techniques/matcher';
import { LexiconSchema, type Technique } from '../../src/schema/lexicon';
import { keyOf, splitWords, stem } from '../../src/core/techniques/words';
import { hoverFigures, runHoverEval } from '../eval/hoverEval';
import { realCorpus, realLexicon, realMatcher } from '../support/realCorpus';

const words = (s: string): string[] => splitWords(s).map((w) => w.text);
const tech = (name: string): Technique => {
  const t = realLexicon().techniques.find((x) => x.name === name);
  if (!t) throw new Error(`no technique ${name}`);
  return t;
};
const hover = (id: string): string | null => realMatcher().matchIdentifier(id)?.technique.name ?? null;

suite('techniques: splitting identifiers into words', () => {
  const cases: [string, string[]][] = [
    ['MultiHeadLatentAttention', ['Multi', 'Head', 'Latent', 'Attention']],
    ['RTDETRv2', ['RTDETR', 'v2']],
    ['TStitchSampler', ['T', 'Stitch', 'Sampler']],
    ['SNNet', ['SN', 'Net']],
    ['use_mla', ['use', 'mla']],
    ['kv-cache-size', ['kv', 'cache', 'size']],
    ['MAX_SEQ_LEN', ['MAX', 'SEQ', 'LEN']],
    ['LITv2', ['LIT', 'v2']],
    ['YOLOv12', ['YOLO', 'v12']],
    ['wav2vec', ['wav', '2', 'vec']],
    ['DeepseekV3ForCausalLM', ['Deepseek', 'V', '3', 'For', 'Causal', 'LM']],
    ['H₂O', ['H', '₂', 'O']],
  ];
  for (const [id, expected] of cases) test(id, () => assert.deepEqual(words(id), expected));

  test('words that are Object.prototype members are plain words', () => {
    assert.deepEqual(words('self.constructor.toString'), ['self', 'constructor', 'to', 'String']);
    assert.equal(hover('constructor'), null);
    assert.equal(realMatcher().matchInLanguage('  constructor(private readonly x: number) {}', 4, 'typescript'), undefined);
  });

  test('plain ASCII text splits exactly as the Unicode pattern splits it', () => {
    // A trailing "é" sends the same text down the Unicode path.
    for (const p of realCorpus().papers) {
      for (const text of [p.title, p.abstract]) {
        const ascii = splitWords(text);
        const unicode = splitWords(`${text} é`);
        assert.deepEqual(unicode.slice(0, -1), ascii, p.id);
      }
    }
  });

  test('keys do not depend on where words split', () => {
    assert.equal(keyOf('RoPE'), keyOf('rope'));
    assert.equal(keyOf('KVCache'), keyOf('kvcache'));
    assert.equal(keyOf('kv_cache'), keyOf('KV cache'));
    assert.equal(keyOf('TransMLA'), keyOf('transmla'));
    assert.equal(keyOf('speculative_decode'), keyOf('speculative decoding'));
    assert.equal(keyOf('H_2O'.replace('_', '')), keyOf('H₂O'));
    assert.equal(keyOf('flash_attn'), keyOf('FlashAttention'));
  });
  test('the stem is light', () => {
    assert.equal(stem('Decoding'), 'decod');
    assert.equal(stem('heads'), 'head');
    assert.equal(stem('bias'), 'bias');
    assert.equal(stem('loss'), 'loss');
  });
});

suite('techniques: acronym definitions (Schwartz–Hearst)', () => {
  test('long forms from running text', () => {
    const defs = findAcronyms('DeepSeek-V3 adopts Multi-head Latent Attention (MLA) and Key-Value (KV) caches. We train with Group Relative Policy Optimization (GRPO).');
    assert.deepEqual(
      defs.map((d) => [d.short, d.long]),
      [
        ['MLA', 'Multi-head Latent Attention'],
        ['KV', 'Key-Value'],
        ['GRPO', 'Group Relative Policy Optimization'],
      ],
    );
  });
  test('a hyphenated short form and a plural', () => {
    assert.deepEqual(
      findAcronyms('we present Stitchable Neural Networks (SN-Net) for Large Language Models (LLMs)').map((d) => [d.short, d.long]),
      [
        ['SN-Net', 'Stitchable Neural Networks'],
        ['LLM', 'Large Language Models'],
      ],
    );
  });
  test('the long form is widened when its initials then spell the acronym', () => {
    assert.equal(bestLongForm('PPO', 'trained with Proximal Policy Optimization'), 'Proximal Policy Optimization');
  });
  test('a long form never crosses a sentence', () => {
    assert.equal(bestLongForm('SSL', 'speech models. Self-supervised learning'), 'Self-supervised learning');
    assert.equal(bestLongForm('XYZ', 'nothing matches here'), undefined);
  });
});

suite('techniques: the lexicon built from the corpus', () => {
  test('validates against its schema and every technique has papers', () => {
    const lex = realLexicon();
    assert.ok(LexiconSchema.safeParse(lex).success);
    assert.ok(lex.techniques.length > 300);
    for (const t of lex.techniques) assert.ok(t.papers.length > 0, t.name);
  });
  test('names papers coin: the short name before a title colon, and "we dub X"', () => {
    for (const n of ['TransMLA', 'EcoFormer', 'T-Stitch', 'SnapKV', 'ShadowKV', 'H₂O', 'RT-DETRv2']) {
      const t = tech(n);
      assert.equal(t.kind, 'name', n);
      assert.equal(t.papers[0]?.role, 'introduces', n);
    }
    assert.equal(tech('HiLo').papers[0]?.id, 'fast-vision-transformers-with-hilo-attention');
    assert.equal(tech('LITv2').papers[0]?.id, 'fast-vision-transformers-with-hilo-attention');
  });
  test('acronyms with their long forms', () => {
    assert.deepEqual(tech('MLA').expansions, ['Multi-head Latent Attention']);
    assert.deepEqual(tech('GRPO').expansions, ['Group Relative Policy Optimization']);
    assert.deepEqual(tech('SN-Net').expansions.map((e) => e.toLowerCase()), ['stitchable neural networks']);
    assert.equal(tech('GRPO').papers[0]?.id, 'deepseekmath-pushing-the-limits-of-mathematical-reasoning-in');
    assert.equal(tech('GRPO').papers[0]?.role, 'introduces');
  });
  test('expansions that say the same thing are merged', () => {
    assert.deepEqual(tech('LoRA').expansions, ['Low-Rank Adaptation']);
    assert.deepEqual(tech('MoE').expansions, ['Mixture-of-Experts']);
  });
  test('a genuinely ambiguous acronym lists its meanings', () => {
    const sd = tech('SD');
    assert.equal(sd.meanings?.length, 2);
    assert.deepEqual(sd.expansions.map((e) => e.toLowerCase()).sort(), ['speculative decoding', 'stable diffusion']);
  });
  test('established phrases that recur across papers', () => {
    for (const n of ['KV cache', 'speculative decoding', 'sparse attention', 'FlashAttention', 'RoPE', 'LoRA']) tech(n);
    assert.ok(tech('MoE').aliases.some((a) => /mixture of experts/i.test(a)));
    assert.ok(tech('KV cache').papers.length >= 20);
  });
  test('umbrella terms and tasks are not techniques', () => {
    const names = new Set(realLexicon().techniques.map((t) => t.name));
    for (const n of ['LLM', 'LLMs', 'CNN', 'SOTA', 'NLP', 'KV', 'OCR', 'FFN', 'MHA']) assert.ok(!names.has(n), n);
  });
  test('introducing papers come first, then the most central mentions', () => {
    for (const t of realLexicon().techniques) {
      const firstMention = t.papers.findIndex((p) => p.role === 'mentions');
      if (firstMention >= 0) assert.ok(t.papers.slice(firstMention).every((p) => p.role === 'mentions'), t.name);
    }
  });
  test('family names of versioned names', () => {
    assert.equal(familyName('YOLOv12'), 'YOLO');
    assert.equal(familyName('DeepSeek-V3.2'), 'DeepSeek');
    assert.equal(familyName('DeepSeek-R1'), undefined);
    assert.equal(familyName('M2R2'), undefined);
  });
  test('a new seed brings its techniques with it', () => {
    const paper: Paper = {
      id: 'zorbnet-sparse-widgets',
      title: 'ZorbNet: Sparse Widget Routing for Fast Inference',
      titleRaw: 'ZorbNet: Sparse Widget Routing for Fast Inference',
      shortName: 'ZorbNet',
      authors: [],
      authorsTruncated: false,
      urls: [],
      abstract: 'We introduce Quantized Widget Routing (QWR), which routes widgets. ZorbNet is fast. It beats dense routing by far on every benchmark we tried.',
      abstractRaw: '',
      sources: [{ file: 'x.txt', line: 1, format: 'alternating', role: 'primary' }],
    };
    const lex = buildLexicon([paper]);
    const m = new TechniqueMatcher(lex);
    assert.equal(m.matchIdentifier('ZorbNetBlock')?.technique.name, 'ZorbNet');
    assert.equal(m.matchIdentifier('quantized_widget_routing')?.technique.name, 'QWR');
    // A three-letter acronym from one paper is guarded: it needs its own words around it.
    assert.equal(m.matchIdentifier('use_qwr'), undefined);
    assert.equal(m.matchIdentifier('qwr_routing')?.technique.name, 'QWR');
  });
});

suite('techniques: matching an identifier', () => {
  test('the issue examples', () => {
    assert.equal(hover('MultiHeadLatentAttention'), 'MLA');
    assert.equal(hover('kv_cache'), 'KV cache');
    assert.equal(hover('HiLo'), 'HiLo');
    assert.equal(hover('use_mla'), 'MLA');
  });
  test('ordinary identifiers show nothing', () => {
    for (const id of ['data', 'result', 'model', 'seed', 'master', 'map', 'Map', 'clip', 'sift', 'aim', 'index', 'config', 'master_node', 'SEED', 'h2o', 'Medusa', 'x', 'self_attn', 'MultiHeadAttention', 'num_kv_heads']) {
      assert.equal(hover(id), null, id);
    }
  });
  test('the most specific technique wins', () => {
    assert.equal(hover('ShadowKVCache'), 'ShadowKV');
    assert.equal(hover('kv_cache_compression'), 'KV cache compression');
    assert.equal(hover('TransMLAAttention'), 'TransMLA');
  });
  test('typical affixes do not stop a match', () => {
    for (const id of ['use_mla', 'mla_layer', 'MLABlock', 'HiLoAttention', 'kv_cache_func', 'compress_kv_cache', 'grpo_loss']) {
      assert.notEqual(hover(id), null, id);
    }
  });
  test('an ordinary-word name needs the code to clearly mean it', () => {
    assert.equal(hover('MedusaHeads'), 'Medusa');
    assert.equal(hover('medusa_heads'), 'Medusa');
    assert.equal(hover('HydraConfig'), null);
    assert.equal(hover('hydra_heads'), 'Hydra');
    assert.equal(hover('SEEDTokenizer'), 'SEED');
    assert.equal(hover('CLIPModel'), 'CLIP');
    assert.equal(hover('clip_grad_norm_'), null);
    assert.equal(hover('H2OCache'), 'H₂O');
  });
  test('splits from the issue: T-Stitch, SN-Net, RT-DETRv2', () => {
    assert.equal(hover('TStitchSampler'), 'T-Stitch');
    assert.equal(hover('SNNet'), 'SN-Net');
    assert.equal(hover('RTDETRv2'), 'RT-DETRv2');
  });
  test('a name glued to a suffix in one lowercase word', () => {
    assert.equal(hover('shadowkvcache'), 'ShadowKV');
    assert.equal(hover('transmlaattention'), 'TransMLA');
  });
  test('an ambiguous acronym matched through an expansion shows that meaning', () => {
    const m = realMatcher().matchIdentifier('StableDiffusionPipeline');
    assert.equal(m?.technique.name, 'SD');
    assert.match(m?.meaning ?? '', /stable diffusion/i);
  });
  test('in prose, a technique may span words; in code it may not', () => {
    const line = 'We compress the KV cache before decoding.';
    const col = line.indexOf('cache') + 2;
    assert.equal(realMatcher().matchAt(line, col, { prose: true })?.technique.name, 'KV cache');
    assert.equal(realMatcher().matchAt('for kv in cache:', 12, { prose: false }), undefined);
    assert.equal(realMatcher().matchAt('As a result we win.', 0, { prose: true }), undefined);
  });
  test('strings are prose', () => {
    const line = 'doc = "uses Multi-head Latent Attention here"';
    assert.equal(realMatcher().matchInLanguage(line, line.indexOf('Latent'), 'python')?.technique.name, 'MLA');
  });
  test('kv_lora_rank is MLA code, not LoRA', () => assert.equal(hover('kv_lora_rank'), 'MLA'));
  test('comments are prose', () => {
    const line = 'x = 1  # speculative decoding with a draft model';
    assert.equal(realMatcher().matchInLanguage(line, line.indexOf('decoding'), 'python')?.technique.name, 'speculative decoding');
    assert.equal(realMatcher().matchInLanguage('decoding = speculative', 2, 'python'), undefined);
  });
  test('the identifier under the cursor, including just after it', () => {
    assert.deepEqual(identifierAt('self.use_mla = 1', 7, false), { start: 5, end: 12, windowStart: 5, windowEnd: 12 });
    assert.deepEqual(identifierAt('self.use_mla = 1', 12, false)?.start, 5);
    assert.equal(identifierAt('x =  1', 3, false), undefined);
  });
  test('scan lists every mention with its position', () => {
    const hits = realMatcher().scan('import torch\ncache = KVCache()\nuse_mla = True\nseed = 0\n', 'python');
    assert.deepEqual(
      hits.map((h) => [h.line, h.column, h.technique.name]),
      [
        [1, 8, 'KV cache'],
        [2, 4, 'MLA'],
      ],
    );
  });
  test('outside ML code only a distinctive coined name gets a card: no acronym, no phrase', () => {
    const code = 'import ssl\nmode = "r"\nuse_mla = True\n# KV cache of the proxy\nTransMLA = 1\n';
    assert.deepEqual(
      realMatcher()
        .scan(code, 'python')
        .map((h) => h.technique.name),
      ['TransMLA'],
    );
    assert.deepEqual(
      realMatcher()
        .scan(`import torch\n${code}`, 'python')
        .map((h) => h.technique.name),
      ['MLA', 'KV cache', 'TransMLA'],
    );
  });
  test('pathological identifiers are handled quickly', () => {
    const t0 = Date.now();
    for (const id of ['A'.repeat(10_000), '_'.repeat(10_000), 'aB'.repeat(5_000), 'x1'.repeat(5_000)]) realMatcher().matchIdentifier(id);
    assert.ok(Date.now() - t0 < 5_000);
  });
});

suite('techniques: hover fixture (npm run eval)', () => {
  const rs = runHoverEval(realMatcher());
  test('at least 60 lines in Python, TypeScript, C++, LaTeX and Markdown', () => {
    assert.ok(rs.length >= 60);
    assert.deepEqual([...new Set(rs.map((r) => r.c.lang))].sort(), ['cpp', 'latex', 'markdown', 'python', 'typescript']);
  });
  test('precision ≥ 0.95 and no card on ordinary identifiers', () => {
    const f = hoverFigures(rs);
    assert.ok(f.precision >= 0.95, `precision ${f.precision}`);
    assert.equal(f.falsePositiveRate, 0, rs.filter((r) => r.c.expect === null && r.got !== null).map((r) => r.c.hover).join(', '));
  });
  test('recall ≥ 0.9', () => {
    const f = hoverFigures(rs);
    assert.ok(f.recall >= 0.9, rs.filter((r) => r.c.expect !== null && r.got !== r.c.expect).map((r) => `${r.c.hover}→${r.got}`).join(', '));
  });
});
