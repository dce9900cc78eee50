/**
 * `npm run bench:host`: the one-off work the extension does on the
 * extension host's thread after the data has loaded, at each corpus size:
 * citation keys for every paper (read from the catalog under the default
 * formula, computed under another), each paper's technique names (for the
 * search quick pick), and the sidebar's groups. Work the extension runs in
 * slices is measured as the extension runs it, with `runSliced`: what
 * blocks the host is its longest slice. Reads the data npm run bench
 * generated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupPapers, groupPapersSteps } from '../src/core/browse/grouping';
import { loadPaperDataSync } from '../src/core/data/load';
import { techniquesByPaperSteps } from '../src/core/techniques/papers';
import { type Sliced, type SliceStats, runSliced } from '../src/core/util/sliced';
import { keyTablesSteps } from '../src/extension/citations/citationKeys';
import { ms, summarize, table } from './stats';

const GENERATED = join(__dirname, '.generated');
const RUNS = 5;

/** The longest block of the host in each run: the whole run for synchronous work, the longest slice for sliced work. */
async function time(f: () => unknown): Promise<{ block: number[]; total: number[] }> {
  const block: number[] = [];
  const total: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const work = f();
    if (isSliced(work)) {
      const stats: SliceStats = { longestSliceMs: 0, yields: 0 };
      await runSliced(work, { stats });
      block.push(stats.longestSliceMs);
    } else block.push(performance.now() - t0);
    total.push(performance.now() - t0);
  }
  return { block, total };
}

const isSliced = (x: unknown): x is Sliced<unknown> => typeof x === 'object' && x !== null && typeof (x as Sliced<unknown>).next === 'function';

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--sizes');
  const sizes = (arg >= 0 ? (process.argv[arg + 1] ?? '') : 'real,1k,10k,100k').split(',');
  const rows: string[][] = [];
  for (const size of sizes) {
    const dir = size === 'real' ? join(__dirname, '..', 'dist', 'data') : join(GENERATED, size);
    const d = loadPaperDataSync({ readSync: (name) => readFileSync(join(dir, name), 'utf8') });
    const work: [string, () => unknown][] = [
      ['citation keys, shipped (default formula, sliced)', () => keyTablesSteps(d, 'authorYearTitle')],
      ['citation keys, another formula (sliced)', () => keyTablesSteps(d, 'titleYear')],
      ['technique names per paper (sliced)', () => techniquesByPaperSteps(d.lexicon)],
      ['sidebar groups by technique (sliced)', () => groupPapersSteps(d.corpus, d.lexicon, 'technique')],
      ['sidebar groups by year', () => groupPapers(d.corpus, d.lexicon, 'year')],
    ];
    for (const [what, f] of work) {
      const t = await time(f);
      const block = summarize(t.block);
      rows.push([`${size} (${d.corpus.papers.length})`, what, ms(summarize(t.total).median), ms(block.median), ms(block.max), block.max <= 50 ? 'PASS' : 'FAIL']);
    }
  }
  console.log(`\nOne-off work on the extension host after the load, ${RUNS} runs: the whole run's time, and the longest block of the host (the whole run for synchronous work, the longest slice for sliced work).\n`);
  console.log(table(['size', 'work', 'total median ms', 'block median ms', 'block max ms', 'block ≤50 ms'], rows));
}

void main();
