/**
 * `npm run bench:host`: the one-off work the extension does on the
 * extension host's thread after the data has loaded, at each corpus size:
 * citation keys for every paper (first completion or insert), each paper's
 * technique names (first search quick pick), and the sidebar's groups
 * (first time the view shows). Each runs synchronously, so each is one
 * block of the host. Reads the data npm run bench generated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupPapers } from '../src/core/browse/grouping';
import { assignKeys } from '../src/core/cite/keys';
import { loadPaperDataSync } from '../src/core/data/load';
import { techniquesByPaper } from '../src/core/techniques/papers';
import { ms, summarize, table } from './stats';

const GENERATED = join(__dirname, '.generated');
const RUNS = 5;

function time(f: () => unknown): number[] {
  const out: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return out;
}

const arg = process.argv.indexOf('--sizes');
const sizes = (arg >= 0 ? (process.argv[arg + 1] ?? '') : 'real,1k,10k,100k').split(',');
const rows: string[][] = [];
for (const size of sizes) {
  const dir = size === 'real' ? join(__dirname, '..', 'dist', 'data') : join(GENERATED, size);
  const d = loadPaperDataSync({ readSync: (name) => readFileSync(join(dir, name), 'utf8') });
  const work: [string, () => unknown][] = [
    ['citation keys', () => assignKeys(d.corpus.papers)],
    ['technique names per paper', () => techniquesByPaper(d.lexicon)],
    ['sidebar groups by technique', () => groupPapers(d.corpus, d.lexicon, 'technique')],
    ['sidebar groups by year', () => groupPapers(d.corpus, d.lexicon, 'year')],
  ];
  for (const [what, f] of work) {
    const s = summarize(time(f));
    rows.push([`${size} (${d.corpus.papers.length})`, what, ms(s.median), ms(s.max), s.max <= 50 ? 'PASS' : 'FAIL']);
  }
}
console.log(`\nOne-off work on the extension host after the load: median and max of ${RUNS} runs; each runs without a turn of the event loop.\n`);
console.log(table(['size', 'work', 'median ms', 'max ms', '≤50 ms'], rows));
