import type { PaperData } from '../core/data/load';
import type { LibraryEntry } from '../core/library/entry';
import { readLibraryText } from '../core/library/read';
import { LibraryReferences } from '../core/library/references';
import { LibrarySearch } from '../core/library/search';
import { runNow } from '../core/util/sliced';
import type { CitablePaper } from '../schema/corpus';
import { type CliIO, readUserFile } from './command';

/**
 * The user's bibliographies named with `--bib FILE` (repeatable), read and
 * indexed with the corpus. Problems go to stderr as `file:line: reason`;
 * a file that cannot be read is exit 1.
 *
 * @example
 * const refs = libraryFrom(io, ['refs.bib', 'zotero.json'], data);
 * refs?.search('hilo', corpusSearch)[0]
 */
export function libraryFrom(io: CliIO, files: readonly string[], data: PaperData): LibraryReferences | undefined {
  if (files.length === 0) return undefined;
  const search = new LibrarySearch();
  for (const file of files) {
    const parsed = runNow(readLibraryText(readUserFile(io, file), file));
    for (const p of parsed.problems) io.err(`${file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.reason}`);
    runNow(search.setFile(parsed));
  }
  return new LibraryReferences(search, data.corpus.papers);
}

/**
 * An entry of the user's library as a paper the citation formats take: its
 * title, authors, date and ids; its venue as a journal for an `@article`,
 * else as proceedings.
 *
 * @example
 * formatCitation(entryAsPaper(entry), entry.key, 'bibtex')
 */
export function entryAsPaper(e: LibraryEntry): CitablePaper {
  const venueType = /article/.test(e.type) ? 'journal' : 'conference';
  return {
    id: e.key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entry',
    title: e.title,
    authors: e.authors,
    authorsTruncated: e.authorsTruncated,
    ...(e.date ? { date: e.date, year: e.date.year } : {}),
    ...(e.arxiv ? { arxiv: e.arxiv } : {}),
    ...(e.doi && /^10\.\d{4,9}\/\S+$/.test(e.doi) ? { doi: e.doi } : {}),
    ...(e.venue ? { venue: { type: venueType, name: e.venue, ...(e.year !== undefined ? { year: e.year } : {}) } } : {}),
    ...(e.url && /^https?:\/\//.test(e.url) ? { codeUrl: e.url } : {}),
    ...(e.abstract ? { abstract: e.abstract } : {}),
    sources: [],
  };
}
