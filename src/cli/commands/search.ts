import { intFlag, UsageError } from '../args';
import type { CliCommand, CliIO } from '../command';
import { yearAndAuthors } from '../../core/corpus/display';
import { boundQuery } from '../../core/search/engine';
import { json } from '../format';
import type { Reference } from '../../core/library/references';
import { libraryFrom } from '../library';

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search <query> [--limit N] [--bib FILE]... [--json]',
  summary: 'rank papers for a query: title words, a prefix, a typo, an acronym, an author, a topic; with --bib, your own bibliographies (BibTeX, BibLaTeX, CSL-JSON) too, ranked together',
  flags: { values: ['limit'], switches: ['json'], lists: ['bib'] },
  run(args, io) {
    const query = args.positionals.join(' ').trim();
    if (query === '') throw new UsageError('search needs a query, for example: paperlens search "kv cache compression"');
    const limit = intFlag(args, 'limit', 10);
    const { note } = boundQuery(query);
    if (note !== undefined) io.err(`paperlens: ${note}`);
    const data = io.data();
    const refs = libraryFrom(io, args.lists.get('bib') ?? [], data);
    if (refs) return printReferences(refs.search(query, (q, n) => data.search.search(q, { limit: n }), limit), args.switches.has('json'), io, query);
    const hits = data.search.search(query, { limit });
    if (args.switches.has('json')) {
      io.out(
        json(
          hits.map((h) => ({
            id: h.paper.id,
            title: h.paper.title,
            authors: h.paper.authors.map((a) => a.name),
            year: h.paper.year ?? null,
            score: Math.round(h.score * 1000) / 1000,
          })),
        ),
      );
      return 0;
    }
    if (hits.length === 0) {
      io.out(`No papers match "${query.length > 60 ? `${query.slice(0, 60)}…` : query}".`);
      return 0;
    }
    hits.forEach((h, i) => io.out(`${String(i + 1).padStart(2)}. ${h.paper.title}\n    ${h.paper.id} · ${yearAndAuthors(h.paper)}`));
    return 0;
  },
};

/** Rows from the library and the corpus: an entry names its key and file; a bundled paper the user has, their key. */
function printReferences(refs: readonly Reference[], asJson: boolean, io: CliIO, query: string): number {
  if (asJson) {
    io.out(
      json(
        refs.map((r) =>
          r.kind === 'entry'
            ? { key: r.entry.key, title: r.entry.title, authors: r.entry.authors.map((a) => a.name), year: r.entry.year ?? null, file: r.entry.file, line: r.entry.line }
            : { id: r.paper.id, title: r.paper.title, authors: r.paper.authors.map((a) => a.name), year: r.paper.year ?? null, ...(r.entry ? { key: r.entry.key, file: r.entry.file, line: r.entry.line } : {}) },
        ),
      ),
    );
    return 0;
  }
  if (refs.length === 0) {
    io.out(`No papers match "${query.length > 60 ? `${query.slice(0, 60)}…` : query}".`);
    return 0;
  }
  refs.forEach((r, i) => {
    const head = `${String(i + 1).padStart(2)}. `;
    if (r.kind === 'entry') {
      const e = r.entry;
      io.out(`${head}${e.title}\n    ${e.key} · ${e.year ?? 'year unknown'} · ${e.authors.map((a) => a.name).slice(0, 3).join(', ') || 'authors unknown'}${e.authors.length > 3 || e.authorsTruncated ? ' et al.' : ''} · ${e.file}:${e.line}`);
    } else io.out(`${head}${r.paper.title}\n    ${r.paper.id} · ${yearAndAuthors(r.paper)}${r.entry ? ` · your key ${r.entry.key} (${r.entry.file}:${r.entry.line})` : ''}`);
  });
  return 0;
}
