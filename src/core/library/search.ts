/**
 * Search over the user's own references. Each file gets an index built at
 * run time in the layout of the bundled corpus's shards
 * (search/memoryShard.ts), searched by the same engine (search/engine.ts):
 * the same tokens, typo tolerance, prefixes and ranking, so a query means
 * the same thing in both, at the corpus engine's keystroke cost. A file is
 * indexed in slices and replaced as a whole when it changes; the other
 * files' indexes stay as they are.
 *
 * Results from the library and from the corpus are ranked together by
 * reciprocal rank fusion ({@link fuseRankings}): the two indexes score on
 * different scales, but a rank is a rank.
 */
import { PaperSearch } from '../search/engine';
import { TermCache, buildMemoryShard } from '../search/memoryShard';
import type { Sliced } from '../util/sliced';
import type { LibraryEntry, LibraryFile } from './entry';

/**
 * The index slots an entry fills, named as the corpus's name shard names
 * them so that the corpus's boosts and prefix rules apply: the key's words
 * are a short name (typed as a name is), the venue is searched as the
 * technique names are (short, by prefix).
 */
const FIELDS = ['title', 'shortName', 'authors', 'techniques', 'year'] as const;

/** Per entry, its texts: an entry a re-read after an edit did not change is the same object, and is not taken apart again. */
const textsOf = new WeakMap<LibraryEntry, string[]>();

function fieldTexts(e: LibraryEntry): string[] {
  let texts = textsOf.get(e);
  if (!texts) textsOf.set(e, (texts = [e.title, keyWords(e.key), e.authors.map((a) => a.name).join(', '), e.venue ?? '', e.year === undefined ? '' : String(e.year)]));
  return texts;
}

/** An entry as the engine sees it. */
interface Searchable {
  id: string;
  title: string;
  authors: LibraryEntry['authors'];
  entry: LibraryEntry;
}

/** One hit in the user's library. */
export interface LibraryHit {
  entry: LibraryEntry;
  score: number;
  /** Query terms that matched something in the entry. */
  matchedTerms: string[];
}

interface IndexedFile {
  entries: LibraryEntry[];
  search: PaperSearch<Searchable>;
  /** The file's texts cut into terms, for the next build after an edit. */
  terms: TermCache;
}

/**
 * The user's entries across their files, searchable.
 *
 * @example
 * const lib = new LibrarySearch();
 * runNow(lib.setFile(runNow(parseBibtex(text, 'refs.bib'))));
 * lib.search('hilo attention')[0]?.entry.key // => 'pan2022fast'
 */
export class LibrarySearch {
  private readonly byFile = new Map<string, IndexedFile>();
  /** Key → the entries that have it, in the order their files were indexed. */
  private readonly keys = new Map<string, LibraryEntry[]>();
  private count = 0;

  /** How many entries are indexed. */
  get size(): number {
    return this.count;
  }

  /** Every entry, in file order. */
  all(): LibraryEntry[] {
    return [...this.byFile.values()].flatMap((f) => f.entries);
  }

  /** The files indexed. */
  files(): string[] {
    return [...this.byFile.keys()];
  }

  /** The entries of one file. */
  entriesOf(file: string): LibraryEntry[] {
    return this.byFile.get(file)?.entries ?? [];
  }

  /** Indexes a file's entries in place of what the file held before, in slices; a key the file repeats counts once. */
  *setFile(f: LibraryFile): Sliced<void> {
    const seen = new Set<string>();
    const entries = f.entries.filter((e) => !seen.has(e.key) && Boolean(seen.add(e.key)));
    // Ids in file order: the engine breaks ties by id, so equal scores keep the file's order (and short ids compare fast).
    const docs: Searchable[] = entries.map((entry, i) => ({ id: i.toString(36).padStart(4, '0'), title: entry.title, authors: entry.authors, entry }));
    const terms = this.byFile.get(f.file)?.terms ?? new TermCache();
    const shard = yield* buildMemoryShard(FIELDS, entries, fieldTexts, terms);
    const search = PaperSearch.fromShards(docs, shard);
    // The title tier (each title's key, by its first letters), as the corpus has it after its load.
    yield* search.indexTitles();
    // The swap is one step: a search never sees half a file.
    this.removeFile(f.file);
    this.byFile.set(f.file, { entries, search, terms });
    this.count += entries.length;
    for (const e of entries) {
      const same = this.keys.get(e.key);
      if (same) same.push(e);
      else this.keys.set(e.key, [e]);
    }
  }

  /** Forgets a file's entries. */
  removeFile(file: string): void {
    const indexed = this.byFile.get(file);
    if (!indexed) return;
    this.byFile.delete(file);
    this.count -= indexed.entries.length;
    for (const e of indexed.entries) {
      const same = this.keys.get(e.key)?.filter((x) => x !== e);
      if (same && same.length > 0) this.keys.set(e.key, same);
      else this.keys.delete(e.key);
    }
  }

  /** The best entries for a query, best first (across files, by score; ties in file order). */
  search(query: string, limit = 50): LibraryHit[] {
    if (query.trim() === '' || this.count === 0) return [];
    const hits: LibraryHit[] = [];
    for (const f of this.byFile.values()) for (const h of f.search.search(query, { limit })) hits.push({ entry: h.paper.entry, score: h.score, matchedTerms: h.matchedTerms });
    return this.byFile.size === 1 ? hits : hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** An entry by citation key (exact; the first file that has it). */
  byKey(key: string): LibraryEntry | undefined {
    return this.keys.get(key)?.[0];
  }

  /** Keys that start with a prefix (case-insensitive), for completion. */
  keysStartingWith(prefix: string, limit: number): LibraryEntry[] {
    const p = prefix.toLowerCase();
    const out: LibraryEntry[] = [];
    for (const [key, same] of this.keys) {
      if (out.length >= limit) break;
      const e = same[0];
      if (e && key.toLowerCase().startsWith(p)) out.push(e);
    }
    return out;
  }
}

/** A key as words a query can reach: `pan2022fast` → `pan2022fast pan 2022 fast`. */
function keyWords(key: string): string {
  const parts = key.split(/(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})|[^\p{L}\d]+/u).filter((p) => p !== '');
  return parts.length > 1 ? `${key} ${parts.join(' ')}` : key;
}

/** The constant of reciprocal rank fusion: 60, as Cormack, Clarke and Büttcher (2009) propose. */
export const RRF_K = 60;

/**
 * Ranks items from several ranked lists together: each item scores the sum
 * of 1 / (RRF_K + rank) over the lists it is in, so an item two lists both
 * rank high comes first, and the lists' own scores (on different scales)
 * never meet. `keyOf` says when two items are the same (a bundled paper that
 * is also in the user's library). With `tierOf`, a higher tier comes first
 * whatever the ranks (PaperLens passes how many query words an item
 * matched, so an entry that matches one word of three never outranks a
 * paper that matches all three); an item in several lists takes its
 * highest tier.
 *
 * @example
 * fuseRankings([['a', 'b'], ['b', 'c']], (x) => x) // => ['b', 'a', 'c']
 * fuseRankings([['a', 'b'], ['c']], (x) => x, (x) => (x === 'c' ? 2 : 1)) // => ['c', 'a', 'b']
 */
export function fuseRankings<T>(lists: readonly (readonly T[])[], keyOf: (item: T) => string, tierOf: (item: T) => number = () => 0): T[] {
  const scored = new Map<string, { item: T; score: number; tier: number; first: number }>();
  lists.forEach((list, l) =>
    list.forEach((item, rank) => {
      const k = keyOf(item);
      const s = scored.get(k);
      const add = 1 / (RRF_K + rank + 1);
      if (s) {
        s.score += add;
        s.tier = Math.max(s.tier, tierOf(item));
      } else scored.set(k, { item, score: add, tier: tierOf(item), first: l * 1e6 + rank });
    }),
  );
  return [...scored.values()].sort((a, b) => b.tier - a.tier || b.score - a.score || a.first - b.first).map((s) => s.item);
}
