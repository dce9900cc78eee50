import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus } from '../../src/core/corpus/buildCorpus';
import type { Corpus } from '../../src/core/corpus/schema';
import { decodeSeed } from '../../src/core/seeds/lines';
import { type ParsedSeedFile, parseSeedFile } from '../../src/core/seeds/parseSeedFile';
import { PaperSearch } from '../../src/core/search/engine';

export const REPO = join(__dirname, '..', '..');
export const SEED_DIR = join(REPO, 'seeds');

let parsed: ParsedSeedFile[] | undefined;
let corpus: Corpus | undefined;
let search: PaperSearch | undefined;

/** The real seeds, parsed once per test run. */
export function realParsed(): ParsedSeedFile[] {
  return (parsed ??= readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseSeedFile(f, decodeSeed(readFileSync(join(SEED_DIR, f)), f))));
}

export function realCorpus(): Corpus {
  return (corpus ??= buildCorpus(realParsed()));
}

export function realSearch(): PaperSearch {
  return (search ??= PaperSearch.build(realCorpus().papers));
}

export function paperById(id: string) {
  const p = realCorpus().papers.find((x) => x.id === id);
  if (!p) throw new Error(`no paper ${id}`);
  return p;
}
