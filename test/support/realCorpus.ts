import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../../src/build/buildData';
import { buildCorpus } from '../../src/build/corpus/buildCorpus';
import type { Corpus } from '../../src/schema/corpus';
import { decodeSeed } from '../../src/build/seeds/lines';
import { type ParsedSeedFile, parseSeedFile } from '../../src/build/seeds/parseSeedFile';
import { type DataFile, encodeData } from '../../src/build/data/encode';
import { type PaperData, loadPaperDataSync } from '../../src/core/data/load';
import { buildSearch } from '../../src/build/search/buildShards';
import type { PaperSearch } from '../../src/core/search/engine';
import { buildLexicon } from '../../src/build/lexicon/buildLexicon';
import { TechniqueMatcher } from '../../src/core/techniques/matcher';
import { techniqueNamesByPaper } from '../../src/core/techniques/papers';
import type { Lexicon } from '../../src/schema/lexicon';

export const REPO = join(__dirname, '..', '..');
export const SEED_DIR = join(REPO, 'seeds');

let parsed: ParsedSeedFile[] | undefined;
let corpus: Corpus | undefined;
let seedsOnly: Corpus | undefined;
let search: PaperSearch | undefined;
let lexicon: Lexicon | undefined;
let matcher: TechniqueMatcher | undefined;
let files: DataFile[] | undefined;
let data: PaperData | undefined;

/** The real seeds, parsed once per test run. */
export function realParsed(): ParsedSeedFile[] {
  return (parsed ??= readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseSeedFile(f, decodeSeed(readFileSync(join(SEED_DIR, f)), f))));
}

/** The real seeds alone, merged into papers, before metadata/papers.jsonl: what the listings say. */
export function seedCorpus(): Corpus {
  return (seedsOnly ??= buildCorpus(realParsed()));
}

/** The real corpus as the build makes it: the seeds, with metadata/papers.jsonl merged in. */
export function realCorpus(): Corpus {
  return (corpus ??= readCorpus(SEED_DIR).corpus);
}

export function realLexicon(): Lexicon {
  return (lexicon ??= buildLexicon(realCorpus().papers));
}

/** The index as the build makes it, with each paper's technique names. */
export function realSearch(): PaperSearch {
  const names = techniqueNamesByPaper(realLexicon());
  return (search ??= buildSearch(realCorpus().papers, (p) => names.get(p.id) ?? []));
}

export function realMatcher(): TechniqueMatcher {
  return (matcher ??= new TechniqueMatcher(realLexicon()));
}

/** The data files the build writes for the real corpus, made in memory. */
export function realDataFiles(): DataFile[] {
  return (files ??= encodeData(realCorpus(), realLexicon()));
}

/** A reader over data files held in memory, as the loaders take them. */
export function memoryReader(fs: readonly DataFile[]): { readSync(name: string): string; read(name: string): Promise<string> } {
  const byName = new Map(fs.map((f) => [f.name, f.text]));
  const readSync = (name: string): string => {
    const text = byName.get(name);
    if (text === undefined) throw new Error(`no file ${name}`);
    return text;
  };
  return { readSync, read: async (name) => readSync(name) };
}

/** Everything the CLI and the extension load: the real data files, encoded and loaded in memory. */
export function realData(): PaperData {
  return (data ??= loadPaperDataSync(memoryReader(realDataFiles())));
}

export function paperById(id: string) {
  const p = realCorpus().papers.find((x) => x.id === id);
  if (!p) throw new Error(`no paper ${id}`);
  return p;
}
