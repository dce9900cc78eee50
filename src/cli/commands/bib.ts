import { BIBLIOGRAPHY_FORMATS, formatBibliography } from '../../core/cite/formats';
import { UsageError } from '../args';
import { choiceFlag, corpusKeys } from '../citation';
import type { CliCommand } from '../command';
import { fullPaper } from './show';

export const bibCommand: CliCommand = {
  name: 'bib',
  usage: 'bib [--format F] [--abstract]',
  summary: `print the whole corpus as one bibliography, sorted by key. F: ${BIBLIOGRAPHY_FORMATS.map((f) => (f === 'bibtex' ? 'bibtex (default)' : f)).join(', ')} (one JSON array)`,
  flags: { values: ['format'], switches: ['abstract'] },
  run(args, io) {
    if (args.positionals.length > 0) throw new UsageError(`bib takes no arguments, got "${args.positionals.join(' ')}"`);
    const format = choiceFlag(args.values.get('format'), '--format', BIBLIOGRAPHY_FORMATS, 'bibtex');
    const data = io.data();
    const abstract = args.switches.has('abstract');
    const papers = abstract ? data.corpus.papers.map((p) => fullPaper(data, p)) : data.corpus.papers;
    io.out(formatBibliography(papers, corpusKeys(data.corpus), format, { abstract }));
    return 0;
  },
};
