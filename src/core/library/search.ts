/**
 * Search over the user's own references: a run-time MiniSearch index of
 * each entry's title, authors, citation key, year and venue, with the same
 * tokens, typo tolerance and prefix rules as the bundled corpus's index
 * (search/options.ts), so a query means the same thing in both. A file is
 * indexed in slices and replaced as a whole when it changes.
 *
 * Results from the library and from the corpus are ranked together by
 * reciprocal rank fusion ({@link fuseRankings}): the two indexes score on
 * different scales, but a rank is a rank.
 */
import MiniSearch, { type SearchOptions } from 'minisearch';
import { QUERY_OPTIONS, TERM_OPTIONS } from '../search/options';
import type { Sliced } from '../util/sliced';
import type { LibraryEntry, LibraryFile } from './entry';

interface IndexedEntry {
  id: string;
  title: string;
  authors: string;
  key: string;
  year: string;
  venue: string;
}

const FIELDS = ['title', 'authors', 'key', 'year', 'venue'] as const;
const BOOSTS: Record<(typeof FIELDS)[number], number> = { title: 3, key: 4, authors: 2.5, year: 1, venue: 0.5 };
/** How many entries are indexed between points where the work may pause. */
const STEP_ENTRIES = 250;

const SEARCH: SearchOptions = {
  ...QUERY_OPTIONS,
  boost: BOOSTS,
  // Prefixes over every field: library fields are all short.
  prefix: (term, i, terms) => term.length >= (i === terms.length - 1 ? 2 : 4),
};

/** One hit in the user's library. */
export interface LibraryHit {
  entry: LibraryEntry;
  score: number;
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
  private readonly index = new MiniSearch<IndexedEntry>({ idField: 'id', fields: [...FIELDS], storeFields: [], ...TERM_OPTIONS, searchOptions: SEARCH });
  private readonly entries = new Map<string, LibraryEntry>();
  private readonly byFile = new Map<string, string[]>();
  /** Key → the ids that have it, in the order their files were indexed. */
  private readonly keys = new Map<string, string[]>();

  /** How many entries are indexed. */
  get size(): number {
    return this.entries.size;
  }

  /** Every entry, in file order. */
  all(): LibraryEntry[] {
    return [...this.entries.values()];
  }

  /** The files indexed. */
  files(): string[] {
    return [...this.byFile.keys()];
  }

  /** The entries of one file. */
  entriesOf(file: string): LibraryEntry[] {
    return (this.byFile.get(file) ?? []).map((id) => this.entries.get(id) as LibraryEntry);
  }

  /** Indexes a file's entries in place of what the file held before, in slices. */
  *setFile(f: LibraryFile): Sliced<void> {
    this.removeFile(f.file);
    const ids: string[] = [];
    const batch: IndexedEntry[] = [];
    for (const e of f.entries) {
      const id = `${f.file}\u0000${e.key}`;
      if (this.entries.has(id)) continue;
      this.entries.set(id, e);
      ids.push(id);
      const same = this.keys.get(e.key);
      if (same) same.push(id);
      else this.keys.set(e.key, [id]);
      batch.push({ id, title: e.title, authors: e.authors.map((a) => a.name).join(', '), key: keyWords(e.key), year: e.year === undefined ? '' : String(e.year), venue: e.venue ?? '' });
      if (batch.length >= STEP_ENTRIES) {
        this.index.addAll(batch.splice(0));
        yield;
      }
    }
    this.index.addAll(batch);
    this.byFile.set(f.file, ids);
  }

  /** Forgets a file's entries. */
  removeFile(file: string): void {
    const ids = this.byFile.get(file);
    if (!ids) return;
    this.index.discardAll(ids);
    for (const id of ids) {
      const e = this.entries.get(id);
      this.entries.delete(id);
      const same = e ? this.keys.get(e.key)?.filter((x) => x !== id) : undefined;
      if (e && same && same.length > 0) this.keys.set(e.key, same);
      else if (e) this.keys.delete(e.key);
    }
    this.byFile.delete(file);
  }

  /** The best entries for a query, best first. */
  search(query: string, limit = 50): LibraryHit[] {
    if (query.trim() === '' || this.entries.size === 0) return [];
    return this.index
      .search(query)
      .slice(0, limit)
      .map((r) => ({ entry: this.entries.get(String(r.id)) as LibraryEntry, score: r.score }));
  }

  /** An entry by citation key (exact; the first file that has it). */
  byKey(key: string): LibraryEntry | undefined {
    const id = this.keys.get(key)?.[0];
    return id === undefined ? undefined : this.entries.get(id);
  }

  /** Keys that start with a prefix (case-insensitive), for completion. */
  keysStartingWith(prefix: string, limit: number): LibraryEntry[] {
    const p = prefix.toLowerCase();
    const out: LibraryEntry[] = [];
    for (const [key, ids] of this.keys) {
      if (out.length >= limit) break;
      const e = ids[0] === undefined ? undefined : this.entries.get(ids[0]);
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
 * is also in the user's library).
 *
 * @example
 * fuseRankings([['a', 'b'], ['b', 'c']], (x) => x) // => ['b', 'a', 'c']
 */
export function fuseRankings<T>(lists: readonly (readonly T[])[], keyOf: (item: T) => string): T[] {
  const scored = new Map<string, { item: T; score: number; first: number }>();
  lists.forEach((list, l) =>
    list.forEach((item, rank) => {
      const k = keyOf(item);
      const s = scored.get(k);
      const add = 1 / (RRF_K + rank + 1);
      if (s) s.score += add;
      else scored.set(k, { item, score: add, first: l * 1e6 + rank });
    }),
  );
  return [...scored.values()].sort((a, b) => b.score - a.score || a.first - b.first).map((s) => s.item);
}
