import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCorpus } from '../../src/core/corpus/buildCorpus';
import type { Corpus } from '../../src/core/corpus/schema';
import { decodeSeed } from '../../src/core/seeds/lines';
import { type ParsedSeedFile, parseSeedFile } from '../../src/core/seeds/parseSeedFile';
import { type PaperData, assemble } from '../../src/core/data/load';
import { PaperSearch } from '../../src/core/search/engine';
import { buildLexicon } from '../../src/core/techniques/extract';
import { TechniqueMatcher } from '../../src/core/techniques/matcher';
import { techniqueNamesByPaper } from '../../src/core/techniques/papers';
import type { Lexicon } from '../../src/core/techniques/schema';

export const REPO = join(__dirname, '..', '..');
export const SEED_DIR = join(REPO, 'seeds');

let parsed: ParsedSeedFile[] | undefined;
let corpus: Corpus | undefined;
let search: PaperSearch | undefined;
let lexicon: Lexicon | undefined;
let matcher: TechniqueMatcher | undefined;
let data: PaperData | undefined;

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

export function realLexicon(): Lexicon {
  return (lexicon ??= buildLexicon(realCorpus().papers));
}

/** The index as the build makes it, with each paper's technique names. */
export function realSearch(): PaperSearch {
  const names = techniqueNamesByPaper(realLexicon());
  return (search ??= PaperSearch.build(realCorpus().papers, (p) => names.get(p.id) ?? []));
}

export function realMatcher(): TechniqueMatcher {
  return (matcher ??= new TechniqueMatcher(realLexicon()));
}

/** Everything the CLI and the extension load, built in memory from the seeds. */
export function realData(): PaperData {
  return (data ??= assemble(realCorpus(), realSearch(), realLexicon()));
}

export function paperById(id: string) {
  const p = realCorpus().papers.find((x) => x.id === id);
  if (!p) throw new Error(`no paper ${id}`);
  return p;
}
