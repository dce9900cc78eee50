/**
 * `npm run bench:alternatives`: PaperLens against the search libraries a
 * user would reach for, side by side in one run, on the same corpora and
 * the same typing: load time, heap, keystroke latency, and hit@10 of title
 * queries with and without typos (bench/typos.ts).
 *
 * - PaperLens: the shipped loader (src/core/data/load.ts) over the data
 *   files `npm run bench` builds; ready is when search works (titles,
 *   names, authors), complete when the abstracts are searched too.
 * - MiniSearch 7 as its README configures it: fields title, authors,
 *   abstract; search options `{ prefix: true, fuzzy: 0.2, boost: { title: 2 } }`.
 * - FlexSearch 0.8: a `Document` over the same fields, `tokenize: 'forward'`,
 *   searched with `{ suggest: true, merge: true }`.
 *
 * The libraries load as their users would: parse the papers (JSON, with
 * abstracts) and index them; they keep each paper's id, title and
 * authors to show. Each system and repetition runs in a fresh child
 * process, so one system's garbage never counts in another's heap.
 *
 *   npm run bench:alternatives                       real and 10k (100k too when bench/.generated/100k exists)
 *   npm run bench:alternatives -- --sizes real,100k
 *   npm run bench:alternatives -- --reps 3
 *   npm run bench:alternatives -- --systems PaperLens,FlexSearch
 *   npm run bench:alternatives -- --keep-data     use bench/.generated/<size> as it is, even if built by older sources
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { Document } from 'flexsearch';
import MiniSearch from 'minisearch';
import { DATA_FILES } from '../src/core/data/files';
import { type LoadStats, loadPaperDataSync } from '../src/core/data/load';
import { GENERATED, SEEDS, type SizeSpec, buildSize, bundleCore, bundledCore } from './generated';
import { itemMedians, mb, ms, ratio, summarize, table } from './stats';
import { TYPO_KINDS, type TitleQuery, titleQueries } from './typos';
import { gc, heapNow, realCorpus, typingTrace } from './workload';

const SYSTEMS = ['PaperLens', 'MiniSearch', 'FlexSearch'] as const;
type System = (typeof SYSTEMS)[number];
/** MiniSearch is left out at 100k by default: a keystroke takes about half a second there, so one repetition takes many minutes. */
const SIZES: (SizeSpec & { reps: number; systems: readonly System[] })[] = [
  { label: 'real', builds: 1, reps: 5, systems: SYSTEMS },
  { label: '1k', papers: 1_000, builds: 1, reps: 5, systems: SYSTEMS },
  { label: '10k', papers: 10_000, builds: 1, reps: 3, systems: SYSTEMS },
  { label: '100k', papers: 100_000, builds: 1, reps: 2, systems: ['PaperLens', 'FlexSearch'] },
];
/** Times the typing trace runs in each child (each keystroke's median counts). */
const TRACE_RUNS = 3;
/** Results per keystroke, as the quick pick asks for. */
const LIMIT = 40;
/** Title queries per size. */
const QUERIES = 20;

/** What the libraries index: a paper as a user's own code would hold it. */
interface PeerDoc {
  id: string;
  title: string;
  authors: string;
  abstract: string;
}

interface Workload {
  keystrokes: string[];
  queries: TitleQuery[];
}

/** What one child measures. */
interface ChildResult {
  readyMs: number;
  completeMs: number;
  heapMB: number;
  /** Each keystroke's median over TRACE_RUNS. */
  keys: number[];
  /** Title queries found in the top 10, without typos ('none') and by typo kind. */
  hits: Record<string, number>;
  /** Misses, for reading. */
  missed: string[];
}

const workloadFile = (size: string): string => join(GENERATED, `${size}.workload.json`);
const peersFile = (size: string): string => join(GENERATED, `${size}.peers.json`);

const settle = async (): Promise<number> => {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
  return heapNow();
};

/** What a library's user keeps to show results (and the heap counts). */
const kept: unknown[] = [];

/** A loaded system: search returns paper ids, best first. */
type Searcher = (q: string, limit: number) => string[];

/** PaperLens's data files as text, read before the heap's first reading as the libraries' JSON is (the extension reads them from disk). */
const dataTexts = (size: string): Map<string, string> => {
  const dir = join(GENERATED, size);
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
};

async function loadPaperLens(texts: ReadonlyMap<string, string>): Promise<{ search: Searcher; readyMs: number; completeMs: number }> {
  // As it ships (bundled; see bundleCore), as the libraries run their published builds.
  const { loadPaperData, emptyLoadStats } = bundledCore();
  const reader = { read: async (name: string): Promise<string> => texts.get(name) ?? Promise.reject(new Error(`no ${name}`)) };
  const stats: LoadStats = emptyLoadStats();
  const data = await loadPaperData(reader, { stats });
  await data.complete;
  return { search: (q, limit) => data.search.search(q, { limit }).map((h) => h.paper.id), readyMs: stats.readyMs, completeMs: stats.completeMs };
}

function loadMiniSearch(json: string): { search: Searcher; ms: number } {
  const t0 = performance.now();
  const docs = JSON.parse(json) as PeerDoc[];
  const index = new MiniSearch<PeerDoc>({ fields: ['title', 'authors', 'abstract'], searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2 } } });
  index.addAll(docs);
  kept.push(docs.map(({ id, title, authors }) => ({ id, title, authors })));
  const took = performance.now() - t0;
  return { search: (q, limit) => index.search(q).slice(0, limit).map((r) => String(r.id)), ms: took };
}

function loadFlexSearch(json: string): { search: Searcher; ms: number } {
  const t0 = performance.now();
  const docs = JSON.parse(json) as PeerDoc[];
  const index = new Document({ document: { id: 'n', index: ['title', 'authors', 'abstract'] }, tokenize: 'forward' });
  docs.forEach((d, n) => index.add({ n, title: d.title, authors: d.authors, abstract: d.abstract }));
  const shown = docs.map(({ id, title, authors }) => ({ id, title, authors }));
  const took = performance.now() - t0;
  return {
    search: (q, limit) => (index.search(q, { limit, suggest: true, merge: true }) as unknown as { id: number }[]).map((r) => shown[r.id]?.id ?? ''),
    ms: took,
  };
}

/** The child: loads one system on one size, measures, prints one JSON line. */
async function child(system: System, size: string): Promise<void> {
  const work = JSON.parse(readFileSync(workloadFile(size), 'utf8')) as Workload;
  // Each system's input is in memory before the first heap reading, so neither's counts in its heap.
  const json = system === 'PaperLens' ? '' : readFileSync(peersFile(size), 'utf8');
  const texts = system === 'PaperLens' ? dataTexts(size) : new Map<string, string>();
  const h0 = await settle();
  let search: Searcher;
  let readyMs: number;
  let completeMs: number;
  if (system === 'PaperLens') ({ search, readyMs, completeMs } = await loadPaperLens(texts));
  else {
    const loaded = system === 'MiniSearch' ? loadMiniSearch(json) : loadFlexSearch(json);
    search = loaded.search;
    readyMs = completeMs = loaded.ms;
  }
  const heapMB = ((await settle()) - h0) / 1e6;
  const runs = Array.from({ length: TRACE_RUNS }, () =>
    work.keystrokes.map((q) => {
      const t0 = performance.now();
      search(q, LIMIT);
      return performance.now() - t0;
    }),
  );
  const hits: Record<string, number> = { none: 0, ...Object.fromEntries(TYPO_KINDS.map((k) => [k, 0])) };
  const missed: string[] = [];
  for (const tq of work.queries) {
    for (const [kind, q] of [['none', tq.query], ...TYPO_KINDS.map((k) => [k, tq.typos[k]])] as [string, string][]) {
      if (search(q, 10).includes(tq.id)) hits[kind] = (hits[kind] ?? 0) + 1;
      else missed.push(`${kind}: ${q}`);
    }
  }
  process.stdout.write(`${JSON.stringify({ readyMs, completeMs, heapMB, keys: itemMedians(runs), hits, missed } satisfies ChildResult)}\n`);
}

/** Writes what the children read: the workload, and the papers as the libraries index them. */
function prepare(size: SizeSpec, real: ReturnType<typeof realCorpus>, keepData: boolean): void {
  // The data format does not depend on the search code; --keep-data saves rebuilding 100k after a change to it.
  if (!(keepData && existsSync(join(GENERATED, size.label, DATA_FILES.manifest)))) buildSize(size, real, false);
  const dir = join(GENERATED, size.label);
  const data = loadPaperDataSync({ readSync: (name) => readFileSync(join(dir, name), 'utf8') });
  const papers = data.corpus.papers;
  const docs: PeerDoc[] = papers.map((p) => ({ id: p.id, title: p.title, authors: p.authors.map((a) => a.name).join(', '), abstract: data.details.getSync(p.id)?.abstract ?? '' }));
  writeFileSync(peersFile(size.label), JSON.stringify(docs));
  const work: Workload = { keystrokes: typingTrace(papers).keystrokes, queries: titleQueries(papers, QUERIES) };
  writeFileSync(workloadFile(size.label), JSON.stringify(work));
}

interface Measured {
  size: string;
  system: System;
  reps: number;
  ready: number;
  complete: number;
  heap: number;
  p50: number;
  p95: number;
  max: number;
  hits: Record<string, number>;
  queries: number;
  missed: string[];
}

/**
 * The child, bundled by esbuild and run by plain Node, so that every system
 * runs as it ships: loaded through tsx's module hooks, PaperLens's bundle
 * took about a fifth longer per keystroke (p50 0.064 against 0.052 ms on
 * the real corpus; FlexSearch's did not change). The libraries stay
 * outside the bundle, loaded from node_modules as their users load them.
 */
const CHILD_BUNDLE = join(GENERATED, 'alternatives-child.cjs');

function bundleChild(): void {
  buildSync({
    entryPoints: [__filename],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    // The bench's files find the repository and its data from their own folder; no bundled module is the
    // main one (the data build's runs itself when it is).
    define: { __dirname: JSON.stringify(__dirname), __filename: JSON.stringify(__filename), 'require.main': 'undefined' },
    outfile: CHILD_BUNDLE,
    logLevel: 'warning',
  });
}

function runChild(system: System, size: string): ChildResult {
  const out = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', CHILD_BUNDLE, '--child', system, size], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = out.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ChildResult;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--child');
  if (at >= 0) return child(process.argv[at + 1] as System, process.argv[at + 2] as string);
  const arg = process.argv.indexOf('--sizes');
  const repsArg = process.argv.indexOf('--reps');
  const systemsArg = process.argv.indexOf('--systems');
  const defaults = ['real', '10k', ...(existsSync(join(GENERATED, '100k', DATA_FILES.manifest)) ? ['100k'] : [])];
  const wanted = arg >= 0 ? (process.argv[arg + 1] ?? '').split(',') : defaults;
  const sizes = SIZES.filter((s) => wanted.includes(s.label));
  if (sizes.length === 0) throw new Error(`--sizes takes some of ${SIZES.map((s) => s.label).join(',')}`);
  console.log(`PaperLens against the alternatives: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
  const real = realCorpus(SEEDS);
  bundleCore();
  bundleChild();
  const rows: Measured[] = [];
  for (const size of sizes) {
    const t0 = performance.now();
    prepare(size, real, process.argv.includes('--keep-data'));
    const reps = repsArg >= 0 ? Number(process.argv[repsArg + 1]) : size.reps;
    const systems = systemsArg >= 0 ? SYSTEMS.filter((s) => (process.argv[systemsArg + 1] ?? '').split(',').includes(s)) : size.systems;
    const results = new Map<System, ChildResult[]>(systems.map((s) => [s, []]));
    // Systems take turns in each repetition, so a busy spell on the machine does not fall on one of them.
    for (let r = 0; r < reps; r++) for (const system of systems) results.get(system)?.push(runChild(system, size.label));
    const queries = (JSON.parse(readFileSync(workloadFile(size.label), 'utf8')) as Workload).queries.length;
    for (const system of systems) {
      const rs = results.get(system) ?? [];
      const keys = summarize(itemMedians(rs.map((x) => x.keys)));
      const first = rs[0] as ChildResult;
      rows.push({
        size: size.label,
        system,
        reps: rs.length,
        ready: summarize(rs.map((x) => x.readyMs)).median,
        complete: summarize(rs.map((x) => x.completeMs)).median,
        heap: summarize(rs.map((x) => x.heapMB)).median,
        p50: keys.median,
        p95: keys.p95,
        max: keys.max,
        hits: first.hits,
        queries,
        missed: first.missed,
      });
    }
    console.log(`  ${size.label}: measured in ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  report(rows);
}

function report(rows: Measured[]): void {
  const pl = (size: string): Measured | undefined => rows.find((r) => r.size === size && r.system === 'PaperLens');
  const fx = (size: string): Measured | undefined => rows.find((r) => r.size === size && r.system === 'FlexSearch');
  console.log(`
Load, heap and keystrokes. Load: PaperLens's ready (search works) and complete (abstracts searched too); the libraries
parse the papers and index them (both columns). Heap: after the load, between full collections. Keystrokes: the typing
trace of npm run bench, ${LIMIT} results; p50/p95/max over keystrokes of each keystroke's median (${TRACE_RUNS} runs in each of the
repetitions, each a fresh process). Ratios: the system's figure over PaperLens's (complete load).
`);
  console.log(
    table(
      ['size', 'system', 'reps', 'ready ms', 'complete ms', 'heap MB', 'p50 ms', 'p95 ms', 'max ms', 'load ×PL', 'heap ×PL', 'p95 ×PL'],
      rows.map((r) => {
        const base = pl(r.size);
        return [r.size, r.system, String(r.reps), ms(r.ready), ms(r.complete), mb(r.heap * 1e6), ms(r.p50), ms(r.p95), ms(r.max), base ? ratio(r.complete, base.complete) : '-', base ? ratio(r.heap, base.heap) : '-', base ? ratio(r.p95, base.p95) : '-'];
      }),
    ),
  );
  console.log(`
Title queries from the corpus itself (bench/typos.ts): the first four words of ${QUERIES} titles picked by a fixed seed, as typed,
and with one word of five or more letters misspelt each way. hit@10: the paper is among the first 10 results.
`);
  console.log(
    table(
      ['size', 'system', 'no typo', ...TYPO_KINDS, 'all typos'],
      rows.map((r) => {
        const typos = TYPO_KINDS.reduce((n, k) => n + (r.hits[k] ?? 0), 0);
        return [r.size, r.system, `${r.hits.none ?? 0}/${r.queries}`, ...TYPO_KINDS.map((k) => `${r.hits[k] ?? 0}/${r.queries}`), `${typos}/${r.queries * TYPO_KINDS.length}`];
      }),
    ),
  );
  // The targets of issue 16, against FlexSearch in the same run.
  const checks: string[][] = [];
  let pass = 0;
  let fail = 0;
  const check = (size: string, what: string, budget: string, value: string, ok: boolean): void => {
    checks.push([size, what, budget, value, ok ? 'PASS' : 'FAIL']);
    if (ok) pass++;
    else fail++;
  };
  for (const size of [...new Set(rows.map((r) => r.size))]) {
    const p = pl(size);
    const f = fx(size);
    if (!p || !f) continue;
    check(size, 'hit@10 without typos', `${p.queries}/${p.queries}`, `${p.hits.none ?? 0}/${p.queries}`, (p.hits.none ?? 0) === p.queries);
    for (const k of TYPO_KINDS) check(size, `typo hit@10, ${k}`, `≥ FlexSearch ${f.hits[k] ?? 0}`, String(p.hits[k] ?? 0), (p.hits[k] ?? 0) >= (f.hits[k] ?? 0));
    check(size, 'keystroke p95', `≤ FlexSearch ${ms(f.p95)} ms`, `${ms(p.p95)} ms`, p.p95 <= f.p95);
    check(size, 'load (complete)', `≤ 0.3× FlexSearch ${ms(f.complete)} ms`, `${ms(p.complete)} ms (${ratio(p.complete, f.complete)})`, p.complete <= 0.3 * f.complete);
    check(size, 'heap', `≤ 0.5× FlexSearch ${mb(f.heap * 1e6)} MB`, `${mb(p.heap * 1e6)} MB (${ratio(p.heap, f.heap)})`, p.heap <= 0.5 * f.heap);
  }
  console.log('\nTargets (issue 16), PaperLens against FlexSearch in this run:\n');
  console.log(table(['size', 'figure', 'target', 'PaperLens', 'result'], checks));
  const misses = rows.filter((r) => r.system === 'PaperLens' && r.missed.length > 0);
  if (misses.length > 0) console.log(`\nPaperLens misses:\n${misses.map((r) => r.missed.map((m) => `  ${r.size} ${m}`).join('\n')).join('\n')}`);
  console.log(`\n${pass} PASS, ${fail} FAIL`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
