/**
 * `npm run bench:designs`: the designs PaperLens's index was chosen over
 * (docs/performance.md, "Where MiniSearch as it comes breaks"), measured
 * on the same corpora as `npm run bench` (run that first; it builds
 * bench/.generated/). `npm run bench:alternatives` measures PaperLens
 * against other search libraries as their users configure them.
 *
 * - MiniSearch as PaperLens used it before: every field in one index,
 *   saved with toJSON and loaded with loadJSON (or loadJSONAsync), the
 *   whole corpus parsed and validated with zod, search() then re-ranking;
 * - the same index without the abstracts (what the issue measured for
 *   "title and authors only");
 * - how many abstract terms to keep per paper: relevance on the real
 *   corpus (npm run eval's queries) and postings kept.
 *
 *   npm run bench:designs                      real and 10k
 *   npm run bench:designs -- --sizes real,100k
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { type Corpus, CorpusSchema, type Paper } from '../src/schema/corpus';
import { titleKey } from '../src/core/corpus/titles';
import { loadPaperDataSync } from '../src/core/data/load';
import { buildSearch, buildShards } from '../src/build/search/buildShards';
import { queryTerms } from '../src/core/search/engine';
import { type IndexedPaper, NAME_FIELDS, SEARCH_OPTIONS, toIndexedPaper, toQuery } from '../src/core/search/options';
import { buildLexicon } from '../src/build/lexicon/buildLexicon';
import { TechniqueMatcher } from '../src/core/techniques/matcher';
import { techniqueNamesByPaper } from '../src/core/techniques/papers';
import { LexiconSchema } from '../src/schema/lexicon';
import { figures, runSearchEval } from '../test/eval/searchEval';
import { rerank } from '../test/support/rerank';
import { itemMedians, mb, ms, summarize, table } from './stats';
import { syntheticCorpus } from './synthetic';
import { gc, heapNow, realCorpus, typingTrace } from './workload';

const REPO = join(__dirname, '..');
const SEEDS = join(REPO, 'seeds');
const GENERATED = join(__dirname, '.generated');
const SIZES: Record<string, number | undefined> = { real: undefined, '1k': 1_000, '10k': 10_000, '100k': 100_000 };


interface Row {
  size: string;
  design: string;
  loadMs: number;
  blockMs: number;
  heapMB: number;
  indexMB: number;
  p50: number;
  p95: number;
}

/** The pre-shard engine: MiniSearch's search(), then the same re-ranking, over every match. */
function stockSearch(ms: MiniSearch<IndexedPaper>, byId: Map<string, Paper>, q: string): string[] {
  const terms = queryTerms(q);
  if (terms.length === 0) return [];
  const set = new Set(terms);
  const key = titleKey(q);
  return ms
    .search(toQuery(terms))
    .map((r) => ({ id: r.id as string, score: rerank(r.score, r.queryTerms.length, byId.get(r.id) as Paper, terms, set, key) }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 40)
    .map((h) => h.id);
}

async function stockDesign(size: string, design: string, corpus: Corpus, lexiconJson: string, fields: readonly string[]): Promise<Row> {
  const names = techniqueNamesByPaper(LexiconSchema.parse(JSON.parse(lexiconJson)));
  const options = { ...SEARCH_OPTIONS, fields: [...fields] };
  const built = new MiniSearch<IndexedPaper>(options);
  built.addAll(corpus.papers.map((p) => toIndexedPaper(p, names.get(p.id) ?? [])));
  const indexJson = JSON.stringify(built);
  const corpusJson = JSON.stringify(corpus);
  const runs = corpus.papers.length > 50_000 ? 2 : 3;
  const load = (): { ms: MiniSearch<IndexedPaper>; corpus: Corpus; matcher: TechniqueMatcher } => {
    const c = CorpusSchema.parse(JSON.parse(corpusJson));
    return { ms: MiniSearch.loadJSON<IndexedPaper>(indexJson, options), corpus: c, matcher: new TechniqueMatcher(LexiconSchema.parse(JSON.parse(lexiconJson))) };
  };
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    load();
    times.push(performance.now() - t0);
  }
  gc();
  const h0 = heapNow();
  const loaded = load();
  gc();
  const heapMB = (heapNow() - h0) / 1e6;
  // loadJSONAsync: how long it still blocks at once.
  const monitor = monitorEventLoopDelay({ resolution: 1 });
  monitor.enable();
  await MiniSearch.loadJSONAsync<IndexedPaper>(indexJson, options);
  monitor.disable();
  const byId = new Map(loaded.corpus.papers.map((p) => [p.id, p]));
  const trace = typingTrace(loaded.corpus.papers).keystrokes;
  const keyRuns = Array.from({ length: runs }, () =>
    trace.map((q) => {
      const t0 = performance.now();
      stockSearch(loaded.ms, byId, q);
      return performance.now() - t0;
    }),
  );
  const keys = summarize(itemMedians(keyRuns));
  return { size, design, loadMs: summarize(times).median, blockMs: monitor.max / 1e6, heapMB, indexMB: indexJson.length / 1e6, p50: keys.median, p95: keys.p95 };
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--sizes');
  const sizes = (arg >= 0 ? (process.argv[arg + 1] ?? '') : 'real,10k').split(',').filter((s) => s in SIZES);
  const real = realCorpus(SEEDS);
  const rows: Row[] = [];
  for (const size of sizes) {
    const n = SIZES[size];
    const corpus = n === undefined ? real : syntheticCorpus(real, n);
    // The lexicon as npm run bench built it (building one for 100,000 papers takes minutes).
    const dir = join(GENERATED, size);
    let lexiconJson: string;
    try {
      const data = loadPaperDataSync({ readSync: (name) => readFileSync(join(dir, name), 'utf8') });
      lexiconJson = JSON.stringify({ version: data.lexicon.version, techniques: data.lexicon.techniques });
    } catch {
      if (n !== undefined) throw new Error(`no bench/.generated/${size}: run npm run bench -- --sizes ${size} first`);
      lexiconJson = JSON.stringify(buildLexicon(real.papers));
    }
    for (const [design, fields] of [
      ['MiniSearch, every field (before)', SEARCH_OPTIONS.fields],
      ['MiniSearch, short fields only', NAME_FIELDS],
    ] as const) {
      rows.push(await stockDesign(size, design, corpus, lexiconJson, fields));
      console.log(`  ${size}: ${design} measured`);
    }
  }
  console.log('\nMiniSearch as it comes: load (corpus parsed and validated, index loadJSON), heap, keystrokes (search() and re-ranking).\n');
  console.log(
    table(
      ['size', 'design', 'index MB', 'load ms', 'loadJSONAsync block ms', 'heap MB', 'keystroke p50 ms', 'p95 ms'],
      rows.map((r) => [r.size, r.design, mb(r.indexMB * 1e6), ms(r.loadMs), ms(r.blockMs), mb(r.heapMB * 1e6), ms(r.p50), ms(r.p95)]),
    ),
  );

  // How many abstract terms to keep.
  const names = techniqueNamesByPaper(buildLexicon(real.papers));
  const techniquesOf = (p: Paper): string[] => names.get(p.id) ?? [];
  const tenK = sizes.includes('10k') ? syntheticCorpus(real, 10_000).papers : undefined;
  const keep = [8, 16, 24, 32, 64, null] as const;
  console.log('\nAbstract terms kept per paper: relevance on the real corpus (npm run eval), postings kept.\n');
  console.log(
    table(
      ['kept per paper', 'hit@1', 'hit@5', 'MRR', 'real postings', ...(tenK ? ['10k postings'] : [])],
      keep.map((k) => {
        const salient = k === null ? null : { perDocument: k };
        const f = figures(runSearchEval(buildSearch(real.papers, techniquesOf, salient)));
        const postings = (papers: readonly Paper[]): string => String(buildShards(papers, () => [], salient).abstracts.postingCount);
        return [k === null ? 'all' : String(k), f.hit1.toFixed(3), f.hit5.toFixed(3), f.mrr.toFixed(3), postings(real.papers), ...(tenK ? [postings(tenK)] : [])];
      }),
    ),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
