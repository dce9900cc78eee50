import type { FileReport } from '../../schema/corpus';
import type { Lexicon } from '../../schema/lexicon';
import { PaperSearch } from '../search/engine';
import { TechniqueMatcher } from '../techniques/matcher';
import { runNow, runSliced } from '../util/sliced';
import { readCatalog, readFacts, readLeads, readTechniques } from './chunks';
import { type DetailsReaders, PaperDetailsStore } from './details';
import { DataError } from './errors';
import { DATA_FILES, checkManifest } from './files';
import type { Manifest, PaperRecord } from './format';
import { readShard } from './indexShards';
import { type DataReader, type FileSource, type Loading, type SyncDataReader, asyncSource, readJson, syncSource } from './source';
import { DATA_VERSION } from './version';

export type { PaperRecord } from './format';

/**
 * Loading the shipped data, in two phases: until search is ready (the
 * manifest, the catalog's heads, the name index), then the rest (the
 * catalog's facts, the lexicon, the leads, the abstract index). Each phase is one generator of loading steps
 * (chunks.ts, indexShards.ts, source.ts), run at once for the CLI and in
 * slices for the extension by the one sliced-work driver (util/sliced.ts).
 */

/** The papers without their long texts (until `complete`, only their heads: id, title, short name, year), and the seed files they came from. */
export interface Catalog {
  papers: readonly PaperRecord[];
  files: readonly FileReport[];
  /**
   * Whether every paper's facts are in: false until the load has read them,
   * and for good if a facts file cannot be read (then the records are heads
   * only, and nothing may cite or show them in full).
   */
  factsLoaded: boolean;
}

/**
 * The loaded data. Search works as soon as it is returned; the technique
 * lexicon and matcher, the papers' leads and the abstract index follow
 * (`complete`), filling in these same objects.
 */
export interface PaperData {
  corpus: Catalog;
  /** Every paper by id. */
  papersById: ReadonlyMap<string, PaperRecord>;
  search: PaperSearch<PaperRecord>;
  /** Complete once `complete` has settled; empty before. */
  lexicon: Lexicon;
  /** Matches once `complete` has settled; finds nothing before. */
  techniques: TechniqueMatcher;
  /** Abstracts and raw texts, read on demand. */
  details: PaperDetailsStore;
  /**
   * Resolves once the catalog's facts (every paper's authors, sources,
   * dates, ids and citation key), the lexicon, the leads and the abstract
   * index are in. Rejects with a DataError if one of them cannot be loaded;
   * what loaded before it stays (the facts load first, the abstract index
   * last), and search keeps working. Anything that shows or cites more of a
   * paper than its title and year waits for it.
   */
  complete: Promise<void>;
}

/** What a load measured: for the log and the benchmark. */
export interface LoadStats {
  /** From the start of the load until search was ready. */
  readyMs: number;
  /** Until the lexicon, leads and abstract index were in. */
  completeMs: number;
  /** The longest stretch the load ran without giving the event loop a turn. */
  longestSliceMs: number;
  /** How many times it gave the event loop a turn. */
  yields: number;
}

/**
 * Stats to fill in, all zero.
 *
 * @example
 * const stats = emptyLoadStats(); await loadPaperData(reader, { stats }); stats.readyMs
 */
export function emptyLoadStats(): LoadStats {
  return { readyMs: 0, completeMs: 0, longestSliceMs: 0, yields: 0 };
}

export interface LoadOptions {
  /** Work this long at most before giving the event loop a turn (default 8 ms). */
  sliceMs?: number;
  /** Filled in as the load proceeds. */
  stats?: LoadStats;
}

/**
 * Loads the shipped data without blocking: the work is cut into slices of
 * a few milliseconds with a turn of the event loop between them, so the
 * extension host keeps answering while 100,000 papers load. Resolves when
 * search is ready (catalog and name index); the lexicon, the leads and
 * the abstract index follow in the background (`complete`). Every failure
 * is a DataError that names the file.
 *
 * @example
 * const data = await loadPaperData({ read: (name) => readTextFile(join(dataDir, name)) });
 * data.search.search('kv cache')[0]?.paper.title
 */
export async function loadPaperData(reader: DataReader, opts: LoadOptions = {}): Promise<PaperData> {
  const t0 = performance.now();
  const stats = opts.stats ?? emptyLoadStats();
  const slices = { sliceMs: opts.sliceMs ?? 8, stats };
  const files = asyncSource(reader);
  const ready = await runSliced(readyPhase(files, { async: reader }), slices);
  stats.readyMs = performance.now() - t0;
  const complete = runSliced(completePhase(files, ready), slices).then(() => {
    stats.completeMs = performance.now() - t0;
  });
  complete.catch(() => undefined);
  return { ...ready.data, complete };
}

/**
 * Loads the shipped data at once, for the command line and tests, where
 * nothing else is waiting.
 *
 * @example
 * const data = loadPaperDataSync({ readSync: (name) => readFileSync(join(dir, name), 'utf8') });
 */
export function loadPaperDataSync(reader: SyncDataReader): PaperData {
  const files = syncSource(reader);
  const ready = runNow(readyPhase(files, { sync: reader }));
  runNow(completePhase(files, ready));
  return { ...ready.data, complete: Promise.resolve() };
}

interface Ready {
  manifest: Manifest;
  data: Omit<PaperData, 'complete'>;
}

/** Until search is ready: the manifest, the catalog's heads and the name index. */
function* readyPhase<W>(files: FileSource<W>, readers: DetailsReaders): Loading<Ready, W> {
  const manifest = checkManifest(yield* readJson(files, DATA_FILES.manifest));
  files.prefetch([...manifest.catalog, manifest.searchNames]);
  const { papers, papersById } = yield* readCatalog(files, manifest);
  const names = yield* readShard(files, manifest.searchNames, manifest);
  let search: PaperSearch<PaperRecord>;
  try {
    search = PaperSearch.fromShards(papers, names);
  } catch (e) {
    throw new DataError(`${manifest.searchNames} cannot be used: ${(e as Error).message}`);
  }
  const lexicon: Lexicon = { version: DATA_VERSION, build: manifest.build, techniques: [] };
  const techniques = new TechniqueMatcher(lexicon);
  const details = new PaperDetailsStore(manifest, papers, readers);
  return { manifest, data: { corpus: { papers, files: manifest.files, factsLoaded: false }, papersById, search, lexicon, techniques, details } };
}

/** After search is ready: the catalog's facts, the lexicon and its matcher, the leads, then the abstract index. */
function* completePhase<W>(files: FileSource<W>, { manifest, data }: Ready): Loading<void, W> {
  files.prefetch([...manifest.facts, ...manifest.techniques, ...manifest.leads, manifest.searchAbstracts]);
  const papers = data.corpus.papers;
  yield* readFacts(files, manifest, papers);
  data.corpus.factsLoaded = true;
  yield* readTechniques(files, manifest, papers, data.lexicon, data.techniques);
  yield* readLeads(files, manifest, papers);
  data.search.addAbstracts(yield* readShard(files, manifest.searchAbstracts, manifest));
  yield* data.search.indexTitles();
}
