import { stem } from './words';

/**
 * The hand-curated word lists the matcher reads at run time: the head nouns
 * of technique phrases, the affixes code glues onto a name, and model
 * components. The lists only the lexicon build reads (stop-lists, aliases)
 * are in src/build/lexicon/curated.ts. Entries are written as plain words
 * and turned into stems here; keep each list short.
 */

const stems = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/).map(stem));

/**
 * Head nouns of technique phrases: "speculative decoding", "sparse
 * attention", "KV cache", "mixture of experts".
 */
export const TECHNIQUE_HEADS: ReadonlySet<string> = stems(`
  attention decoding cache experts quantization pruning distillation tuning adaptation encoding embedding merging
  sparsity parallelism normalization exit exiting compression stitching routing`);

/**
 * Suffixes and prefixes that code glues onto a technique name without a
 * separator ("shadowkvcache", "transmlaattention"). A single lowercase word
 * that starts with a distinctive technique key and ends in one of these
 * still matches.
 */
export const GLUED_AFFIXES: ReadonlySet<string> = stems(`
  cache attention layer block head model config loss func fn sampler module decoder encoder kernel impl forward op
  trainer pipeline wrapper adapter`);

/**
 * Model components: in an ML file, next to a guarded name they show the
 * identifier means the model (`clip_model`, `sam_encoder`, `MedusaHeads`,
 * `H2OLlamaAttention`), where `clip_grad_norm_` or `torch.clip` do not.
 */
export const MODEL_COMPONENTS: ReadonlySet<string> = stems(`
  model encoder decoder predictor processor tokenizer backbone embedding embeddings pipeline checkpoint attention
  heads layer block`);
