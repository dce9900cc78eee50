/**
 * `npm run bench`: timings of the corpus build, data load and per-keystroke
 * search, each beside a baseline measured in the same run (timings on shared
 * machines are noisy, so ratios are what to compare).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildData } from '../src/build/buildData';
import { DATA_FILES } from '../src/core/data/files';
import { loadData } from '../src/core/data/load';
import { ms, summarize, table, time } from './stats';

const DATA = join(__dirname, '..', 'dist', 'data');
const read = (name: string): string => readFileSync(join(DATA, name), 'utf8');
const raw = { corpus: read(DATA_FILES.corpus), searchIndex: read(DATA_FILES.searchIndex), techniques: read(DATA_FILES.techniques) };

const build = summarize(time(() => buildData(join(__dirname, '..', 'seeds'), join(__dirname, '.generated', 'data')), 5, 1));
const parseFloor = summarize(time(() => { JSON.parse(raw.corpus); JSON.parse(raw.searchIndex); JSON.parse(raw.techniques); }, 20));
const load = summarize(time(() => loadData(raw), 20));

/** Typing trace: each query typed one character at a time. */
const QUERIES = ['kv cache compression', 'speculatve decodng', 'MLA', 'zizheng pan', 'multi-head latent attention', 'transmla', 'vision transformer pruning'];
const trace = QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
const { search, corpus } = loadData(raw);
const haystack = corpus.papers.map((p) => `${p.title} ${p.abstract}`.toLowerCase());
const keystroke = summarize(trace.flatMap((q) => time(() => search.search(q, { limit: 20 }), 3, 1)));
const naive = summarize(trace.flatMap((q) => time(() => haystack.filter((h) => h.includes(q.toLowerCase())), 3, 1)));

console.log(`PaperLens bench: ${corpus.papers.length} papers, ${trace.length} keystrokes\n`);
console.log(
  table(
    ['figure', 'median ms', 'p95 ms', 'min ms', 'max ms', 'baseline', 'baseline median ms', 'ratio'],
    [
      ['corpus + index build', ms(build.median), ms(build.p95), ms(build.min), ms(build.max), '-', '-', '-'],
      ['ready to search (load)', ms(load.median), ms(load.p95), ms(load.min), ms(load.max), 'JSON.parse', ms(parseFloor.median), (load.median / parseFloor.median).toFixed(1)],
      ['keystroke search', ms(keystroke.median), ms(keystroke.p95), ms(keystroke.min), ms(keystroke.max), 'includes scan', ms(naive.median), (keystroke.median / naive.median).toFixed(1)],
    ],
  ),
);
