import { keyOf, stem } from '../../core/techniques/words';

/**
 * The hand-curated part of the technique lexicon: stop-words and aliases.
 * Everything else comes from the corpus, so a new seed file brings its
 * techniques with it. Entries are written as plain words and turned into
 * matching keys and stems here; keep each list short. (The lists the
 * matcher also reads at run time, such as TECHNIQUE_HEADS, are in
 * src/core/techniques/curated.ts.)
 */

const keys = (phrases: string): ReadonlySet<string> => new Set(phrases.split(',').map((p) => keyOf(p.trim())));
const stems = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/).map(stem));

/**
 * Umbrella terms and tasks, not techniques: a hover on `cnn`, `llm` or
 * `vos_model` would list dozens of papers and help nobody.
 */
export const UMBRELLA_ACRONYMS: ReadonlySet<string> = new Set([
  // model families and fields
  'llm', 'mllm', 'lvlm', 'lmm', 'vlm', 'lm', 'plm', 'slm', 'tlm', 'mmllm', 'lctm', 'vfm', 'fm', 'gpt',
  'cnn', 'rnn', 'dnn', 'nn', 'mlp', 'ffn', 'snn', 'ssm', 'ai', 'ml', 'dl', 'nlp', 'cv', 'vl', 'sota', 'rl',
  // tasks, metrics and other non-methods
  'qa', 'vqa', 'ocr', 'asr', 'ir', 'sr', 'sisr', 'str', 'vos', 'vln', 'sod', 'ssc', 'st', 'uot', 'amr', 'avs', 'nriqa',
  'tti', 'ttv', 't2i', 't2v', 'ctr', 'cer', 'wer', 'snr', 'ood', 'erf', 'imo', 'em', 'ipc', 'ops', 'pdf', 'cmrr',
  'opamp', 'ndwi', 'hbm', 'lut', 'swh', 'swhid', 'seth', 'sar', 'mteb', 'lpcvc', 'car', 'cpr', 'mi', 'id',
  // generic building blocks every model has: a card on `mha` or `kv` would be noise
  'kv', 'mha', 'msa', 'sgd', 'knn', 'ann', 'pc',
]);

/**
 * Words that are everyday identifiers in code. A technique whose name is one
 * of these (SEED, MASTER, CLIP, SIFT, AIM, UNIT, Hydra…) only matches where
 * the identifier also carries one of the technique's own words
 * (`SEEDTokenizer`, `hydra_heads`), never on its own (`seed = 42`).
 */
export const COMMON_IDENTIFIERS: ReadonlySet<string> = new Set([
  'data', 'result', 'results', 'model', 'models', 'seed', 'master', 'map', 'clip', 'sift', 'aim', 'index', 'config',
  'unit', 'node', 'value', 'key', 'item', 'list', 'dict', 'image', 'text', 'token', 'loss', 'step', 'state', 'base',
  'core', 'main', 'test', 'train', 'eval', 'run', 'net', 'block', 'layer', 'head', 'cache', 'pool', 'mask', 'grad',
  'norm', 'scale', 'shift', 'sample', 'batch', 'dim', 'size', 'name', 'path', 'file', 'mode', 'type', 'tab', 'cat',
  'dare', 'stab', 'pet', 'hat', 'sam', 'pem', 'pvc', 'dsl', 'adl', 'nhs', 'lr', 'bs', 'pe', 'sp', 'sc', 'df', 'ds',
  'dt', 'pd', 'zo', 'cls', 'hydra', 'janus', 'mesa', 'medusa', 'chimera', 'chameleon', 'dolphin', 'kangaroo',
  'serpent', 'twins', 'sequencer', 'easter', 'leopard', 'moat', 'inquire', 'tutel', 'gen', 'diff', 'fit', 'lit',
  'pie', 'tap', 'slime', 'string',
  // Computing vocabulary that short technique acronyms collide with: `verify_ssl` is TLS, `nas` a storage path,
  // `mod` a module or modulo, `var` a variable or a variance.
  'mod', 'ssl', 'tls', 'nas', 'mime', 'solo', 'para', 'var', 'env', 'tmp', 'api', 'url', 'uri', 'io', 'os', 'ui', 'db',
  'cpu', 'gpu', 'ram', 'sql', 'orm', 'dom', 'cli', 'gui', 'tcp', 'udp', 'dns', 'ssh', 'ftp', 'http', 'json', 'xml',
  'html', 'css', 'csv', 'pdf', 'png', 'svg', 'zip', 'tar', 'utf', 'args', 'ctx', 'req', 'res', 'err', 'msg', 'buf',
  'ptr', 'len', 'obj', 'fn', 'cb', 'src', 'dst', 'dir', 'max', 'min', 'sum', 'avg', 'std', 'abs', 'log', 'exp',
  'app', 'auth', 'hash', 'cert', 'proxy', 'lock', 'sync', 'task', 'job', 'queue', 'stack', 'heap', 'tree', 'graph',
  'port', 'host', 'stage', 'patch', 'merge', 'swap', 'pad', 'crop', 'flip', 'lite', 'same', 'part', 'flow', 'stream',
]);

/** Phrases that look like techniques but are everywhere, or are concepts, not methods. */
export const STOP_PHRASES: ReadonlySet<string> = keys(
  'self attention, cross attention, multi head attention, multi head self attention, attention mechanism, ' +
    'global attention, local attention, fine tuning, full fine tuning, full tuning, language model, diffusion model, ' +
    'neural network, deep learning, machine learning, signal to noise ratio, attention layer, ' +
    'attention head, attention map, attention score, attention weight, attention module, attention block, ' +
    'causal attention, standard attention, vanilla attention, dense attention, softmax attention, key value, ' +
    'attention computation, attention operation, attention pattern, token pruning, model compression, instruction tuning, ' +
    'prompt tuning, parameter efficient fine tuning, positional encoding, position encoding, position embedding, ' +
    'positional embedding, token embedding, visual encoding, image compression, global self attention, llm decoding, ' +
    'network pruning',
);

/** Words that carry no technique meaning as context or as the head of a phrase. */
export const GENERIC_STEMS: ReadonlySet<string> = stems(`
  model network learning efficient large language deep neural base method framework simple novel approach via
  toward towards new improved effective better fast faster scalable general generalized state art use using based
  study training train multi high low strong`);

/** Adjectives that make a phrase generic ("efficient attention", "novel decoding"). */
export const GENERIC_MODIFIERS: ReadonlySet<string> = stems(`
  efficient novel existing standard vanilla full different various new simple effective proposed traditional
  conventional original previous our such this these more most less better prior recent modern typical current
  other same single multiple robust fast faster large small first final key important dynamic default common
  costly expensive naive overall whole general their its each both all any significant without minimal high low
  optimized accelerate accelerating computing compute improve reduce enable apply perform achieve use via`);

/**
 * Expansion head nouns that mark a task, a metric or a dataset rather than a
 * method: "salient object detection (SOD)", "word error rate (WER)".
 */
export const NON_METHOD_HEADS: ReadonlySet<string> = stems(`
  recognition segmentation detection tracking retrieval navigation translation completion estimation assessment
  answering rate ratio index identifiers imagery microscopy hypothesis olympiad benchmark challenge heritage radar
  memory second class amplifier function understanding comprehension generation synthesis classification captioning`);

/**
 * Aliases the corpus does not spell out but code does, keyed by a name the
 * corpus uses for the technique. An alias for a technique the corpus does
 * not have is ignored.
 */
export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  FlashAttention: ['flash_attn', 'flashattn', 'flash attention'],
  'KV cache': ['kvcache', 'past_key_values', 'key value cache', 'kv caching'],
  RoPE: ['rotary embedding', 'rotary position embedding', 'rotary positional embedding', 'rotary_emb', 'rotary pos emb'],
  GQA: ['grouped query attention', 'grouped-query attention'],
  MoE: ['mixture of experts', 'sparse moe'],
  LoRA: ['low rank adapter', 'lora adapter'],
  'speculative decoding': ['speculative decode', 'speculative sampling', 'spec decode'],
  // DeepSeek's MLA code names its low-rank KV compression `kv_lora_rank`: that is MLA, not LoRA.
  MLA: ['multi head latent attention', 'kv lora rank', 'q lora rank'],
  DPO: ['direct preference optimization'],
  GRPO: ['group relative policy optimization'],
  DiT: ['diffusion transformer'],
  // H₂O's own name for what it keeps: "heavy hitters" (`heavy_hitter_ratio` in its code).
  'H₂O': ['heavy hitter oracle', 'heavy hitter', 'heavy hitters'],
};

/**
 * Function words: a coined name has none ("Less is More" is no name), and
 * they start no technique phrase and carry no context.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'of in on to for the a an is are with by and or from at as into via meets beyond towards toward you your not all no do does can be'.split(' '),
);
