/**
 * Runs of words, the unit a technique name is matched on, shared by the
 * lexicon build (which counts them in the corpus) and the matcher (which
 * looks them up under the cursor).
 */

/**
 * Longest run of words a technique name spans: the build counts runs of up
 * to this many words, and the matcher looks no further.
 *
 * @example
 * // "Multi Head Latent Attention" (4 words) is a run; no key is longer than MAX_RUN words.
 * MAX_RUN // => 6
 */
export const MAX_RUN = 6;

/**
 * For each word, the index of the whitespace-separated token it belongs to.
 *
 * @example
 * tokenIndexes('KV cache', splitWords('KV cache')) // => [0, 1]
 * tokenIndexes('KVCache', splitWords('KVCache'))   // => [0, 0]
 */
export function tokenIndexes(text: string, words: readonly { start: number }[]): number[] {
  const out: number[] = [];
  let t = 0;
  let last = 0;
  for (const w of words) {
    if (/\s/.test(text.slice(last, w.start))) t++;
    out.push(t);
    last = w.start;
  }
  return out;
}

/**
 * Whether a name is written as one token ("TransMLA", "SN-Net"), not several ("KV cache").
 *
 * @example
 * isSingleToken('SN-Net')   // => true
 * isSingleToken('KV cache') // => false
 */
export const isSingleToken = (alias: string): boolean => !/\s/.test(alias.trim());
