/**
 * What the matcher knows about a whole file, found once per version of it:
 * where its prose is (comments and strings), whether it is ML code at all,
 * and which techniques' own code it is. A name that is also an everyday
 * word (`clip`, `sam`, `Medusa`) needs an ML file; in a technique's own
 * code (`class MedusaModel`) its name counts wherever it appears.
 */
import type { Sliced } from '../util/sliced';
import { type ProseRegions, proseRegionsOf } from './regions';

export interface DocumentFacts {
  regions: ProseRegions;
  /** The file reads as ML: it uses the vocabulary of ML code and papers (tensors, logits, attention, pretrained models, …). */
  ml: boolean;
  /** Classes (and interfaces, structs, traits) defined in the file, for finding the techniques whose own code it is. */
  definitions: readonly string[];
  /** Long forms the file spells out (lowercase, single spaces), from the `spelledOut` pattern it was given. */
  spelled: readonly string[];
}

/**
 * Roots of the vocabulary of ML code and ML prose, matched inside
 * identifiers too (`PreTrainedModel`, `ForCausalLM`, `hidden_states`); two
 * different ones make a file ML. An HTTP client, a web framework or the
 * standard library has none or one (a `checkpoint`, an `inference`).
 */
const ML_ROOTS =
  /pretrained|causallm|conditionalgeneration|imageprocessor|featureextractor|objectdetection|imageclassification|segmentationoutput|visionmodel|spectrogram|logits|tensor|attention|embedding|transformer|softmax|dropout|layernorm|tokeniz|pytorch|torch\.|\btorch\b|\bjax\b|keras|tensorflow|huggingface|hidden_?states|num_?heads|head_?dim|backbone|quantiz|neural|gradient|optimizer|\bepochs?\b|finetun|\bllms?\b|diffusion|autoregressive|multimodal|kv[ _-]?cache|language models?|pre-?training|fine-?tuning|self-attention|\bcuda\b|nccl|learning_?rate|batch_?size/gi;
/** An import of an ML library makes a file ML on its own (`import torch`, `from '@huggingface/transformers'`). */
const ML_IMPORT =
  /^\s*(?:import|from)\s+(?:torch|jax|flax|tensorflow|keras|transformers|diffusers|timm|vllm|deepspeed|accelerate|peft|trl|einops|triton|onnxruntime|sklearn|lightning|pytorch_lightning|xformers|flash_attn|bitsandbytes)\b|(?:from|require\()\s*['"](?:@huggingface\/transformers|@xenova\/transformers|@tensorflow\/tfjs[\w-]*|onnxruntime-(?:web|node))['"]/m;
/** How many different roots make a file ML. */
const ML_MIN = 2;
/** Class-like definitions: a technique's own code names its classes for it (`class MedusaModel`); functions are too many and too generic. */
const DEFINITION = /\b(?:class|interface|struct|trait)\s+([A-Za-z_$][\w$]*)|\b(?:const|let|var)\s+([A-Z][\w$]*)\s*=\s*class\b/g;
const STEP_CHARS = 1 << 16;

/**
 * The facts of a text in a language, as sliced work.
 *
 * `spelledOut` (from the matcher) finds the long forms of ambiguous
 * acronyms: a file that writes "quantization aware training" means QAT by
 * `qat`.
 *
 * @example
 * runNow(documentFacts('import torch\nclass MedusaModel(nn.Module): …', 'python')).definitions // => ['MedusaModel']
 */
export function* documentFacts(text: string, languageId: string, spelledOut?: RegExp): Sliced<DocumentFacts> {
  const regions = yield* proseRegionsOf(text, languageId);
  const seen = new Set<string>();
  const definitions: string[] = [];
  let paused = 0;
  ML_ROOTS.lastIndex = 0;
  for (let m = ML_ROOTS.exec(text); m && seen.size < ML_MIN; m = ML_ROOTS.exec(text)) {
    seen.add(m[0].toLowerCase().replace(/[^a-z]/g, ''));
    if (m.index - paused >= STEP_CHARS) {
      paused = m.index;
      yield;
    }
  }
  DEFINITION.lastIndex = 0;
  paused = 0;
  for (let m = DEFINITION.exec(text); m; m = DEFINITION.exec(text)) {
    const name = m[1] ?? m[2];
    if (name !== undefined && name.length <= 256) definitions.push(name);
    if (m.index - paused >= STEP_CHARS) {
      paused = m.index;
      yield;
    }
  }
  const spelled = new Set<string>();
  if (spelledOut) {
    // In chunks, each searched with some overlap, so one search never runs over the whole of a large file.
    for (let off = 0; off < text.length; off += STEP_CHARS) {
      const part = text.slice(off, off + STEP_CHARS + 256);
      const re = new RegExp(spelledOut.source, 'gi');
      for (let m = re.exec(part); m; m = re.exec(part)) if (m.index < STEP_CHARS) spelled.add(m[0].toLowerCase().replace(/[\s_-]+/g, ' '));
      yield;
    }
  }
  return { regions, ml: seen.size >= ML_MIN || ML_IMPORT.test(text), definitions, spelled: [...spelled] };
}

/**
 * Parts of a line where no technique is named: URLs, e-mail addresses and
 * domain names (`https://github.com/deepseek-ai/…`, `x@deepseek.com`), and
 * the whole of a copyright or licence line ("Copyright 2024 DeepSeek").
 * File paths stay: `./qwen2_vl/modeling_qwen2_vl.js` does name Qwen2-VL.
 * Sorted [start, end) ranges.
 *
 * @example
 * maskedRanges('see https://github.com/deepseek-ai/DeepSeek-V3 for MLA') // => [[4, 46]]
 */
export function maskedRanges(line: string): [number, number][] {
  if (COPYRIGHT.test(line)) return [[0, line.length]];
  const out: [number, number][] = [];
  for (const re of [URL, EMAIL, DOMAIN]) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      out.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out.sort((x, y) => x[0] - y[0]);
}

const COPYRIGHT = /\bcopyright\b|©|\(c\)\s*(?:19|20)\d\d|\blicen[cs]ed under\b|\ball rights reserved\b|\bSPDX-License-Identifier\b/i;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`)\]]+/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const DOMAIN = /\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ai|dev|edu|gov|co|app|cn|uk|de|fr|jp)\b/gi;

/**
 * Whether [start, end) meets one of sorted ranges.
 *
 * @example
 * meetsRange([[0, 5], [10, 20]], 4, 8)  // => true
 * meetsRange([[0, 5], [10, 20]], 5, 10) // => false
 */
export function meetsRange(ranges: readonly (readonly [number, number])[], start: number, end: number): boolean {
  for (const [s, e] of ranges) {
    if (s >= end) return false;
    if (e > start) return true;
  }
  return false;
}
