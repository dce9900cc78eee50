import type { Paper } from '../../schema/corpus';
import { FUNCTION_WORDS, GENERIC_STEMS } from './curated';
import type { TokenWords } from './tokenWords';

/** Number of salient abstract words that join a guarded name's context. */
const SALIENT_PER_PAPER = 10;

/**
 * Each listed paper's most distinctive abstract stems (tf-idf over the whole corpus), without generic words.
 *
 * @example
 * salientStems(papers, new Set([medusaPaperId]), new TokenWords()).get(medusaPaperId) // => ['medusa', 'decod', 'step', …] (at most 10)
 */
export function salientStems(papers: readonly Paper[], wanted: ReadonlySet<string>, words: TokenWords): Map<string, string[]> {
  const tfOf = (p: Paper): Map<string, number> => {
    const tf = new Map<string, number>();
    for (const st of words.stemsOf(p.abstract)) {
      if (st.length < 3 || GENERIC_STEMS.has(st) || FUNCTION_WORDS.has(st) || /\d/.test(st)) continue;
      tf.set(st, (tf.get(st) ?? 0) + 1);
    }
    return tf;
  };
  const df = new Map<string, number>();
  for (const p of papers) for (const st of tfOf(p).keys()) df.set(st, (df.get(st) ?? 0) + 1);
  const n = papers.length;
  const out = new Map<string, string[]>();
  for (const p of papers) {
    if (!wanted.has(p.id)) continue;
    const scored = [...tfOf(p)].map(([st, f]) => [st, f * Math.log(n / (df.get(st) ?? 1))] as const);
    scored.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    out.set(p.id, scored.slice(0, SALIENT_PER_PAPER).map(([st]) => st));
  }
  return out;
}
