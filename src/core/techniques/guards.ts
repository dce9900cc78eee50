import { foldForSearch } from '../text/clean';
import { GLUED_AFFIXES, MODEL_COMPONENTS } from './curated';
import type { Entry, FileFacts, TechniqueKeys } from './keyIndex';
import type { Word } from './words';

/**
 * The matcher's rules against false positives, run on each run of words
 * whose key names a technique: everyday words and short acronyms need
 * company (guards), a name glued into another name is that other name,
 * an acronym the line defines otherwise is not the technique, and short
 * keys match only as spelled.
 */

/**
 * Words that follow a model's name in its classes' names: `CLIPTextModel`,
 * `DetrForObjectDetection`, `SamImageProcessor`, `Qwen2VLForConditionalGeneration`.
 */
const CLASS_PARTS: ReadonlySet<string> = new Set(
  ('model models pre pretrained for config configuration processor processing image images text vision visual audio video ' +
    'feature features extractor tokenizer tokenization encoder decoder layer layers block blocks attention output outputs ' +
    'head heads embedding embeddings pipeline backbone mlp cache module loss result results props mapping wrapper adapter ' +
    'trainer kernel impl forward base large small tiny huge causal conditional generation sequence token object detection ' +
    'segmentation classification question answering masked lm ctc speech frame mask semantic instance universal depth ' +
    'estimation zero shot prior sparse moe expert experts router gate attn self cross rotary position positional ' +
    'multimodal language projector projection patch').split(' '),
);

/**
 * A guarded name (an everyday word, a short acronym) counts only in an ML
 * file, and then only with company: the file is the technique's own code
 * (`class MedusaModel`); or another word of the identifier (or, in prose,
 * of the phrase) is from the technique's own vocabulary, or in code a
 * model component (`MedusaModel`, `clip_model`) or another technique's
 * name (`vit_base_patch16_clip_224`); or, for an acronym, capitals inside
 * a CamelCase identifier (`CLIPModel`).
 *
 * @example
 * // In an ML file, on the words of `clip_model` (CLIP guarded; "model" is a model component):
 * guardSatisfied(keys, clip, splitWords('clip_model'), 0, 0, 'clip_model', false, false, { ml: true, owned: new Set() }) // => true
 * guardSatisfied(keys, clip, splitWords('clip_grad'), 0, 0, 'clip_grad', false, false, { ml: true, owned: new Set() })   // => false
 */
export function guardSatisfied(keys: TechniqueKeys, e: Entry, words: readonly Word[], i: number, j: number, line: string, mixedCase: boolean, prose: boolean, facts: FileFacts): boolean {
  if (facts.owned.has(e.t.id)) return true;
  if (!facts.ml) return false;
  // In prose an everyday word is the word ("as one unit", "clip the value"); the name is written as the name ("CLIP").
  const written = line.slice(words[i]?.start ?? 0, words[j]?.end ?? 0);
  if (prose && /\p{Lu}/u.test(e.t.name) && written !== e.t.name && !e.t.aliases.includes(written)) return false;
  const context = new Set(e.t.guard?.context ?? []);
  for (let k = 0; k < words.length; k++) {
    if (k >= i && k <= j) continue;
    const w = words[k] as Word;
    if (context.has(w.stem)) return true;
    if (prose) continue;
    if (MODEL_COMPONENTS.has(w.stem)) return true;
    if (w.lower.length >= 3 && (keys.get(w.stem) ?? []).some((x) => x.t !== e.t && !x.guarded && x.surfaces.includes(w.lower))) return true;
  }
  if (e.t.kind !== 'acronym' || prose || !mixedCase) return false;
  const surface = line.slice(words[i]?.start ?? 0, words[j]?.end ?? 0);
  const next = words[j + 1];
  const prev = words[i - 1];
  const camelNeighbour = (next !== undefined && /^\p{Lu}\p{Ll}/u.test(next.text)) || (prev !== undefined && /\p{Ll}$/u.test(prev.text));
  return surface.length >= 3 && surface === foldForSearch(e.t.name) && /^\p{Lu}+$/u.test(surface) && camelNeighbour;
}

/**
 * In code, a name glued to another name forms a third model's name:
 * `CLIPSegModel` is CLIPSeg, `VitMatte` ViTMatte, `Wav2Vec2Bert` w2v-BERT,
 * `RFDetrModel` RF-DETR. A word glued after the name (no `_`, a capital)
 * must be a class-name part (`CLIPTextModel`, `DetrForObjectDetection`,
 * `SamImageProcessor`), a version or another technique; a glued prefix of
 * one or two letters makes a variant.
 *
 * @example
 * compoundName(keys, clip, splitWords('CLIPSegModel'), 0, 0, 'CLIPSegModel')   // => true (CLIPSeg)
 * compoundName(keys, clip, splitWords('CLIPTextModel'), 0, 0, 'CLIPTextModel') // => false (a class part)
 */
export function compoundName(keys: TechniqueKeys, e: Entry, words: readonly Word[], i: number, j: number, line: string): boolean {
  // The first word glued after the name, past a version (`Wav2Vec2Bert`: past the 2, Bert).
  let k = j + 1;
  let end = (words[j] as Word).end;
  while (words[k] && (words[k] as Word).start === end && /^(?:\d+|v\d+)$/i.test((words[k] as Word).text)) end = (words[k++] as Word).end;
  const next = words[k];
  // Only models make models of other names: `SnapKVCluster` is SnapKV's cluster (a method a corpus paper
  // coins), `CLIPSegModel` is CLIPSeg, `Swin2SRModel` Swin2SR, `LlavaOnevisionModel` LLaVA-OneVision (models: an
  // acronym, a release with a number, or a name the corpus discusses but does not introduce).
  const model = e.t.kind === 'acronym' || /\d/.test(e.t.name) || !e.t.papers.some((p) => p.role === 'introduces');
  if (model && next && next.start === end && /^\p{Lu}/u.test(next.text)) {
    const part = next.lower;
    if (!CLASS_PARTS.has(part) && !CLASS_PARTS.has(next.stem) && !GLUED_AFFIXES.has(next.stem) && !(keys.get(next.stem) ?? []).some((x) => x.t !== e.t && x.surfaces.includes(part))) return true;
  }
  // A name glued after another name-part in one token (`FastViT`, `MobileViT`, `GroupViT`), or after a short
  // capitalised prefix and a hyphen (`RF-DETR`, `OWL-ViT`, `Co-DETR`).
  const prev = words[i - 1];
  const first = words[i] as Word;
  if (!prev) return false;
  const between = line.slice(prev.end, first.start);
  const glued = between === '' && /^\p{Lu}\p{Ll}+$|^\p{Lu}{1,3}$/u.test(prev.text) && /\p{Lu}/u.test(first.text[0] ?? '');
  const prefixed = between === '-' && prev.text.length <= 3 && /^\p{Lu}/u.test(prev.text);
  if (!glued && !prefixed) return false;
  // …unless the prefix is a technique or a class part of its own (`SamVisionAttention`).
  if (CLASS_PARTS.has(prev.lower) || (keys.get(prev.stem) ?? []).some((x) => x.surfaces.includes(prev.lower))) return false;
  return true;
}

/**
 * Whether the line defines the acronym as something else: "mean absolute
 * error (MAE)", "DiT: … for Document Image Transformer". Words whose
 * initials spell the acronym, none of them the technique's own expansion.
 *
 * @example
 * const line = 'mean absolute error (MAE)';
 * definedOtherwise(mae, line, splitWords(line), 3, 3) // => true (when MAE is the masked autoencoder)
 */
export function definedOtherwise(entry: Entry, line: string, words: readonly Word[], i: number, j: number): boolean {
  const letters = foldForSearch(entry.t.name).replace(/[^A-Za-z]/g, '').toLowerCase();
  if (letters.length < 2 || letters.length > 6) return false;
  const own = new Set(entry.t.expansions.map((x) => x.toLowerCase().replace(/[^a-z]+/g, ' ').trim()));
  const tokens = [...line.matchAll(/[A-Za-z]+/g)].filter((m) => (m.index ?? 0) < (words[i]?.start ?? 0) || (m.index ?? 0) >= (words[j]?.end ?? 0));
  for (let s = 0; s + letters.length <= tokens.length; s++) {
    const run = tokens.slice(s, s + letters.length);
    if (run.map((m) => (m[0][0] ?? '').toLowerCase()).join('') !== letters) continue;
    // Consecutive words only (one space or hyphen apart), not an abbreviation's own letters.
    const joined = line.slice(run[0]?.index ?? 0, (run[run.length - 1]?.index ?? 0) + (run[run.length - 1]?.[0].length ?? 0));
    if (!/^[A-Za-z]+(?:[ -][A-Za-z]+)*$/.test(joined) || run.some((m) => m[0].length < 2)) continue;
    if (!own.has(joined.toLowerCase().replace(/[^a-z]+/g, ' ').trim())) return true;
  }
  return false;
}

/**
 * A name no ordinary text spells by accident: a coined name or an acronym of six letters or more, not guarded.
 *
 * @example
 * distinctive(transmla, 'transmla') // => true
 * distinctive(mla, 'mla')           // => false
 */
export function distinctive(entry: Entry, key: string): boolean {
  return entry.t.kind !== 'phrase' && !entry.guarded && key.length >= 6;
}

/**
 * Whether a run spelled `prefix` (its words lowercased and joined) is one of
 * the entry's own spellings: a short key (`mod`, `sam`, `rop`) matches no
 * stemmed form of another word (`mode`, `same`, `Yolos`). A plural "s"
 * after capitals counts (`ViTs`, `LLMs`).
 *
 * @example
 * spelledAs(mod, 'mode', splitWords('mode'), 0) // => false (MoD is spelled "mod")
 * spelledAs(vit, 'vits', splitWords('ViTs'), 1) // => true
 */
export function spelledAs(entry: Entry, prefix: string, words: readonly Word[], j: number): boolean {
  if (entry.surfaces.includes(prefix)) return true;
  const last = (words[j] as Word).text;
  return prefix.endsWith('s') && entry.surfaces.includes(prefix.slice(0, -1)) && /\p{Lu}s$/u.test(last);
}

/**
 * Whether the words of run [i, j] after the first whitespace token are only a version: "DeepSeek V3", "Qwen 2.5".
 *
 * @example
 * const words = splitWords('DeepSeek V3');
 * versionSuffix(words, tokenIndexes('DeepSeek V3', words), 0, 3) // => true (words: Deep Seek V 3)
 */
export function versionSuffix(words: readonly Word[], token: readonly number[], i: number, j: number): boolean {
  let k = i;
  while (k <= j && token[k] === token[i]) k++;
  const rest = words.slice(k, j + 1);
  return rest.length > 0 && rest.length <= 2 && token[j] === token[k] && rest.every((w) => /^(?:v\d+|\d+|v)$/i.test(w.text));
}
