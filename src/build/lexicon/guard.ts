import { foldForSearch } from '../../core/text/clean';
import { keyOf, stemsOf } from '../../core/techniques/words';
import type { Technique } from '../../schema/lexicon';
import type { Candidate } from './candidates';
import { COMMON_IDENTIFIERS } from './curated';

/** Endings that make an everyday word of a short name: mod → mode, sam → same, craft → crafted. */
const ENDINGS = ['', 's', 'e', 'es', 'ed', 'd', 'ing', 'er'];

/** Coined names with their own morphemes are distinctive even when capitalised like words. */
const COINED_MORPHEME = /(former|net|vit|gpt|bert|coder|diff|kv|cache|attn|mamba|llm|moe|lora|dit|det|seg|nas)/i;

/** A name's letters and digits, lowercase: "RoPE" → "rope", "H₂O" → "h2o". */
const bare = (name: string): string => foldForSearch(name).toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * When a name needs company to count as a match: an everyday identifier
 * (seed, master, clip), a plain capitalised word (Medusa, Hydra), or a very
 * short name (H₂O, SD, PVC) unless it is an acronym that several papers use
 * (MLA, MoE, DPO). The context is the technique's own vocabulary.
 *
 * @example
 * guardOf(medusa, 'Medusa', ['medusa'], 1, everyday)?.reason // => '"Medusa" is an everyday identifier'
 * guardOf(mla, 'MLA', ['mla'], 4, everyday)                  // => undefined (an acronym several papers use)
 */
export function guardOf(c: Candidate, name: string, keys: readonly string[], paperCount: number, everyday: ReadonlySet<string>): Technique['guard'] | undefined {
  const b = bare(name);
  let reason: string | undefined;
  if (COMMON_IDENTIFIERS.has(b)) reason = `"${name}" is an everyday identifier`;
  else if (/^[a-z]+$/.test(b) && b.length <= 6 && ENDINGS.some((e) => everyday.has(b + e))) reason = `"${name}" is an everyday word (the corpus writes "${ENDINGS.map((e) => b + e).find((w) => everyday.has(w))}")`;
  else if (b.length <= 2) reason = `"${name}" is a two-letter acronym`;
  else if (b.length === 3 && !(c.kind === 'acronym' && paperCount >= 2)) reason = `"${name}" is a short name that collides with everyday identifiers`;
  else if (/^\p{Lu}\p{Ll}+$/u.test(name) && !COINED_MORPHEME.test(name)) reason = `"${name}" is also an ordinary word`;
  if (!reason) return undefined;
  const own = new Set(stemsOf(name));
  const context = [...c.context].filter((s) => !own.has(s) && s !== c.key && s !== b).sort();
  // The guard is on the name itself; a spelled-out expansion ("stable diffusion") is distinctive.
  const nameKeys = new Set([...c.names.keys()].map(keyOf));
  const guardedKeys = keys.filter((k) => nameKeys.has(k));
  return guardedKeys.length > 0 ? { reason, keys: guardedKeys, context } : undefined;
}
