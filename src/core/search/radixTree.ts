import SearchableMap from 'minisearch/SearchableMap';

/**
 * The term dictionary of a loaded shard: MiniSearch's radix tree
 * (`SearchableMap`), which answers the exact, prefix and fuzzy lookups of a
 * query as it does inside MiniSearch.
 *
 * This is the one place that knows MiniSearch's internal node shape: a node
 * is a Map from an edge label to a child node, and the key '' holds a term's
 * value. A unit test checks that the tree built here is the tree
 * `SearchableMap.set` builds, so an upgrade of MiniSearch that changes the
 * shape fails there.
 */

/**
 * MiniSearch's radix tree over sorted, distinct terms, each mapped to its
 * position: the tree SearchableMap.set builds one term at a time, built in
 * one pass, pausing (yield) between first letters (see shard.ts for the
 * generator type).
 *
 * @example
 * runNow(radixTree(['kv', 'kvcache', 'mla'])).atPrefix('kv').size // => 2
 */
export function* radixTree(terms: readonly string[]): Generator<undefined, SearchableMap<number>> {
  const root: Tree = new Map();
  let i = 0;
  if (terms[0] === '') root.set(LEAF, i++);
  while (i < terms.length) {
    const j = groupEnd(terms, i, 0);
    const end = commonPrefix(terms[i] as string, terms[j - 1] as string, 1);
    root.set((terms[i] as string).slice(0, end), subtree(terms, i, j, end));
    i = j;
    yield;
  }
  return new SearchableMap<number>(root as never);
}

type Tree = Map<string, number | Tree>;
/** SearchableMap's key for the value of a node. */
const LEAF = '';

function subtree(terms: readonly string[], lo: number, hi: number, depth: number): Tree {
  const node: Tree = new Map();
  let i = lo;
  if ((terms[i] as string).length === depth) node.set(LEAF, i++);
  while (i < hi) {
    const j = groupEnd(terms, i, depth, hi);
    const end = commonPrefix(terms[i] as string, terms[j - 1] as string, depth + 1);
    node.set((terms[i] as string).slice(depth, end), subtree(terms, i, j, end));
    i = j;
  }
  return node;
}

/** The end of the run of terms from `i` that share the character at `depth`. */
function groupEnd(terms: readonly string[], i: number, depth: number, hi = terms.length): number {
  const c = (terms[i] as string).charCodeAt(depth);
  let j = i + 1;
  while (j < hi && (terms[j] as string).charCodeAt(depth) === c) j++;
  return j;
}

function commonPrefix(a: string, b: string, from: number): number {
  let k = from;
  while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k;
}
