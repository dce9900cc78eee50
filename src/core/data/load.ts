import { z } from 'zod';
import { type Corpus, CorpusSchema, DATA_VERSION } from '../corpus/schema';
import { PaperSearch } from '../search/engine';
import { DATA_FILES } from './files';

/** The shipped data is missing, corrupt, or from another version. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

export interface PaperData {
  corpus: Corpus;
  search: PaperSearch;
}

export interface RawData {
  corpus: string;
  searchIndex: string;
}

/**
 * Parses and validates the shipped corpus and index. Every failure becomes a
 * DataError that names the file and says what is wrong in plain words.
 */
export function loadData(raw: RawData): PaperData {
  const json = parseJson(DATA_FILES.corpus, raw.corpus);
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== DATA_VERSION) {
    throw new DataError(
      `${DATA_FILES.corpus} has data version ${JSON.stringify(version)}, this PaperLens reads version ${DATA_VERSION}; rebuild with "npm run build"`,
    );
  }
  const parsed = CorpusSchema.safeParse(json);
  if (!parsed.success) {
    throw new DataError(`${DATA_FILES.corpus} is not a valid corpus: ${z.prettifyError(parsed.error).split('\n').slice(0, 4).join(' ')}`);
  }
  let search: PaperSearch;
  try {
    search = PaperSearch.load(raw.searchIndex, parsed.data.papers);
  } catch (e) {
    throw new DataError(`${DATA_FILES.searchIndex} cannot be loaded: ${(e as Error).message}`);
  }
  return { corpus: parsed.data, search };
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError(`${name} is not valid JSON (${(e as Error).message}); the file is corrupt, rebuild with "npm run build"`);
  }
}
