import { DataError, asDataError } from './errors';
import { parseJson, verifyChecksum } from './files';
import type { Manifest } from './format';

/**
 * Where the loader's files come from, in the shape the one sliced-work
 * driver (runNow, runSliced in util/sliced.ts) runs: the loading steps are generators that pause
 * by yielding nothing and, reading from an asynchronous reader, wait for a
 * file by yielding a promise (`W`). Read from a synchronous reader, they
 * never wait (`W` is never), and runNow runs them; from an asynchronous one,
 * runSliced runs them a few milliseconds at a time.
 */

/** Reads a data file by name, asynchronously (the extension, a web worker). */
export interface DataReader {
  read(name: string): Promise<string>;
}

/** Reads a data file by name, synchronously (the CLI, tests). */
export interface SyncDataReader {
  readSync(name: string): string;
}

/** A step of loading that returns a T: it pauses (yields nothing) and waits (yields a W). */
export type Loading<T, W> = Generator<W | void, T, void>;

/** The data files as the loading steps read them. */
export interface FileSource<W> {
  /** Starts reading these files, ahead of need. */
  prefetch(names: readonly string[]): void;
  /** A file's text as the reader gave it; throws what the reader threw. */
  read(name: string): Loading<unknown, W>;
}

/** A read under way: settled once the reader's promise has, either way. */
interface PendingRead {
  settled: boolean;
  /** Resolves (never rejects) once the read has settled. */
  done: Promise<void>;
  outcome?: { text: unknown } | { error: unknown };
}

/**
 * The files from an asynchronous reader. Reads start as soon as their names
 * are known; a read that has already finished continues the slice, and one
 * still under way is waited for.
 *
 * @example
 * const files = asyncSource({ read: (name) => readTextFile(join(dataDir, name)) });
 * const manifest = await runSliced(readJson(files, 'manifest.json'));
 */
export function asyncSource(reader: DataReader): FileSource<Promise<void>> {
  const reads = new Map<string, PendingRead>();
  const start = (name: string): PendingRead => {
    let r = reads.get(name);
    if (!r) {
      const read: PendingRead = { settled: false, done: Promise.resolve() };
      read.done = reader.read(name).then(
        (text) => {
          read.outcome = { text };
          read.settled = true;
        },
        (error: unknown) => {
          read.outcome = { error };
          read.settled = true;
        },
      );
      reads.set(name, (r = read));
    }
    return r;
  };
  return {
    prefetch: (names) => names.forEach((name) => start(name)),
    *read(name) {
      const r = start(name);
      if (!r.settled) yield r.done;
      reads.delete(name);
      const outcome = r.outcome as { text: unknown } | { error: unknown };
      if ('error' in outcome) throw outcome.error;
      return outcome.text;
    },
  };
}

/**
 * The files from a synchronous reader: nothing to read ahead, nothing to wait for.
 *
 * @example
 * const files = syncSource({ readSync: (name) => readFileSync(join(dir, name), 'utf8') });
 * const manifest = runNow(readJson(files, 'manifest.json'));
 */
export function syncSource(reader: SyncDataReader): FileSource<never> {
  return {
    prefetch: () => undefined,
    *read(name) {
      return reader.readSync(name);
    },
  };
}

/**
 * Reads a file and parses it as JSON, naming the file in any error. Every
 * file but the manifest must match its checksum in the manifest first.
 *
 * @example
 * const chunk = yield* readJson(files, 'papers-000.json', manifest);
 */
export function* readJson<W>(files: FileSource<W>, name: string, manifest?: Manifest): Loading<unknown, W> {
  let text: unknown;
  try {
    text = yield* files.read(name);
  } catch (e) {
    throw asDataError(e, name);
  }
  if (typeof text !== 'string') throw new DataError(`${name} could not be read`);
  if (manifest) verifyChecksum(name, text, manifest);
  return parseJson(name, text);
}
