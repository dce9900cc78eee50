import { parseArxivReference } from '../../core/corpus/arxiv';
import { describeMissing } from '../../core/cite/bibtex';
import { CITATION_FORMATS, type CitationFormat, LATEX_CITE_COMMANDS, formatCitation } from '../../core/cite/formats';
import type { PaperData, PaperRecord } from '../../core/data/load';
import { NotFoundError, UsageError } from '../args';
import { choiceFlag, corpusKeys } from '../citation';
import type { CliCommand, CliIO } from '../command';
import { findPaper, fullPaper } from './show';
import { entryAsPaper, libraryFrom } from '../library';

/** Formats that show a paper's metadata but cannot carry a comment about its gaps. */
const SAY_MISSING_ON_STDERR: readonly CitationFormat[] = ['csl-json', 'markdown', 'text'];
const WITH_ABSTRACT: readonly CitationFormat[] = ['bibtex', 'biblatex', 'csl-json'];

export const citeCommand: CliCommand = {
  name: 'cite',
  usage: 'cite <id|arXiv id|key|query> [--format F] [--abstract] [--command C] [--prefix P] [--bib FILE]...',
  summary:
    `print one paper's citation. F: ${CITATION_FORMATS.map((f) => (f === 'bibtex' ? 'bibtex (default)' : f)).join(', ')}. ` +
    `C: the latex \\cite variant (${LATEX_CITE_COMMANDS.join(', ')}). P: the comment marker (default #)`,
  flags: { values: ['format', 'command', 'prefix'], switches: ['abstract'], lists: ['bib'] },
  run(args, io) {
    const format = choiceFlag(args.values.get('format'), '--format', CITATION_FORMATS, 'bibtex');
    const latexCommand = choiceFlag(args.values.get('command'), '--command', LATEX_CITE_COMMANDS, 'cite');
    if (args.values.has('command') && format !== 'latex') throw new UsageError('--command only applies to --format latex');
    if (args.values.has('prefix') && format !== 'comment') throw new UsageError('--prefix only applies to --format comment');
    const abstract = args.switches.has('abstract');
    if (abstract && !WITH_ABSTRACT.includes(format)) throw new UsageError(`--abstract only applies to --format ${WITH_ABSTRACT.join(', ')}`);

    const data = io.data();
    const refs = libraryFrom(io, args.lists.get('bib') ?? [], data);
    // A key of the user's own library names their entry; a bundled paper they have is cited with their key.
    const own = args.positionals.length === 1 ? refs?.byKey(args.positionals[0] as string) : undefined;
    if (own?.kind === 'entry') {
      io.out(formatCitation(entryAsPaper(own.entry), own.entry.key, format, { abstract, latexCommand, commentPrefix: args.values.get('prefix') ?? '#' }));
      return 0;
    }
    const record = own?.kind === 'paper' ? own.paper : pick(data, args.positionals, io);
    const paper = abstract ? fullPaper(data, record) : record;
    const key = refs?.entryForPaper(paper.id)?.key ?? (corpusKeys(data.corpus).get(paper.id) as string);
    io.out(formatCitation(paper, key, format, { abstract, latexCommand, commentPrefix: args.values.get('prefix') ?? '#' }));
    const missing = describeMissing(paper);
    if (missing !== undefined && SAY_MISSING_ON_STDERR.includes(format)) io.err(`paperlens: ${missing}`);
    return 0;
  },
};

/** An id, arXiv id, citation key or unique id prefix first; otherwise the best search hit, named on stderr. */
function pick(data: PaperData, positionals: string[], io: CliIO): PaperRecord {
  const ref = positionals.join(' ').trim();
  if (ref === '') throw new UsageError('cite needs a paper id or a search query, for example: paperlens cite transmla');
  if (positionals.length === 1) {
    try {
      return findPaper(data, ref);
    } catch (e) {
      // An arXiv id names one paper; searching for its digits would cite a stranger.
      if (!(e instanceof NotFoundError) || parseArxivReference(ref) !== undefined) throw e;
    }
  }
  const hit = data.search.search(ref, { limit: 1 })[0];
  if (!hit) throw new NotFoundError(`no paper matches "${ref}"`);
  io.err(`paperlens: "${ref}" is not a paper id; citing the best search match: ${hit.paper.title} (${hit.paper.id})`);
  return hit.paper;
}
