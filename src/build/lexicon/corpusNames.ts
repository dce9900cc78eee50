import type { Paper } from '../../schema/corpus';
import { TECHNIQUE_HEADS } from '../../core/techniques/curated';
import { keyOf, splitWords, stem } from '../../core/techniques/words';
import { FUNCTION_WORDS, GENERIC_STEMS } from './curated';

/**
 * Names the corpus writes that no paper coins: CamelCase technique names
 * (FlashAttention), releases of known names (wav2vec 2.0), the parts coined
 * names are built on (Mamba, LLaVA), and the everyday words that tell a
 * name from a word.
 */

/**
 * CamelCase technique names that at least two papers mention, such as
 * FlashAttention: the last CamelCase part is a technique head noun. A
 * numbered variant ("FlashAttention-2") is an alias of the name.
 *
 * @example
 * mentionedNames(papers).get(keyOf('FlashAttention'))?.variants // => Set { 'FlashAttention-2' } (when two papers write it)
 */
export function mentionedNames(papers: readonly Paper[]): Map<string, { forms: Map<string, number>; variants: Set<string> }> {
  const found = new Map<string, { forms: Map<string, number>; variants: Set<string>; papers: Set<string> }>();
  for (const p of papers) {
    for (const m of `${p.title} ${p.abstract}`.matchAll(/(?<![\p{L}\d-])(\p{Lu}[\p{L}\d]*\p{Ll}\p{Lu}[\p{L}\d]*)(-\d+)?(?![\p{L}\d-])/gu)) {
      const name = m[1] ?? '';
      const words = splitWords(name);
      if (words.length < 2 || !TECHNIQUE_HEADS.has(words[words.length - 1]?.stem ?? '')) continue;
      const key = keyOf(name);
      const f = found.get(key) ?? { forms: new Map(), variants: new Set(), papers: new Set() };
      f.forms.set(name, (f.forms.get(name) ?? 0) + 1);
      if (m[2]) f.variants.add(m[0]);
      f.papers.add(p.id);
      found.set(key, f);
    }
  }
  return new Map([...found].filter(([, f]) => f.papers.size >= 2));
}

/**
 * Versioned names of known techniques that at least two papers write:
 * "wav2vec 2.0", "Swin Transformer V2". The base must be a technique name
 * the corpus already has; the version a number or `v` and a number.
 *
 * @example
 * versionedNames(papers, ['wav2vec']).get(keyOf('wav2vec 2.0'))?.forms // => Map { 'wav2vec 2.0' => 5 }
 */
export function versionedNames(papers: readonly Paper[], bases: readonly string[]): Map<string, { forms: Map<string, number> }> {
  const usable = [...new Set(bases)].filter((b) => b.length >= 3 && !/\d$/.test(b));
  if (usable.length === 0) return new Map();
  const alts = usable.sort((a, b) => b.length - a.length).map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(${alts.join('|')})([- ]?)((?:[vV])?\\d+(?:\\.\\d+)?)(?![\\p{L}\\p{N}]|\\.\\d)`, 'gu');
  const found = new Map<string, { forms: Map<string, number>; papers: Set<string> }>();
  for (const p of papers) {
    for (const m of `${p.title} ${p.abstract}`.matchAll(re)) {
      const form = m[0];
      const key = keyOf(form);
      const f = found.get(key) ?? { forms: new Map(), papers: new Set() };
      f.forms.set(form, (f.forms.get(form) ?? 0) + 1);
      f.papers.add(p.id);
      found.set(key, f);
    }
  }
  return new Map([...found].filter(([, f]) => f.papers.size >= 2).map(([k, f]) => [k, { forms: f.forms }]));
}

/**
 * Parts of coined names that papers also write as names of their own
 * ("Mamba" in "Multimodal Mamba" and alone in six abstracts), with the
 * number of papers that write them alone. A part must look like a name (a
 * capital, not a word the corpus writes in lowercase, not a generic word)
 * and stand alone in at least two papers.
 *
 * @example
 * embeddedNames(papers, ['Multimodal Mamba', 'LaMamba-Diff'], everyday).get('Mamba') // => 6 (papers that write "Mamba" alone)
 */
export function embeddedNames(papers: readonly Paper[], coined: readonly string[], everyday: ReadonlySet<string>): Map<string, number> {
  const parts = new Set<string>();
  for (const name of coined) {
    for (const p of name.split(/[-\s]+/)) {
      if (p.length < 4 || !/^\p{Lu}[\p{L}]*$/u.test(p)) continue;
      const lower = p.toLowerCase();
      if (everyday.has(lower) || GENERIC_STEMS.has(stem(lower)) || FUNCTION_WORDS.has(lower) || UMBRELLA_WORDS.has(lower)) continue;
      parts.add(p);
    }
  }
  // One pass over the corpus, word by word (not a search of every paper for every part, which grew with the square of the corpus).
  const alone = new Map<string, number>();
  for (const q of papers) {
    const text = `${q.title} ${q.abstract}`;
    const seen = new Set<string>();
    for (const m of text.matchAll(WORD)) {
      const w = m[0];
      if (!parts.has(w) || seen.has(w)) continue;
      // Alone: not the tail of a hyphenated name, nor the head of one ("Mamba-2", "Vision-Mamba").
      const end = m.index + w.length;
      if (text[m.index - 1] === '-' || (text[end] === '-' && WORD_CHAR.test(text[end + 1] ?? ''))) continue;
      seen.add(w);
      alone.set(w, (alone.get(w) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const p of parts) {
    const n = alone.get(p) ?? 0;
    if (n >= 2) out.set(p, n);
  }
  return out;
}

/** A run of letters and digits: a part of a coined name is one, whole. */
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Words coined names are built on that name no technique of their own. */
export const UMBRELLA_WORDS: ReadonlySet<string> = new Set(['transformer', 'transformers', 'vision', 'diffusion', 'attention', 'decoder', 'encoder']);

/**
 * The words the corpus itself writes in lowercase, as ordinary words
 * ("mode", "same", "unit", "crafted"): a short name that is one of them, or
 * one of them with an ending taken off, is an everyday word too, and needs
 * company to match (`mode` is not MoD, `same` is not SAM).
 *
 * @example
 * everydayWords([{ title: 'One mode for all', abstract: 'We use the same SAM.', … }]) // => Set { 'mode', 'for', 'all', 'use', 'the', 'same' }
 */
export function everydayWords(papers: readonly Paper[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const p of papers) for (const m of `${p.title} ${p.abstract}`.matchAll(/(?<![\p{L}\d_-])[a-z]{2,}(?![\p{L}\d_])/gu)) out.add(m[0]);
  return out;
}
