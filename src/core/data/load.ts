import type { FileReport, Paper } from '../../schema/corpus';
import { DATA_VERSION } from './version';
import { PaperSearch } from '../search/engine';
import { type IndexShard, ShardDecoder } from '../search/shard';
import { TechniqueMatcher } from '../techniques/matcher';
import type { Lexicon, Technique } from '../../schema/lexicon';
import { fnv1a } from '../util/hash';
import { DATA_FILES } from './files';
import { type CatalogChunk, DETAILS_CHUNK, type DetailsChunk, type LeadsChunk, type Manifest, type PaperRecord, type TechniquesChunk, manifestCheck } from './format';
import { decodePaper } from './catalogCodec';
import { fullPaper } from './detailsCodec';
import { FormatError } from './fieldChecks';
import { decodeTechnique } from './techniqueCodec';

export type { PaperRecord } from './format';

/** The shipped data is missing, corrupt, or from another version. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

/** The papers without their long texts, and the seed files they came from. */
export interface Catalog {
  papers: readonly PaperRecord[];
  files: readonly FileReport[];
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
   * Resolves once the lexicon, the leads and the abstract index are in.
   * Rejects with a DataError if one of them cannot be loaded; what loaded
   * before it stays (the lexicon loads first, the abstract index last), and
   * search keeps working.
   */
  complete: Promise<void>;
}

/** Reads a data file by name, asynchronously (the extension, a web worker). */
export interface DataReader {
  read(name: string): Promise<string>;
}

/** Reads a data file by name, synchronously (the CLI, tests). */
export interface SyncDataReader {
  readSync(name: string): string;
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

/** A step of a load: read a file, start reading files ahead, or a point where it may pause. */
type Step = { read: string } | { prefetch: string[] } | undefined;
type Loader<T> = Generator<Step, T, string | undefined>;

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
  const clock = new SliceClock(opts.sliceMs ?? 8, opts.stats);
  // Reads start as soon as their names are known; a read that has already
  // finished continues the slice (awaiting it is a microtask, not a turn).
  const prefetched = new Map<string, { promise: Promise<string>; settled: boolean }>();
  const readAhead = (name: string): { promise: Promise<string>; settled: boolean } => {
    let r = prefetched.get(name);
    if (!r) {
      const entry = { promise: reader.read(name), settled: false };
      entry.promise.then(
        () => (entry.settled = true),
        () => (entry.settled = true),
      );
      prefetched.set(name, (r = entry));
    }
    return r;
  };
  const drive = async <T>(gen: Loader<T>): Promise<T> => {
    let input: { value?: string; error?: unknown } = {};
    for (;;) {
      const step = input.error !== undefined ? gen.throw(input.error) : gen.next(input.value);
      input = {};
      if (step.done) return step.value;
      const s = step.value;
      if (s === undefined) await clock.pause();
      else if ('prefetch' in s) s.prefetch.forEach(readAhead);
      else {
        const r = readAhead(s.read);
        const waits = !r.settled;
        if (waits) clock.stop();
        try {
          input = { value: await r.promise };
        } catch (e) {
          input = { error: e };
        }
        prefetched.delete(s.read);
        if (waits) clock.start();
      }
    }
  };
  clock.start();
  const ready = await drive(readyPhase(new DetailsReaders(reader, undefined)));
  clock.ready();
  const complete = drive(completePhase(ready)).then(() => clock.complete());
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
  const drive = <T>(gen: Loader<T>): T => {
    let input: { value?: string; error?: unknown } = {};
    for (;;) {
      const step = input.error !== undefined ? gen.throw(input.error) : gen.next(input.value);
      input = {};
      if (step.done) return step.value;
      const s = step.value;
      if (s !== undefined && 'read' in s) {
        try {
          input = { value: reader.readSync(s.read) };
        } catch (e) {
          input = { error: e };
        }
      }
    }
  };
  const ready = drive(readyPhase(new DetailsReaders(undefined, reader)));
  drive(completePhase(ready));
  return { ...ready.data, complete: Promise.resolve() };
}

/** Times slices of work and gives the event loop a turn when one runs long. */
class SliceClock {
  private readonly t0 = performance.now();
  private sliceStart = 0;
  private readonly stats: LoadStats;

  constructor(
    private readonly sliceMs: number,
    stats: LoadStats | undefined,
  ) {
    this.stats = stats ?? emptyLoadStats();
  }

  start(): void {
    this.sliceStart = performance.now();
  }

  stop(): void {
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, performance.now() - this.sliceStart);
  }

  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    this.stop();
    this.stats.yields++;
    await turn();
    this.start();
  }

  ready(): void {
    this.stop();
    this.stats.readyMs = performance.now() - this.t0;
    this.start();
  }

  complete(): void {
    this.stop();
    this.stats.completeMs = performance.now() - this.t0;
  }
}

/**
 * Lets the event loop run what is waiting (I/O, messages, timers), then
 * resumes: setImmediate where there is one (Node, the extension host), a
 * zero timeout elsewhere (browsers and web workers clamp it to a few ms).
 */
function turn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  return new Promise<void>((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * Reads a file and parses it as JSON, naming the file in any error. Every
 * file but the manifest must match its checksum in the manifest first.
 */
function* readJson(name: string, manifest?: Manifest): Loader<unknown> {
  let text: string | undefined;
  try {
    text = yield { read: name };
  } catch (e) {
    throw asDataError(e, name);
  }
  if (typeof text !== 'string') throw new DataError(`${name} could not be read`);
  if (manifest) verifyChecksum(name, text, manifest);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new DataError(`${name} is not valid JSON (${(e as Error).message}); the file is corrupt, rebuild with "npm run build"`);
  }
}

interface Ready {
  manifest: Manifest;
  data: Omit<PaperData, 'complete'>;
}

function* readyPhase(readers: DetailsReaders): Loader<Ready> {
  const manifest = checkManifest(yield* readJson(DATA_FILES.manifest));
  yield { prefetch: [...manifest.catalog, manifest.searchNames] };

  const papers: PaperRecord[] = [];
  for (const name of manifest.catalog) {
    const chunk = (yield* readJson(name, manifest)) as Partial<CatalogChunk> | null;
    if (chunk?.kind !== 'paperlens-papers' || !Array.isArray(chunk.papers) || chunk.first !== papers.length) {
      throw new DataError(`${name} is not a PaperLens catalog file; rebuild with "npm run build"`);
    }
    sameBuild(name, chunk.build, manifest);
    yield;
    for (let i = 0; i < chunk.papers.length; i++) {
      try {
        papers.push(decodePaper(chunk.papers[i], manifest.sourceFiles));
      } catch (e) {
        throw new DataError(`${name}: paper ${chunk.first + i} is malformed (${(e as Error).message}); rebuild with "npm run build"`);
      }
      if (i % 500 === 499) yield;
    }
  }
  if (papers.length !== manifest.paperCount) {
    throw new DataError(`the catalog holds ${papers.length} papers but ${DATA_FILES.manifest} says ${manifest.paperCount}; rebuild with "npm run build"`);
  }
  const papersById = new Map<string, PaperRecord>();
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i] as PaperRecord;
    if (papersById.has(p.id)) throw new DataError(`the catalog lists paper "${p.id}" twice; rebuild with "npm run build"`);
    papersById.set(p.id, p);
    if (i % 5000 === 4999) yield;
  }

  const names = yield* readShard(manifest.searchNames, manifest);
  let search: PaperSearch<PaperRecord>;
  try {
    search = PaperSearch.fromShards(papers, names);
  } catch (e) {
    throw new DataError(`${manifest.searchNames} cannot be used: ${(e as Error).message}`);
  }
  const lexicon: Lexicon = { version: DATA_VERSION, build: manifest.build, techniques: [] };
  const techniques = new TechniqueMatcher(lexicon);
  const details = new PaperDetailsStore(manifest, papers, readers);
  return { manifest, data: { corpus: { papers, files: manifest.files }, papersById, search, lexicon, techniques, details } };
}

/** After search is ready: the lexicon and its matcher, the leads, then the abstract index. */
function* completePhase({ manifest, data }: Ready): Loader<void> {
  yield { prefetch: [...manifest.techniques, ...manifest.leads, manifest.searchAbstracts] };
  const papers = data.corpus.papers;
  for (const name of manifest.techniques) {
    const chunk = (yield* readJson(name, manifest)) as Partial<TechniquesChunk> | null;
    if (chunk?.kind !== 'paperlens-techniques' || chunk.version !== DATA_VERSION || !Array.isArray(chunk.techniques) || chunk.first !== data.lexicon.techniques.length) {
      throw new DataError(`${name} is not a PaperLens technique file of version ${DATA_VERSION}; rebuild with "npm run build"`);
    }
    sameBuild(name, chunk.build, manifest);
    yield;
    for (let i = 0; i < chunk.techniques.length; i++) {
      let t: Technique;
      try {
        t = decodeTechnique(chunk.techniques[i], papers);
      } catch (e) {
        throw new DataError(`${name}: ${(e as Error).message}; rebuild with "npm run build"`);
      }
      data.lexicon.techniques.push(t);
      data.techniques.add(t);
      if (i % 250 === 249) yield;
    }
  }
  for (const name of manifest.leads) {
    const chunk = (yield* readJson(name, manifest)) as Partial<LeadsChunk> | null;
    const first = chunk?.first ?? -1;
    if (chunk?.kind !== 'paperlens-leads' || !Array.isArray(chunk.leads) || first < 0 || first + chunk.leads.length > papers.length) {
      throw new DataError(`${name} is not a PaperLens leads file; rebuild with "npm run build"`);
    }
    sameBuild(name, chunk.build, manifest);
    chunk.leads.forEach((lead, i) => {
      if (typeof lead !== 'string') throw new DataError(`${name}: the lead of paper ${first + i} is not text; rebuild with "npm run build"`);
      (papers[first + i] as PaperRecord).lead = lead;
    });
    yield;
  }
  data.search.addAbstracts(yield* readShard(manifest.searchAbstracts, manifest));
}

function* readShard(name: string, manifest: Manifest): Loader<IndexShard> {
  const header = (yield* readJson(name, manifest)) as { build?: unknown } | null;
  sameBuild(name, header?.build, manifest);
  const wrap = (file: string, e: unknown): DataError => new DataError(`${file} cannot be loaded: ${(e as Error).message}; rebuild with "npm run build"`);
  let decoder: ShardDecoder;
  try {
    decoder = new ShardDecoder(header);
  } catch (e) {
    throw wrap(name, e);
  }
  const parts = decoder.partFiles;
  yield { prefetch: parts };
  try {
    yield* decoder.lengths();
  } catch (e) {
    throw wrap(name, e);
  }
  for (const file of parts) {
    const part = (yield* readJson(file, manifest)) as { build?: unknown } | null;
    sameBuild(file, part?.build, manifest);
    yield;
    try {
      yield* decoder.part(part);
    } catch (e) {
      throw wrap(file, e);
    }
  }
  try {
    return yield* decoder.finish();
  } catch (e) {
    throw wrap(name, e);
  }
}

/** A damaged data file: its text does not hash to the checksum the manifest lists for it. */
function verifyChecksum(name: string, text: string, manifest: Manifest): void {
  const expected = manifest.checksums[name];
  if (expected === undefined) throw new DataError(`${name} is not listed in ${DATA_FILES.manifest}; rebuild with "npm run build"`);
  if (fnv1a(text) !== expected) throw new DataError(`${name} is damaged (its checksum does not match ${DATA_FILES.manifest}); rebuild with "npm run build"`);
}

function checkManifest(json: unknown): Manifest {
  const m = json as Partial<Manifest> | null;
  if (m?.kind !== 'paperlens-data') throw new DataError(`${DATA_FILES.manifest} is not a PaperLens data manifest; rebuild with "npm run build"`);
  if (m.version !== DATA_VERSION) {
    throw new DataError(`${DATA_FILES.manifest} has data version ${JSON.stringify(m.version)}, this PaperLens reads version ${DATA_VERSION}; rebuild with "npm run build"`);
  }
  if (typeof m.check !== 'string' || manifestCheck(m) !== m.check) {
    throw new DataError(`${DATA_FILES.manifest} is damaged (its checksum does not match its content); rebuild with "npm run build"`);
  }
  if (typeof m.checksums !== 'object' || m.checksums === null || !Object.values(m.checksums).every((c) => typeof c === 'string')) {
    throw new DataError(`${DATA_FILES.manifest} is incomplete; rebuild with "npm run build"`);
  }
  const names = [m.searchNames, m.searchAbstracts];
  if (
    typeof m.build !== 'string' ||
    !Number.isInteger(m.paperCount) ||
    !Array.isArray(m.catalog) ||
    !Array.isArray(m.leads) ||
    !Array.isArray(m.details) ||
    !Array.isArray(m.techniques) ||
    !names.every((n) => typeof n === 'string') ||
    !Array.isArray(m.sourceFiles) ||
    !Array.isArray(m.files)
  ) {
    throw new DataError(`${DATA_FILES.manifest} is incomplete; rebuild with "npm run build"`);
  }
  return m as Manifest;
}

function sameBuild(name: string, build: unknown, manifest: Manifest): void {
  if (build !== manifest.build) throw new DataError(`${name} is from another build than ${DATA_FILES.manifest}; rebuild with "npm run build"`);
}

/** The readers the details store may use: async in the extension, sync in the CLI. */
class DetailsReaders {
  constructor(
    readonly async: DataReader | undefined,
    readonly sync: SyncDataReader | undefined,
  ) {}
}

/**
 * Abstracts and raw texts, read from the details files when asked for and
 * kept for the few files last read.
 */
export class PaperDetailsStore {
  private readonly indexOf = new Map<string, number>();
  private readonly chunks = new Map<number, unknown[]>();
  private readonly pending = new Map<number, Promise<unknown[]>>();

  constructor(
    private readonly manifest: Manifest,
    private readonly papers: readonly PaperRecord[],
    private readonly readers: DetailsReaders,
  ) {}

  /**
   * The full paper, abstract and all; undefined for an unknown id. Rejects
   * with a DataError when its details file is missing or corrupt.
   *
   * @example
   * (await data.details.get('transmla-multi-head-latent-attention-is-all-you-need'))?.abstract
   */
  async get(id: string): Promise<Paper | undefined> {
    const i = this.index(id);
    if (i === undefined) return undefined;
    const c = Math.floor(i / DETAILS_CHUNK);
    let chunk = this.chunks.get(c);
    if (!chunk) {
      let p = this.pending.get(c);
      if (!p) {
        const reader = this.readers.async;
        const name = this.manifest.details[c] ?? '';
        p = reader
          ? reader.read(name).then(
              (text) => this.parse(name, c, text),
              (e: unknown) => {
                throw asDataError(e, name);
              },
            )
          : Promise.resolve().then(() => this.readSync(c));
        this.pending.set(c, p);
        p.finally(() => this.pending.delete(c)).catch(() => undefined);
      }
      chunk = await p;
    }
    return this.join(i, chunk);
  }

  /**
   * {@link get} for a synchronous reader (the CLI).
   *
   * @example
   * data.details.getSync(paper.id)?.abstract
   */
  getSync(id: string): Paper | undefined {
    const i = this.index(id);
    if (i === undefined) return undefined;
    return this.join(i, this.readSync(Math.floor(i / DETAILS_CHUNK)));
  }

  private index(id: string): number | undefined {
    if (this.indexOf.size === 0) this.papers.forEach((p, i) => this.indexOf.set(p.id, i));
    return this.indexOf.get(id);
  }

  private readSync(c: number): unknown[] {
    const cached = this.chunks.get(c);
    if (cached) return cached;
    const reader = this.readers.sync;
    if (!reader) throw new Error('paper details need a synchronous reader here');
    const name = this.manifest.details[c] ?? '';
    let text: string;
    try {
      text = reader.readSync(name);
    } catch (e) {
      throw asDataError(e, name);
    }
    return this.parse(name, c, text);
  }

  private parse(name: string, c: number, text: string): unknown[] {
    verifyChecksum(name, text, this.manifest);
    let json: Partial<DetailsChunk> | null;
    try {
      json = JSON.parse(text) as Partial<DetailsChunk> | null;
    } catch (e) {
      throw new DataError(`${name} is not valid JSON (${(e as Error).message}); the file is corrupt, rebuild with "npm run build"`);
    }
    const expected = Math.min(DETAILS_CHUNK, this.papers.length - c * DETAILS_CHUNK);
    if (json?.kind !== 'paperlens-details' || json.first !== c * DETAILS_CHUNK || !Array.isArray(json.details) || json.details.length !== expected) {
      throw new DataError(`${name} is not the PaperLens details file it should be; rebuild with "npm run build"`);
    }
    sameBuild(name, json.build, this.manifest);
    if (this.chunks.size >= 8) this.chunks.delete(this.chunks.keys().next().value as number);
    this.chunks.set(c, json.details);
    return json.details;
  }

  private join(i: number, chunk: unknown[]): Paper {
    const name = this.manifest.details[Math.floor(i / DETAILS_CHUNK)] ?? '';
    try {
      return fullPaper(this.papers[i] as PaperRecord, chunk[i % DETAILS_CHUNK]);
    } catch (e) {
      if (e instanceof FormatError) throw new DataError(`${name}: paper ${i} is malformed (${e.message}); rebuild with "npm run build"`);
      throw e;
    }
  }
}

/** A reader's failure as a DataError: the reader's own DataError (which may name the path), or "missing". */
const asDataError = (e: unknown, name: string): DataError =>
  e instanceof DataError ? e : new DataError(`${name} is missing; rebuild with "npm run build" or reinstall PaperLens`);
