import { arxivUrl, parseArxivReference } from '../../core/corpus/arxiv';
import { papersByKey } from '../../core/cite/keys';
import type { Paper } from '../../schema/corpus';
import { corpusKeys } from '../citation';
import { libraryFrom } from '../library';
import type { PaperData, PaperRecord } from '../../core/data/load';
import { NotFoundError, UsageError } from '../args';
import type { CliCommand } from '../command';
import { authorsLine, dateLine, provenanceLines, venueLine } from '../../core/corpus/display';
import { json, wrap } from '../format';

/**
 * A paper by exact id, by arXiv id or link (`2205.13213`, `arXiv:…`,
 * `https://arxiv.org/abs/…`), by citation key (or a key an earlier release
 * gave it), or by an id prefix that only one paper has.
 */
export function findPaper(data: PaperData, ref: string): PaperRecord {
  const papers = data.corpus.papers;
  const exact = papers.find((p) => p.id === ref);
  if (exact) return exact;
  const arxiv = parseArxivReference(ref);
  if (arxiv !== undefined) {
    const p = papers.find((x) => x.arxiv === arxiv);
    if (p) return p;
    throw new NotFoundError(`no bundled paper has arXiv id ${arxiv}`);
  }
  const keyed = papersByKey(corpusKeys(data.corpus), papers).get(ref);
  if (keyed !== undefined) return data.papersById.get(keyed) as PaperRecord;
  const prefixed = papers.filter((p) => p.id.startsWith(ref));
  if (prefixed.length === 1 && prefixed[0]) return prefixed[0];
  const hint =
    prefixed.length > 1
      ? `"${ref}" is the start of ${prefixed.length} ids, for example ${prefixed
          .slice(0, 3)
          .map((p) => p.id)
          .join(', ')}`
      : suggest(data, ref);
  throw new NotFoundError(`no paper with id "${ref}"${hint ? `; ${hint}` : ''}`);
}

function suggest(data: PaperData, ref: string): string {
  const hits = data.search.search(ref.replace(/-/g, ' '), { limit: 3 });
  return hits.length > 0 ? `did you mean ${hits.map((h) => h.paper.id).join(', ')}?` : '';
}

export const showCommand: CliCommand = {
  name: 'show',
  usage: 'show <id|arXiv id|key> [--bib FILE]... [--json]',
  summary: 'print one paper: metadata, abstract and where it came from',
  flags: { switches: ['json'], lists: ['bib'] },
  run(args, io) {
    const ref = args.positionals[0];
    if (ref === undefined || args.positionals.length > 1) throw new UsageError('show needs exactly one paper id, arXiv id or citation key');
    const data = io.data();
    const own = libraryFrom(io, args.lists.get('bib') ?? [], data)?.byKey(ref);
    if (own?.kind === 'entry') {
      const e = own.entry;
      if (args.switches.has('json')) io.out(json(e));
      else {
        io.out(e.title);
        io.out('='.repeat(Math.min(e.title.length, 100)));
        const rows: [string, string | undefined][] = [
          ['key', e.key],
          ['authors', e.authors.length === 0 ? 'authors unknown' : `${e.authors.map((a) => a.name).join(', ')}${e.authorsTruncated ? ' et al.' : ''}`],
          ['year', e.year === undefined ? 'year unknown' : String(e.year)],
          ['venue', e.venue],
          ['DOI', e.doi],
          ['arXiv', e.arxiv],
          ['url', e.url],
          ['file', `${e.file}:${e.line}`],
        ];
        for (const [k, v] of rows) if (v !== undefined) io.out(`${k.padEnd(12)}  ${v}`);
        if (e.abstract) io.out(`\n${wrap(e.abstract, 100)}`);
      }
      return 0;
    }
    const p = fullPaper(data, own?.kind === 'paper' ? own.paper : findPaper(data, ref));
    if (args.switches.has('json')) {
      io.out(json(p));
      return 0;
    }
    const rows: [string, string][] = [
      ['id', p.id],
      ['authors', authorsLine(p)],
      ['date', dateLine(p)],
    ];
    const key = corpusKeys(data.corpus).get(p.id);
    if (key) rows.push(['key', `${key}${p.formerKeys ? ` (earlier: ${p.formerKeys.join(', ')})` : ''}`]);
    const venue = venueLine(p);
    if (venue && p.venue) rows.push(['venue', venue === p.venue.name ? venue : `${venue} (${p.venue.name})`]);
    const page = arxivUrl(p);
    if (page) rows.push(['arXiv', page]);
    if (p.doi) rows.push(['DOI', `https://doi.org/${p.doi}`]);
    if (p.laterTitles) rows.push(['later title', p.laterTitles.join('\n              ')]);
    if (p.category) rows.push(['category', p.category]);
    if (p.affiliations) rows.push(['affiliations', p.affiliations.join(', ')]);
    if (p.codeUrl) rows.push(['code', p.codeUrl]);
    else if (p.codeFlag) rows.push(['code', 'yes (no link in the abstract)']);
    if (p.upvotes !== undefined) rows.push(['upvotes', String(p.upvotes)]);
    rows.push(['sources', p.sources.map((s) => `${s.file}:${s.line} (${s.role}${s.match ? `, ${s.match}` : ''})`).join('\n              ')]);
    io.out(p.title);
    io.out('='.repeat(Math.min(p.title.length, 100)));
    for (const [k, v] of rows) io.out(`${k.padEnd(12)}  ${v}`);
    io.out('');
    io.out(wrap(p.abstract || '(no abstract)', 100));
    if (p.abstractNote) io.out(`\nnote: ${p.abstractNote}`);
    if (p.metadataNote) io.out(`\nnote: ${p.metadataNote}`);
    const provenance = provenanceLines(p);
    if (provenance.length > 0) {
      io.out('\nwhere the facts come from');
      for (const { field, how, where } of provenance) io.out(`  ${field.padEnd(12)}  ${how}\n${where.map((w) => `                ${w}`).join('\n')}`);
    }
    return 0;
  },
};

/**
 * The whole paper behind a catalog record: its abstract and raw texts come
 * from the details files.
 *
 * @example
 * fullPaper(data, findPaper(data, 'transmla')).abstract
 */
export function fullPaper(data: PaperData, record: PaperRecord): Paper {
  const p = data.details.getSync(record.id);
  if (!p) throw new NotFoundError(`no paper with id "${record.id}"`);
  return p;
}
