/**
 * The user's library and the bundled corpus as one list of references:
 * an entry that is a bundled paper becomes that paper, marked with the
 * user's key (which is what gets cited); the rest stay entries of their own.
 * Searches of both are ranked together by reciprocal rank fusion.
 */
import type { PaperRecord } from '../data/format';
import type { LibraryEntry } from './entry';
import { type PaperMatcher, matchPaper, paperMatcher } from './match';
import { type LibrarySearch, fuseRankings } from './search';

/** One row of a search over the library and the corpus. */
export type Reference =
  | { kind: 'paper'; paper: PaperRecord; /** The user's entry for this paper, whose key is cited. */ entry?: LibraryEntry }
  | { kind: 'entry'; entry: LibraryEntry };

/** What a search over the corpus gives: its papers, best first. */
export type CorpusSearch = (query: string, limit: number) => readonly PaperRecord[];

/**
 * The library seen against the corpus: which entries are bundled papers
 * (computed once per library change), the user's key for a bundled paper,
 * and the fused search.
 *
 * @example
 * const refs = new LibraryReferences(library, corpus.papers);
 * refs.search('hilo', (q, n) => data.search.search(q, { limit: n }).map((h) => h.paper))[0]
 * // => { kind: 'paper', paper: HiLo, entry: the user's pan2022fast entry }
 */
export class LibraryReferences {
  private readonly matcher: PaperMatcher;
  private matched: { version: number; paperOf: Map<LibraryEntry, string>; entryOf: Map<string, LibraryEntry> } | undefined;
  private version = 0;

  constructor(
    readonly library: LibrarySearch,
    private readonly papers: readonly PaperRecord[],
  ) {
    this.matcher = paperMatcher(papers);
  }

  /** Call when the library's entries change. */
  changed(): void {
    this.version++;
  }

  private matches(): NonNullable<LibraryReferences['matched']> {
    if (this.matched?.version !== this.version) {
      const paperOf = new Map<LibraryEntry, string>();
      const entryOf = new Map<string, LibraryEntry>();
      for (const e of this.library.all()) {
        const id = matchPaper(this.matcher, e);
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
    const fromLibrary: Reference[] = this.library.search(query, limit).map((h) => {
      const id = this.paperForEntry(h.entry);
      const paper = id === undefined ? undefined : this.paperById(id);
      return paper ? { kind: 'paper', paper, entry: h.entry } : { kind: 'entry', entry: h.entry };
    });
    const fromCorpus: Reference[] = corpus(query, limit).map((paper) => {
      const entry = this.entryForPaper(paper.id);
      return entry ? { kind: 'paper', paper, entry } : { kind: 'paper', paper };
    });
    return fuseRankings([fromLibrary, fromCorpus], referenceKey).slice(0, limit);
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
