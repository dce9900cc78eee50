/**
 * How a paper scores. First MiniSearch's own score, BM25+ per posting
 * (the executor sums it over the query's terms and fields); then our
 * ranking for what people type into a citation picker, which multiplies
 * it: a query that names an author favours that author's papers, and a
 * query that spells out a short name or title puts that paper first.
 */

/** MiniSearch's BM25+ parameters (its defaults; options.ts does not change them). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/**
 * MiniSearch's BM25+ score of one posting, the same formula it uses.
 *
 * @example
 * bm25(1, 10, 400, 8, 9.5) // => a positive number: rarer terms and shorter fields score higher
 */
export function bm25(tf: number, df: number, n: number, fieldLength: number, avgFieldLength: number): number {
  return bm25Idf(df, n) * bm25Tf(tf, fieldLength, avgFieldLength);
}

/** The term's part of {@link bm25}, the same for every posting of a term and field: a scan computes it once. */
export function bm25Idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The posting's part of {@link bm25}. */
export function bm25Tf(tf: number, fieldLength: number, avgFieldLength: number): number {
  return BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * fieldLength) / avgFieldLength));
}

/** The most {@link titleBoost} multiplies a score by (a query that is the title or short name). */
export const MAX_TITLE_BOOST = 4;

/** The most {@link authorBoost} multiplies a score by (the first author, named in full). */
export const MAX_AUTHOR_BOOST = 2;

/**
 * A query that names an author ("Haoyu He", "zizheng pan hilo", "pan 2022")
 * favours the papers where that author comes first: ×2 for the first author
 * when the query has the whole name, ×1.5 when it has one of its words (a
 * given name or a surname alone), and less for later authors; a one-letter
 * query word (an initial) counts for nothing. `termsOf`
 * turns a name into query terms (engine.ts's `queryTerms`, or a cache of it).
 *
 * @example
 * authorBoost([{ name: 'Haoyu He' }, { name: 'Zizheng Pan' }], new Set(['haoyu', 'he']), queryTerms) // => 2
 * authorBoost([{ name: 'Haoyu He' }, { name: 'Zizheng Pan' }], new Set(['pan']), queryTerms) // => 1.25 (half the name, second author)
 */
export function authorBoost(authors: readonly { name: string }[], terms: ReadonlySet<string>, termsOf: (name: string) => readonly string[]): number {
  return authorBoostOfNames(authors.map((a) => termsOf(a.name)), terms);
}

/**
 * {@link authorBoost} from each author's name as query terms, in author
 * order (the engine keeps them per paper, so a keystroke only counts).
 *
 * @example
 * authorBoostOfNames([['haoyu', 'he'], ['zizheng', 'pan']], new Set(['pan'])) // => 1.25
 */
export function authorBoostOfNames(names: readonly (readonly string[])[], terms: ReadonlySet<string>): number {
  for (let i = 0; i < names.length; i++) {
    const nameTerms = names[i] as readonly string[];
    // A one-letter word is an initial at most: "d" names no one.
    let matched = 0;
    for (let j = 0; j < nameTerms.length; j++) {
      const t = nameTerms[j] as string;
      if (t.length >= 2 && terms.has(t)) matched++;
    }
    if (matched > 0) return 1 + matched / nameTerms.length / (i + 1);
  }
  return 1;
}

/** A query that spells at least this much of the start of a title (three or four words) names that paper. */
export const LONG_TITLE_START = 12;

/**
 * ×4 when the query spells out the short name, the title, or the start of
 * a title of {@link LONG_TITLE_START} letters or more (a remembered title:
 * in a large corpus many papers share its words, few its start); ×2 for a
 * shorter start of a title, ×1.5 for a piece of one. All three are title keys
 * (corpus/titles.ts `titleKey`); `short` is '' for a paper without a short name.
 *
 * @example
 * const title = titleKey('TransMLA: Multi-Head Latent Attention Is All You Need'); // 'transmlamultiheadlatentattentionisallyouneed'
 * titleBoost(title, 'transmla', 'transmla') // => 4
 * titleBoost(title, 'transmla', 'transmlamul') // => 2
 * titleBoost(title, 'transmla', 'transmlamultihead') // => 4
 * titleBoost(title, 'transmla', 'latentattention') // => 1.5
 */
export function titleBoost(title: string, short: string, qKey: string): number {
  if (qKey.length < 2) return 1;
  if (short !== '' && short === qKey) return 4;
  if (title === qKey) return 4;
  if (title.startsWith(qKey) && qKey.length >= 4) return qKey.length >= LONG_TITLE_START ? 4 : 2;
  if (qKey.length >= 6 && title.includes(qKey)) return 1.5;
  return 1;
}
