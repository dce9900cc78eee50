import { intFlag, UsageError } from '../args';
import type { CliCommand } from '../command';
import { yearAndAuthors } from '../../core/corpus/display';
import { boundQuery } from '../../core/search/engine';
import { json } from '../format';

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search <query> [--limit N] [--json]',
  summary: 'rank papers for a query: title words, a prefix, a typo, an acronym, an author, a topic',
  flags: { values: ['limit'], switches: ['json'] },
  run(args, io) {
    const query = args.positionals.join(' ').trim();
    if (query === '') throw new UsageError('search needs a query, for example: paperlens search "kv cache compression"');
    const limit = intFlag(args, 'limit', 10);
    const { note } = boundQuery(query);
    if (note !== undefined) io.err(`paperlens: ${note}`);
    const hits = io.data().search.search(query, { limit });
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
