/**
 * One library file from its bytes to entries: the size bound, the text
 * decoding (a binary file renamed `.bib` is refused with a reason), and the
 * format (CSL-JSON by name or by a leading `[` or `{`, else BibTeX).
 */
import { decodeUserText } from '../text/decode';
import type { Sliced } from '../util/sliced';
import { type BibtexCache, parseBibtex } from './bibtex';
import { parseCslJson } from './csl';
import type { LibraryFile, LibraryFormat } from './entry';

/** The largest library file PaperLens reads: 64 MB, about 150,000 BibTeX entries. */
export const LIBRARY_MAX_BYTES = 64 * 1024 * 1024;

/** The library files PaperLens finds by default (the `paperlens.library.files` setting): BibTeX, and CSL-JSON named as Zotero and Better BibTeX export it. */
export const LIBRARY_FILES = ['**/*.bib', '**/*.csl.json', '**/*.bib.json'] as const;

/** Folders PaperLens never looks in for library files (the `paperlens.library.exclude` setting). */
export const LIBRARY_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/out/**', '**/dist/**', '**/build/**', '**/.vscode-test/**'] as const;

/**
 * The format of a library file: `.json` (and a text that starts with `[` or `{`) is CSL-JSON, anything else BibTeX.
 *
 * @example
 * libraryFormat('refs.json', '[{"id": "a"}]') // => 'csl-json'
 * libraryFormat('refs.bib', '@misc{a, title = {A}}') // => 'bibtex'
 */
export function libraryFormat(name: string, text: string): LibraryFormat {
  if (/\.json$/i.test(name)) return 'csl-json';
  if (/\.(bib|biblatex|bibtex)$/i.test(name)) return 'bibtex';
  return /^\s*[[{]/.test(text) ? 'csl-json' : 'bibtex';
}

/**
 * A library file's entries and problems, from its bytes, as sliced work.
 * A file over {@link LIBRARY_MAX_BYTES} or one that is not text gives no
 * entries and one problem on line 1 that says why.
 *
 * @example
 * runNow(readLibrary(bytes, 'file:///w/refs.bib')).entries.length
 */
export function* readLibrary(bytes: Uint8Array, file: string, cache?: BibtexCache): Sliced<LibraryFile> {
  const name = file.replace(/[?#].*$/, '');
  const refuse = (reason: string): LibraryFile => ({ file, format: libraryFormat(name, ''), entries: [], problems: [{ file, line: 1, reason, severity: 'error' }] });
  if (bytes.length > LIBRARY_MAX_BYTES) {
    return refuse(`is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; PaperLens reads library files up to ${LIBRARY_MAX_BYTES / 1024 / 1024} MB`);
  }
  const decoded = decodeUserText(bytes);
  if ('error' in decoded) return refuse(decoded.error);
  return yield* readLibraryText(decoded.text, file, cache);
}

/**
 * A library file's entries and problems from its text, in the format its
 * name or content says. A {@link BibtexCache} kept for the file makes
 * reading it again after an edit cost about a scan of it.
 *
 * @example
 * runNow(readLibraryText('@misc{a, title = {A}}', 'refs.bib')).entries[0]?.key // => 'a'
 */
export function* readLibraryText(text: string, file: string, cache?: BibtexCache): Sliced<LibraryFile> {
  return libraryFormat(file.replace(/[?#].*$/, ''), text) === 'csl-json' ? yield* parseCslJson(text, file) : yield* parseBibtex(text, file, cache);
}
