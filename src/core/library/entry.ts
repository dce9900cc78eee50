/**
 * The user's own references, as PaperLens reads them from their BibTeX,
 * BibLaTeX and CSL-JSON files: one shape for every format, with display
 * text in clean Unicode and the file and line each entry came from.
 */
import type { Author } from '../../schema/corpus';

export type LibraryFormat = 'bibtex' | 'csl-json';

/** One reference in a user's bibliography. */
export interface LibraryEntry {
  /** The citation key, exactly as the file writes it. */
  key: string;
  /** Lowercase entry type: `article`, `inproceedings`, `online`; CSL types as given (`paper-conference`). */
  type: string;
  /** Display text: TeX turned into Unicode. The key when the entry has no title. */
  title: string;
  authors: Author[];
  /** The list ends in `and others` (BibTeX) or `{"literal": "others"}`. */
  authorsTruncated: boolean;
  year?: number;
  date?: { year: number; month?: number; day?: number };
  /** Journal, proceedings or other container, as display text. */
  venue?: string;
  doi?: string;
  /** arXiv id without version. */
  arxiv?: string;
  url?: string;
  abstract?: string;
  /** The file (a URI or path string, as the reader was given it) and the 1-based line where the entry starts. */
  file: string;
  line: number;
}

/** Something in a user's file that PaperLens could not read: shown in the Problems panel at its line. */
export interface LibraryProblem {
  file: string;
  line: number;
  /** The entry's key, when known. */
  key?: string;
  reason: string;
  /** A problem that cost an entry (error), or one it was read despite (warning). */
  severity: 'error' | 'warning';
}

/** What one file gave. */
export interface LibraryFile {
  file: string;
  format: LibraryFormat;
  entries: LibraryEntry[];
  problems: LibraryProblem[];
}
