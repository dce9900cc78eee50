/**
 * Title queries made from a corpus itself, with and without typos: what
 * bench/alternatives.ts measures typo recall with, and what the unit test
 * of typo tolerance types. Deterministic: the same corpus gives the same
 * queries.
 *
 * A query is the first four words of a title, as someone who half
 * remembers a paper types it. Its typo copies misspell one word of five or
 * more letters (any word of the four, chosen by the seed, not only the
 * longest or the last) in each of four ways: a dropped, a swapped, an extra
 * and a wrong letter, at a position in the word also chosen by the seed.
 */

export const TYPO_KINDS = ['dropped', 'swapped', 'extra', 'wrong'] as const;
export type TypoKind = (typeof TYPO_KINDS)[number];

export interface TitleQuery {
  /** The paper the query should find. */
  id: string;
  /** The first four words of its title, lowercased. */
  query: string;
  /** The same query with one word misspelt, by kind. */
  typos: Record<TypoKind, string>;
}

/** A small deterministic generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * `word` with one typo of `kind` at a position `rand` picks. A swap
 * exchanges two different adjacent letters, an extra or wrong letter is
 * never the letter it replaces or doubles, so every typo changes the word.
 *
 * @example
 * misspell('decoding', 'dropped', () => 0) // => 'ecoding'
 * misspell('decoding', 'swapped', () => 0) // => 'edcoding'
 */
export function misspell(word: string, kind: TypoKind, rand: () => number): string {
  const pick = (n: number): number => Math.min(n - 1, Math.floor(rand() * n));
  const other = (c: string | undefined): string => {
    const letters = LETTERS.replace(c ?? '', '');
    return letters[pick(letters.length)] as string;
  };
  switch (kind) {
    case 'dropped': {
      const i = pick(word.length);
      return word.slice(0, i) + word.slice(i + 1);
    }
    case 'swapped': {
      const at = Array.from({ length: word.length - 1 }, (_, i) => i).filter((i) => word[i] !== word[i + 1]);
      const i = at[pick(at.length)] ?? 0;
      return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
    }
    case 'extra': {
      const i = pick(word.length + 1);
      return word.slice(0, i) + other(word[i]) + word.slice(i);
    }
    case 'wrong': {
      const i = pick(word.length);
      return word.slice(0, i) + other(word[i]) + word.slice(i + 1);
    }
  }
}

/** The words of a title as typed: lowercase, split at spaces and punctuation (hyphens too). */
const words = (title: string): string[] =>
  title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/**
 * `count` title queries for a corpus, from papers picked by `seed`. A
 * title qualifies when its first four words hold a plain word of five or
 * more letters and no other paper's title starts with the same four words
 * (a query that names several papers equally cannot find "the" paper).
 *
 * @example
 * titleQueries(papers, 20)[0] // => { id, query: 'speculative decoding with big', typos: { dropped: 'speculatve decoding with big', … } }
 */
export function titleQueries(papers: readonly { id: string; title: string }[], count = 20, seed = 16): TitleQuery[] {
  const starts = new Map<string, number>();
  const heads = papers.map((p) => words(p.title).slice(0, 4));
  for (const h of heads) if (h.length === 4) starts.set(h.join(' '), (starts.get(h.join(' ')) ?? 0) + 1);
  const rand = seeded(seed);
  const order = papers.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const out: TitleQuery[] = [];
  for (const i of order) {
    if (out.length >= count) break;
    const head = heads[i] as string[];
    if (head.length < 4 || starts.get(head.join(' ')) !== 1) continue;
    const long = head.map((w, k) => (/^\p{L}{5,}$/u.test(w) ? k : -1)).filter((k) => k >= 0);
    if (long.length === 0) continue;
    const at = long[Math.floor(rand() * long.length)] as number;
    const typos = {} as Record<TypoKind, string>;
    for (const kind of TYPO_KINDS) typos[kind] = head.map((w, k) => (k === at ? misspell(w, kind, rand) : w)).join(' ');
    out.push({ id: (papers[i] as { id: string }).id, query: head.join(' '), typos });
  }
  return out;
}
