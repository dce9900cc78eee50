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
import { TermCache, buildMemoryShard, withStatisticsOf } from '../search/memoryShard';
import type { IndexShard } from '../search/shard';
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
  /** Its place in its index. */
  index: number;
}

/** One hit in the user's library. */
export interface LibraryHit {
  entry: LibraryEntry;
  score: number;
  /** Query terms that matched something in the entry. */
  matchedTerms: string[];
}

/** An index over some entries. */
interface Segment {
  docs: Searchable[];
  shard: IndexShard;
  search: PaperSearch<Searchable>;
  /** The texts cut into terms, for the next build. */
  terms: TermCache;
}

interface IndexedFile {
  /** The file's entries now, in file order. */
  entries: LibraryEntry[];
  /** The index built when the file was last read whole. */
  main: Segment;
  /** Per entry of `main`, the entry it stands for now; undefined once it changed or left the file. */
  live: (LibraryEntry | undefined)[];
  /** How many of `main`'s entries are undefined in `live`. */
  dead: number;
  /** The entries added or changed since, indexed on their own with `main`'s statistics. */
  delta?: Segment;
  /** With a delta, each entry's place in the file: ties between the two indexes go to the earlier entry, as in one index. */
  position?: Map<LibraryEntry, number>;
}

/**
 * A file smaller than this is indexed again whole on every change (it
 * takes a few milliseconds); a larger one keeps its index and indexes
 * only the entries an edit changed, until they are this many.
 */
const PATCH_FROM = 1000;
const PATCH_MAX = 256;

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

  /**
   * Indexes a file's entries in place of what the file held before, in
   * slices; a key the file repeats counts once. A large file that an edit
   * changed in a few entries keeps its index: only those entries are
   * indexed, beside it, and ranked on its scale.
   */
  *setFile(f: LibraryFile): Sliced<void> {
    const seen = new Set<string>();
    const entries = f.entries.filter((e) => !seen.has(e.key) && Boolean(seen.add(e.key)));
    const old = this.byFile.get(f.file);
    const patch = old ? changesFrom(old, entries) : undefined;
    let indexed: IndexedFile;
    if (old && patch) {
      const delta = patch.fresh.length > 0 ? yield* segmentOf(patch.fresh, old.delta?.terms ?? new TermCache(), old.main.shard) : undefined;
      indexed = { entries, main: old.main, live: patch.live, dead: patch.dead, ...(delta ? { delta, position: new Map(entries.map((e, i) => [e, i])) } : {}) };
    } else {
      const main = yield* segmentOf(entries, old?.main.terms ?? new TermCache());
      indexed = { entries, main, live: entries.slice(), dead: 0 };
    }
    // The swap is one step: a search never sees half a file.
    this.removeFile(f.file);
    this.byFile.set(f.file, indexed);
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
    // Each hit with its file's rank and its place in the file: equal scores keep the files' order, and each file's.
    const ranked: { hit: LibraryHit; file: number; at: number }[] = [];
    let file = 0;
    // One index's hits are in order already; hits from several are merged.
    let merge = this.byFile.size > 1;
    for (const f of this.byFile.values()) {
      file++;
      let at = 0;
      // Entries an edit replaced still match in the main index: ask for as many more.
      for (const h of f.main.search.search(query, { limit: limit + f.dead })) {
        const entry = f.live[h.paper.index];
        if (entry) ranked.push({ hit: { entry, score: h.score, matchedTerms: h.matchedTerms }, file, at: f.position?.get(entry) ?? at++ });
      }
      if (!f.delta) continue;
      merge = true;
      for (const h of f.delta.search.search(query, { limit })) {
        ranked.push({ hit: { entry: h.paper.entry, score: h.score, matchedTerms: h.matchedTerms }, file, at: f.position?.get(h.paper.entry) ?? 0 });
      }
    }
    if (merge) ranked.sort((a, b) => b.hit.score - a.hit.score || a.file - b.file || a.at - b.at);
    return ranked.slice(0, limit).map((r) => r.hit);
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

/**
 * An index over entries, in slices. With `whole`, the index of the rest of
 * the file, the new index scores on its scale (its statistics are the two's).
 */
function* segmentOf(entries: readonly LibraryEntry[], terms: TermCache, whole?: IndexShard): Sliced<Segment> {
  // Ids in file order: the engine breaks ties by id, so equal scores keep the file's order (and short ids compare fast).
  const docs: Searchable[] = entries.map((entry, index) => ({ id: index.toString(36).padStart(4, '0'), title: entry.title, authors: entry.authors, entry, index }));
  const own = yield* buildMemoryShard(FIELDS, entries, fieldTexts, terms);
  const shard = whole ? withStatisticsOf(own, whole) : own;
  const search = PaperSearch.fromShards(docs, shard, whole ? { documentCount: whole.documentCount } : {});
  // The title tier (each title's key, by its first letters), as the corpus has it after its load.
  yield* search.indexTitles();
  return { docs, shard, search, terms };
}

/**
 * What changed in a large file since its main index was built: which of
 * the index's entries are still the file's (by key, with the same indexed
 * texts; an entry that only moved to another line is the same), and the
 * entries to index beside it. Undefined when the file is small or the
 * changes are many: the file is then indexed again whole.
 */
function changesFrom(old: IndexedFile, entries: readonly LibraryEntry[]): { live: (LibraryEntry | undefined)[]; dead: number; fresh: LibraryEntry[] } | undefined {
  const docs = old.main.docs;
  if (docs.length < PATCH_FROM) return undefined;
  const byKey = new Map<string, number>();
  for (const d of docs) byKey.set(d.entry.key, d.index);
  const live = new Array<LibraryEntry | undefined>(docs.length).fill(undefined);
  const fresh: LibraryEntry[] = [];
  for (const e of entries) {
    const i = byKey.get(e.key);
    const was = i === undefined ? undefined : (docs[i] as Searchable).entry;
    if (i !== undefined && was && (was === e || sameTexts(fieldTexts(was), fieldTexts(e)))) live[i] = e;
    else if (fresh.push(e) > PATCH_MAX) return undefined;
  }
  let dead = 0;
  for (const e of live) if (!e) dead++;
  return dead > PATCH_MAX ? undefined : { live, dead, fresh };
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
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
