import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../core/data/errors';
import { type PaperData, loadPaperDataSync } from '../core/data/load';
import { BUILD_FIRST } from '../core/corpus/remedies';

/** The data folder next to the bundled CLI (dist/data), or $PAPERLENS_DATA_DIR. */
export function dataDir(): string {
  return process.env['PAPERLENS_DATA_DIR'] ?? join(__dirname, 'data');
}

/**
 * The shipped data, loaded at once: a command line has nothing else to do
 * meanwhile. Abstracts are read from their files when a command needs them.
 *
 * @example
 * loadNodeData('dist/data').search.search('kv cache')
 */
export function loadNodeData(dir = dataDir()): PaperData {
  return loadPaperDataSync({
    readSync: (name) => {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        throw new DataError(`${join(dir, name)} is missing; ${BUILD_FIRST}`);
      }
    },
  });
}
