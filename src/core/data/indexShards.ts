import { type IndexShard, ShardDecoder } from '../search/shard';
import { DataError } from './errors';
import { sameBuild } from './files';
import type { Manifest } from './format';
import { type FileSource, type Loading, readJson } from './source';

/**
 * Reads a search index shard (`search-names.json`, `search-abstracts.json`):
 * its header, then its part files, which it starts reading at once, decoding
 * a few thousand entries between pauses. A bad file is a DataError that
 * names it.
 *
 * @example
 * const names = yield* readShard(files, manifest.searchNames, manifest);
 * PaperSearch.fromShards(papers, names);
 */
export function* readShard<W>(files: FileSource<W>, name: string, manifest: Manifest): Loading<IndexShard, W> {
  const header = (yield* readJson(files, name, manifest)) as { build?: unknown } | null;
  sameBuild(name, header?.build, manifest);
  const wrap = (file: string, e: unknown): DataError => new DataError(`${file} cannot be loaded: ${(e as Error).message}; rebuild with "npm run build"`);
  let decoder: ShardDecoder;
  try {
    decoder = new ShardDecoder(header);
  } catch (e) {
    throw wrap(name, e);
  }
  const parts = decoder.partFiles;
  files.prefetch(parts);
  try {
    yield* decoder.lengths();
  } catch (e) {
    throw wrap(name, e);
  }
  for (const file of parts) {
    const part = (yield* readJson(files, file, manifest)) as { build?: unknown } | null;
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
