/**
 * The user's library and the bundled corpus as one list of references:
 * an entry that is a bundled paper becomes that paper, marked with the
 * user's key (which is what gets cited); the rest stay entries of their own.
 * Searches of both are ranked together: by how many query words a result
 * matched, then by reciprocal rank fusion.
 */
import type { PaperRecord } from '../data/format';
import { foldForSearch } from '../text/clean';
import type { LibraryEntry } from './entry';
import { type PaperMatcher, matchPaper, paperMatcher } from './match';
import type { Sliced } from '../util/sliced';
import { type LibrarySearch, fuseRankings } from './search';

/** Entries matched to bundled papers between pauses. */
const REMATCH_STEP = 500;

/** One row of a search over the library and the corpus. */
export type Reference =
  | { kind: 'paper'; paper: PaperRecord; /** The user's entry for this paper, whose key is cited. */ entry?: LibraryEntry }
  | { kind: 'entry'; entry: LibraryEntry };

/** What a search over the corpus gives: its papers, best first, with the query terms each matched (PaperSearch's hits). */
export type CorpusSearch = (query: string, limit: number) => readonly { paper: PaperRecord; matchedTerms: readonly string[] }[];

/**
 * The library seen against the corpus: which entries are bundled papers
 * (computed once per library change), the user's key for a bundled paper,
 * and the fused search.
 *
 * @example
 * const refs = new LibraryReferences(library, corpus.papers);
 * refs.search('hilo', (q, n) => data.search.search(q, { limit: n }))[0]
 * // => { kind: 'paper', paper: HiLo, entry: the user's pan2022fast entry }
 */
export class LibraryReferences {
  private readonly matcher: PaperMatcher;
  private matched: { version: number; paperOf: Map<LibraryEntry, string>; entryOf: Map<string, LibraryEntry> } | undefined;
  private version = 0;
  /** The bundled paper each entry is (null: none), kept across changes: an entry a re-read did not change is the same object. */
  private readonly memo = new WeakMap<LibraryEntry, string | null>();

  constructor(
    readonly library: LibrarySearch,
    private readonly papers: readonly PaperRecord[],
  ) {
    this.matcher = paperMatcher(papers);
  }

  /** Call when the library's entries change; then run {@link rematch} in slices, or the next look-up matches at once. */
  changed(): void {
    this.version++;
  }

  /**
   * Matches the library's entries to the bundled papers, in slices, so that
   * no keystroke after an edit pays for it. Entries matched before are not
   * matched again.
   */
  *rematch(): Sliced<void> {
    const version = this.version;
    const entries = this.library.all();
    for (let i = 0; i < entries.length; i += REMATCH_STEP) {
      for (const e of entries.slice(i, i + REMATCH_STEP)) this.paperIdOf(e);
      yield;
      // A newer change starts its own rematch.
      if (version !== this.version) return;
    }
    this.matches();
  }

  private paperIdOf(e: LibraryEntry): string | undefined {
    let id = this.memo.get(e);
    if (id === undefined) this.memo.set(e, (id = matchPaper(this.matcher, e) ?? null));
    return id ?? undefined;
  }

  private matches(): NonNullable<LibraryReferences['matched']> {
    if (this.matched?.version !== this.version) {
      const paperOf = new Map<LibraryEntry, string>();
      const entryOf = new Map<string, LibraryEntry>();
      for (const e of this.library.all()) {
        const id = this.paperIdOf(e);
        if (id === undefined) continue;
        paperOf.set(e, id);
        if (!entryOf.has(id)) entryOf.set(id, e);
      }
      this.matched = { version: this.version, paperOf, entryOf };
    }
    return this.matched;
  }

  /** The user's entry for a bundled paper, if their library has it. */
  entryForPaper(paperId: string): LibraryEntry | undefined {
    return this.matches().entryOf.get(paperId);
  }

  /** The bundled paper an entry is, if any. */
  paperForEntry(entry: LibraryEntry): string | undefined {
    return this.matches().paperOf.get(entry);
  }

  /** An entry by key, and the bundled paper it is (if any). */
  byKey(key: string): Reference | undefined {
    const entry = this.library.byKey(key);
    if (!entry) return undefined;
    const id = this.paperForEntry(entry);
    const paper = id === undefined ? undefined : this.paperById(id);
    return paper ? { kind: 'paper', paper, entry } : { kind: 'entry', entry };
  }

  /**
   * The best references for a query, from both sources, ranked together; a
   * paper in both is one row.
   */
  search(query: string, corpus: CorpusSearch, limit = 40): Reference[] {
    type Ranked = { ref: Reference; matched: number };
    const fromLibrary: Ranked[] = this.library.search(query, limit).map((h) => {
      const id = this.paperForEntry(h.entry);
      const paper = id === undefined ? undefined : this.paperById(id);
      return { ref: paper ? { kind: 'paper', paper, entry: h.entry } : { kind: 'entry', entry: h.entry }, matched: h.matchedTerms.length };
    });
    const fromCorpus: Ranked[] = corpus(query, limit).map(({ paper, matchedTerms }) => {
      const entry = this.entryForPaper(paper.id);
      return { ref: entry ? { kind: 'paper', paper, entry } : { kind: 'paper', paper }, matched: matchedTerms.length };
    });
    // Rank fusion within each number of query words matched: matching more of the query comes first.
    return fuseRankings([fromLibrary, fromCorpus], (r) => referenceKey(r.ref), (r) => r.matched)
      .slice(0, limit)
      .map((r) => r.ref);
  }

  /**
   * The user's entries (not bundled papers) whose title names one of
   * `names` as whole words: a technique's name or its expansion, for the
   * technique card. Found through the library's index, then checked word for
   * word, so "MLA" never matches "TransMLA" and "KV cache" matches
   * "KV-Cache Compression".
   *
   * @example
   * refs.entriesNaming(['KV cache', 'key-value cache'], 3).map((e) => e.key) // => ['doe2024kvcache']
   */
  entriesNaming(names: readonly string[], limit: number): LibraryEntry[] {
    const out = new Set<LibraryEntry>();
    for (const name of names) {
      const words = ` ${wordsOf(name)} `;
      if (words.trim() === '') continue;
      for (const { entry } of this.library.search(name, 50)) {
        if (out.size >= limit) return [...out];
        if (!out.has(entry) && this.paperForEntry(entry) === undefined && ` ${wordsOf(entry.title)} `.includes(words)) out.add(entry);
      }
    }
    return [...out];
  }

  private byId: Map<string, PaperRecord> | undefined;
  private paperById(id: string): PaperRecord | undefined {
    this.byId ??= new Map(this.papers.map((p) => [p.id, p]));
    return this.byId.get(id);
  }
}

/** What makes two references the same row: the bundled paper, or the entry's file and key. */
export function referenceKey(r: Reference): string {
  return r.kind === 'paper' ? `paper:${r.paper.id}` : `entry:${r.entry.file}\u0000${r.entry.key}`;
}

/** Lowercase words, separated by one space: how names are compared with titles. */
function wordsOf(text: string): string {
  return foldForSearch(text).toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim();
}
