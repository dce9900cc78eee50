/**
 * Whitespace tokens, for the matcher at run time and the lexicon extraction
 * at build time: a name written as one token never spans a space in prose.
 */

/**
 * For each word, the index of the whitespace-separated token it belongs to.
 *
 * @example
 * tokenIndexes('SN-Net and KV cache', [{ start: 0 }, { start: 3 }, { start: 7 }, { start: 11 }, { start: 14 }]) // => [0, 0, 1, 2, 3]
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
 * isSingleToken('SN-Net') // => true
 * isSingleToken('KV cache') // => false
 */
export const isSingleToken = (alias: string): boolean => !/\s/.test(alias.trim());
