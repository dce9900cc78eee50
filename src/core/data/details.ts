import type { Paper } from '../../schema/corpus';
import { fullPaper } from './detailsCodec';
import { DataError, asDataError } from './errors';
import { FormatError } from './fieldChecks';
import { parseJson, sameBuild, verifyChecksum } from './files';
import { DETAILS_CHUNK, type DetailsChunk, type Manifest, type PaperRecord } from './format';
import type { DataReader, SyncDataReader } from './source';

/** The readers the details store may use: async in the extension, sync in the CLI. */
export interface DetailsReaders {
  async?: DataReader;
  sync?: SyncDataReader;
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
    const json = parseJson(name, text) as Partial<DetailsChunk> | null;
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
