import { foldForSearch } from '../text/clean';

/**
 * Words of identifiers and names, and the keys that make "MultiHeadLatentAttention",
 * "multi_head_latent_attention" and "Multi-head Latent Attention" the same thing.
 */

/** One word of an identifier or a name, with where it sits in the source. */
export interface Word {
  /** The word as written: "Multi", "KV", "v2". */
  text: string;
  /** Lowercase and folded: "multi", "kv", "v2". */
  lower: string;
  /** Its stem, for the last word of a key and for context: "decod", "head". */
  stem: string;
  /** Offset of the word in the string it came from. */
  start: number;
  end: number;
}

/** Unambiguous abbreviations in code, expanded before matching ("flash_attn"). */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['attn', 'attention'],
  ['embd', 'embedding'],
  ['emb', 'embedding'],
]);

/**
 * A light stem, the same for code and prose: lowercase; plural "s" dropped
 * ("heads" → "head", "ViTs" → "vit"); "-ing" and a final "e" dropped so that
 * decode, decoding and decoded meet ("decod"), and cache and caching meet
 * ("cach").
 *
 * @example
 * stem('Decoding') // => 'decod'
 * stem('caches')   // => 'cach'
 * stem('bias')     // => 'bias'
 */
export function stem(word: string): string {
  let w = foldForSearch(word).toLowerCase();
  if (/^\d+$/.test(w) || /^v\d+$/.test(w) || w.length <= 3) return w;
  if (w.length >= 4 && w.endsWith('s') && !/[siua]s$/.test(w)) w = w.slice(0, -1);
  if (w.length >= 6 && w.endsWith('ing')) {
    w = w.slice(0, -3);
    if (/(.)\1$/.test(w)) w = w.slice(0, -1);
  } else if (w.length >= 6 && w.endsWith('ed') && !w.endsWith('eed')) {
    w = w.slice(0, -2);
  }
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * The most characters {@link stem} takes off the end of a lowercase word:
 * a plural "s", "-ing", the doubled letter before it and a final "e"
 * ("agreeings" → "agr"). Everything before them it keeps, so a word's stem
 * starts with all but its last STEM_SLACK characters: the lexicon build
 * uses this to stop growing a run that no key can start like, and the
 * matcher to bound where a glued name can be cut.
 *
 * @example
 * 'agreeings'.length - stem('agreeings').length // => 6 (STEM_SLACK)
 * stem('settings')                               // => 'set' ('settings' starts with it)
 */
export const STEM_SLACK = 6;

// A version suffix (v2, v12) is its own word when no letter follows it; other runs stop before one.
// "wav2vec" and "Wav2Vec2" have none: the "v2" there runs on into a letter.
const WORD_UNICODE = /v\d+(?![\p{L}])|\p{Lu}+(?=\p{Lu}(?!v\d+(?!\p{L}))\p{Ll})|\p{Lu}?(?:(?!v\d+(?!\p{L}))\p{Ll})+|\p{Lu}+|\d+|[\u00b2\u00b3\u00b9\u2070-\u209f]+/gu;
/** WORD_UNICODE for text without a character above U+007F. */
const WORD_ASCII = /v\d+(?![A-Za-z])|[A-Z]+(?=[A-Z](?!v\d+(?![A-Za-z]))[a-z])|[A-Z]?(?:(?!v\d+(?![A-Za-z]))[a-z])+|[A-Z]+|\d+/g;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * CamelCase, PascalCase, snake_case, kebab-case, SCREAMING_CASE, digits and
 * version suffixes, all split the same way:
 *
 * @example
 * splitWords('MultiHeadLatentAttention').map((w) => w.text) // => ['Multi', 'Head', 'Latent', 'Attention']
 * splitWords('RTDETRv2').map((w) => w.text)                 // => ['RTDETR', 'v2']
 * splitWords('TStitchSampler').map((w) => w.text)           // => ['T', 'Stitch', 'Sampler']
 * splitWords('SNNet').map((w) => w.text)                    // => ['SN', 'Net']
 * splitWords('use_mla').map((w) => w.text)                  // => ['use', 'mla']
 */
export function splitWords(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  // On plain ASCII the Unicode classes are [A-Z] and [a-z], and the ASCII
  // pattern is several times faster; it runs on every word of the corpus.
  const re = ASCII.test(text) ? new RegExp(WORD_ASCII) : new RegExp(WORD_UNICODE);
  for (const m of text.matchAll(re)) {
    const start = offset + (m.index ?? 0);
    const lower = foldForSearch(m[0]).toLowerCase();
    const full = ABBREVIATIONS.get(lower) ?? lower;
    out.push({ text: m[0], lower: full, stem: stem(full), start, end: start + m[0].length });
  }
  return out;
}

/**
 * The matching key of a run of words: lowercase words joined, then stemmed
 * as one string. Stemming the joined string, not the last word, makes the
 * key independent of where the words split: "RoPE", "rope" and "ro_pe" all
 * give "rop"; "KVCache" and "kvcache" both give "kvcach".
 *
 * @example
 * runKey(splitWords('KVCache'))         // => 'kvcach'
 * runKey(splitWords('use_kv_cache'), 1) // => 'kvcach'
 */
export function runKey(words: readonly Word[], from = 0, to = words.length): string {
  let joined = '';
  for (let i = from; i < to; i++) joined += words[i]?.lower ?? '';
  return stem(joined);
}

/**
 * The matching key of a name or phrase.
 *
 * @example
 * keyOf('Multi-head Latent Attention') // => 'multiheadlatentattention'
 * keyOf('RoPE')                        // => 'rop'
 */
export function keyOf(text: string): string {
  return runKey(splitWords(text));
}

/**
 * The stems of a name or phrase, in order.
 *
 * @example
 * stemsOf('Speculative Decoding heads') // => ['speculativ', 'decod', 'head']
 */
export function stemsOf(text: string): string[] {
  return splitWords(text).map((w) => w.stem);
}
