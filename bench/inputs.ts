/**
 * Inputs of any size (issue 13): scanning a source file for technique
 * mentions, and planning an entry into a large .bib file. Each is timed at
 * two sizes ten times apart; the time must grow linearly (per-megabyte
 * time within 2× from the small to the large input), and the sliced .bib
 * index, as the extension runs it, must never block longer than 50 ms.
 */
import { assignKeys } from '../src/core/cite/keys';
import { formatCitation } from '../src/core/cite/formats';
import type { Corpus } from '../src/schema/corpus';
import { appendText, indexBib, planBibEntry } from '../src/core/bib/plan';
import type { PaperData } from '../src/core/data/load';
import { type SliceStats, runSliced } from '../src/core/util/sliced';
import { mb, ms, summarize, table, time } from './stats';
import { modelCode } from './workload';

export interface InputRow {
  what: string;
  small: { bytes: number; ms: number };
  large: { bytes: number; ms: number };
  /** The longest stretch the sliced run went without giving the event loop a turn, at the large size. */
  longestSliceMs?: number;
}

/** Repeats `unit` until the text holds at least `bytes` characters. */
const grow = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / unit.length));

/** A .bib file of `entries` entries: the corpus's own BibTeX, with keys made unique. */
function bibOf(corpus: Corpus, entries: number): string {
  const keys = assignKeys(corpus.papers);
  const one = corpus.papers.map((p) => formatCitation(p, keys.get(p.id) as string, 'bibtex'));
  let text = '';
  const parts: string[] = [];
  for (let i = 0; i < entries; i++) {
    const entry = (one[i % one.length] as string).replace(/^(@\w+\{)([a-z0-9]+),/m, (_m, head: string, key: string) => `${head}${key}x${i},`);
    parts.push(entry);
  }
  text = parts.join('\n\n');
  return `${text}\n`;
}

export async function measureInputs(repo: string, data: PaperData, corpus: Corpus, runs = 3): Promise<InputRow[]> {
  const rows: InputRow[] = [];
  const code = modelCode(repo);
  const scanAt = (bytes: number): { bytes: number; ms: number } => {
    const text = grow(`${code}\n`, bytes);
    return { bytes: text.length, ms: summarize(time(() => data.techniques.scan(text, 'python'), runs)).median };
  };
  rows.push({ what: 'scan a Python file (paperlens scan)', small: scanAt(1e6), large: scanAt(1e7) });

  const target = corpus.papers[0];
  if (!target) throw new Error('an empty corpus');
  const entryFor = (k: string): string => formatCitation(target, k, 'bibtex');
  const planAt = async (entries: number): Promise<{ bytes: number; ms: number; slice: number }> => {
    const text = bibOf(corpus, entries);
    const t = summarize(time(() => planBibEntry(text, 'newkey', entryFor), runs)).median;
    const stats: SliceStats = { longestSliceMs: 0, yields: 0 };
    const index = await runSliced(indexBib(text + appendText(text, entryFor('newkey'))), { stats });
    if (planBibEntry(index, 'newkey', entryFor).kind !== 'present') throw new Error('the appended entry is not found again');
    return { bytes: text.length, ms: t, slice: stats.longestSliceMs };
  };
  const small = await planAt(9_000);
  const large = await planAt(90_000);
  rows.push({ what: 'plan an entry into a .bib (9k → 90k entries)', small, large, longestSliceMs: large.slice });
  return rows;
}

/** The table, and whether each row grows linearly and stays sliced. */
export function inputTable(rows: InputRow[], check: (what: string, ok: boolean) => string): string {
  return table(
    ['input', 'small MB', 'ms', 'ms/MB', 'large MB', 'ms', 'ms/MB', 'growth per MB', '≤2× (linear)', 'longest slice ms', '≤50 ms'],
    rows.map((r) => {
      const perSmall = r.small.ms / (r.small.bytes / 1e6);
      const perLarge = r.large.ms / (r.large.bytes / 1e6);
      return [
        r.what,
        mb(r.small.bytes),
        ms(r.small.ms),
        ms(perSmall),
        mb(r.large.bytes),
        ms(r.large.ms),
        ms(perLarge),
        `${(perLarge / perSmall).toFixed(2)}×`,
        check(`${r.what} grows linearly`, perLarge <= 2 * perSmall),
        r.longestSliceMs === undefined ? '' : ms(r.longestSliceMs),
        r.longestSliceMs === undefined ? '' : check(`${r.what} blocks ≤50 ms`, r.longestSliceMs <= 50),
      ];
    }),
  );
}
