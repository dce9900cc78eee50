import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES } from '../core/data/files';
import { DataError, type PaperData, loadData } from '../core/data/load';

/** The data folder next to the bundled CLI (dist/data), or $PAPERLENS_DATA_DIR. */
export function dataDir(): string {
  return process.env['PAPERLENS_DATA_DIR'] ?? join(__dirname, 'data');
}

export function loadNodeData(dir = dataDir()): PaperData {
  const read = (name: string): string => {
    try {
      return readFileSync(join(dir, name), 'utf8');
    } catch {
      throw new DataError(`${join(dir, name)} is missing; run "npm run build" first`);
    }
  };
  return loadData({ corpus: read(DATA_FILES.corpus), searchIndex: read(DATA_FILES.searchIndex), techniques: read(DATA_FILES.techniques) });
}
