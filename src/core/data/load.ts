import { z } from 'zod';
import { type Corpus, CorpusSchema, DATA_VERSION, type Paper } from '../corpus/schema';
import { PaperSearch } from '../search/engine';
import { TechniqueMatcher } from '../techniques/matcher';
import { type Lexicon, LexiconSchema } from '../techniques/schema';
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
  /** Every paper by id. */
  papersById: ReadonlyMap<string, Paper>;
  search: PaperSearch;
  lexicon: Lexicon;
  techniques: TechniqueMatcher;
}

export interface RawData {
  corpus: string;
  searchIndex: string;
  techniques: string;
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
  const lexicon = LexiconSchema.safeParse(parseJson(DATA_FILES.techniques, raw.techniques));
  if (!lexicon.success) {
    throw new DataError(`${DATA_FILES.techniques} is not a valid technique lexicon: ${z.prettifyError(lexicon.error).split('\n').slice(0, 4).join(' ')}`);
  }
  const ids = new Set(parsed.data.papers.map((p) => p.id));
  for (const t of lexicon.data.techniques) {
    const missing = t.papers.find((p) => !ids.has(p.id));
    if (missing) throw new DataError(`${DATA_FILES.techniques} names paper "${missing.id}" that the corpus does not have; rebuild with "npm run build"`);
  }
  return assemble(parsed.data, search, lexicon.data);
}

/** The loaded pieces, with the shared lookups built once. */
export function assemble(corpus: Corpus, search: PaperSearch, lexicon: Lexicon): PaperData {
  return {
    corpus,
    papersById: new Map(corpus.papers.map((p) => [p.id, p])),
    search,
    lexicon,
    techniques: new TechniqueMatcher(lexicon),
  };
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError(`${name} is not valid JSON (${(e as Error).message}); the file is corrupt, rebuild with "npm run build"`);
  }
}
