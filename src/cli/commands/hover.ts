import { arxivReferenceAt } from '../../core/corpus/arxiv';
import type { TechniqueMatch } from '../../core/techniques/matcher';
import { languageIdForPath } from '../../core/techniques/languages';
import { isProse } from '../../core/techniques/regions';
import { techniqueCardModel } from '../../core/browse/techniqueCard';
import type { PaperData, PaperRecord } from '../../core/data/load';
import { NotFoundError, UsageError } from '../args';
import { type CliCommand, readUserFile } from '../command';
import { json } from '../format';

/**
 * What `hover --json` prints for a technique: its name and the card's
 * expansion, and every paper the technique lists (the text output lists
 * the card's papers only).
 *
 * @example
 * hoverJson(data, matcher.matchIdentifier('MultiHeadLatentAttention'))
 * // => { technique: { name: 'MLA', expansion: 'Multi-head Latent Attention' }, papers: [{ id: 'transmla-…', title: 'TransMLA: …', year: 2025, role: 'mentions' }, …] }
 */
export function hoverJson(data: PaperData, m: TechniqueMatch) {
  const card = techniqueCardModel(m, data.papersById);
  return {
    technique: { name: card.name, expansion: card.expansion ?? null },
    papers: m.technique.papers.map((tp) => listed(tp.id, tp.role, data.papersById.get(tp.id))),
  };
}

/** One paper of a card, as plain data; a paper the catalog lacks is named by its id. */
function listed(id: string, role: string, p: PaperRecord | undefined) {
  return { id, title: p?.title ?? id, year: p?.year ?? null, role };
}

/** A listed paper in the text output: its title and year, and its id below. */
const row = (p: { id: string; title: string; year: number | null }): string => `${p.title}${p.year ? ` (${p.year})` : ''}\n              ${p.id}`;

/** The card over an arXiv link or id that names a bundled paper, as plain data: `{ arxiv, papers: [the paper] }`. */
export function arxivCard(data: PaperData, lineText: string, ch: number) {
  const ref = arxivReferenceAt(lineText, ch);
  const p = ref ? data.corpus.papers.find((x) => x.arxiv === ref.id) : undefined;
  return ref && p ? { arxiv: ref.id, papers: [{ id: p.id, title: p.title, year: p.year ?? null, role: 'linked' as const }] as const } : undefined;
}

/** Parses "file:line:col" (1-based, as compilers print). The file may itself contain colons. */
export function parsePosition(arg: string): { file: string; line: number; col: number } {
  const m = /^(.+):(\d+):(\d+)$/.exec(arg);
  if (!m) throw new UsageError(`expected <file>:<line>:<col>, got "${arg}"`);
  const line = Number(m[2]);
  const col = Number(m[3]);
  if (line < 1 || col < 1) throw new UsageError('line and column are 1-based');
  return { file: m[1] as string, line, col };
}

export const hoverCommand: CliCommand = {
  name: 'hover',
  usage: 'hover <file>:<line>:<col> [--json]',
  summary: 'what the hover card would show at a position: the technique and its papers, or the paper an arXiv link names (null: no card)',
  flags: { switches: ['json'] },
  run(args, io) {
    const [arg, extra] = args.positionals;
    if (arg === undefined || extra !== undefined) throw new UsageError('hover needs exactly one <file>:<line>:<col>');
    const { file, line, col } = parsePosition(arg);
    const text = readUserFile(io, file);
    const lines = text.split(/\r\n|\r|\n/);
    if (line > lines.length) throw new NotFoundError(`${file} has ${lines.length} lines, not ${line}`);
    const data = io.data();
    const linked = arxivCard(data, lines[line - 1] ?? '', col - 1);
    if (linked) {
      if (args.switches.has('json')) io.out(json(linked));
      else io.out(`arXiv:${linked.arxiv}\n  ${row(linked.papers[0])}`);
      return 0;
    }
    // Judged with the whole file: comments and strings are prose across lines (a docstring), and the file says
    // whether it is ML code and whose own code it is, as in the editor.
    const facts = data.techniques.factsOf(text, languageIdForPath(file));
    const prose = isProse(facts.regions, offsetOfLine(text, line - 1) + col - 1);
    const m = data.techniques.matchAt(lines[line - 1] ?? '', col - 1, { prose, facts });
    if (args.switches.has('json')) {
      io.out(json(m ? hoverJson(data, m) : null));
      return 0;
    }
    if (!m) {
      io.out('No card: nothing here names a technique in the lexicon.');
      return 0;
    }
    // The papers the editor's card shows, and how many more it counts.
    const card = techniqueCardModel(m, data.papersById);
    io.out(`${card.name}${card.expansion ? ` (${card.expansion})` : ''}`);
    io.out(`matched "${m.text}" in "${m.identifier}"`);
    for (const { id, role, paper } of card.papers) io.out(`  ${role === 'introduces' ? 'introduces' : 'mentions  '}  ${row(listed(id, role, paper))}`);
    if (card.more > 0) io.out(`  … ${card.more} more`);
    return 0;
  },
};

/** The offset where a 0-based line starts, counting \r\n, \r and \n as line ends. */
function offsetOfLine(text: string, line: number): number {
  const br = /\r\n|\r|\n/g;
  let at = 0;
  for (let n = 0; n < line; n++) {
    const m = br.exec(text);
    if (!m) return text.length;
    at = m.index + m[0].length;
  }
  return at;
}
