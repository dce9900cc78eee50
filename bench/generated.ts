/**
 * The data files of each benchmark size in bench/.generated/ (git-ignored):
 * built from the seeds for the real corpus, from bench/synthetic.ts for the
 * synthetic ones, and rebuilt only when what they are built from changes.
 * `npm run bench` and `npm run bench:alternatives` share them.
 * (Also rebuilt when the metadata changes: the synthetic corpora copy it.)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildData, writeData } from '../src/build/buildData';
import type { Corpus } from '../src/schema/corpus';
import { DATA_FILES } from '../src/core/data/files';
import { buildLexicon } from '../src/build/lexicon/buildLexicon';
import { fnv1a } from '../src/core/util/hash';
import { buildSync } from 'esbuild';
import type * as Load from '../src/core/data/load';
import { time } from './stats';
import { syntheticCorpus } from './synthetic';

export const REPO = join(__dirname, '..');
export const SEEDS = join(REPO, 'seeds');
export const GENERATED = join(__dirname, '.generated');
/** The generator's seed: the same corpora every run. */
export const SYNTHETIC_SEED = 20240611;

/** A benchmark size: its label, and its synthetic paper count (none for the real corpus). */
export interface SizeSpec {
  label: string;
  papers?: number;
  /** Builds measured. */
  builds: number;
}

/** Everything the data files were built from: a change to any of them invalidates cached builds. */
function sourceKey(size: SizeSpec): string {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  // The metadata too: the synthetic corpora copy the real papers' author lists and dates.
  const metadata = ['papers.jsonl', 'released-keys.json'].map((f) => join(REPO, 'metadata', f)).filter((f) => existsSync(f));
  const all = [join(__dirname, 'synthetic.ts'), ...files(join(REPO, 'src', 'core')), ...files(join(REPO, 'src', 'build')), ...readdirSync(SEEDS).map((f) => join(SEEDS, f)), ...metadata].sort();
  return `${size.label}-${SYNTHETIC_SEED}-${fnv1a(all.map((f) => `${relative(REPO, f)}\n${readFileSync(f, 'utf8')}`).join('\n'))}`;
}

export interface BuildRecord {
  key: string;
  date: string;
  build: number[];
  stringify: number[];
}

/**
 * Builds the data for a size into bench/.generated/<label>, timing it,
 * unless a build of the same sources is on disk (synthetic sizes; pass
 * `rebuild` to build again, `keep` to use the files on disk even if their
 * sources changed). Building 100,000 papers takes minutes; its
 * timing is kept with the files.
 */
export function buildSize(size: SizeSpec, real: Corpus, rebuild: boolean, keep = false): { record: BuildRecord; cached: boolean } {
  const out = join(GENERATED, size.label);
  const recordFile = join(GENERATED, `${size.label}.build.json`);
  const key = sourceKey(size);
  if (size.papers !== undefined && !rebuild && existsSync(recordFile)) {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as BuildRecord;
    // `keep`: the files on disk whatever changed since (a change to the search code leaves the data as it was).
    if ((record.key === key || keep) && existsSync(join(out, DATA_FILES.manifest))) return { record, cached: true };
  }
  const corpus = size.papers === undefined ? real : syntheticCorpus(real, size.papers, SYNTHETIC_SEED);
  const buildOnce = (): void => {
    if (size.papers === undefined) buildData(SEEDS, out);
    else writeData(corpus, buildLexicon(corpus.papers), out);
  };
  const record: BuildRecord = { key, date: new Date().toISOString().slice(0, 16).replace('T', ' '), build: time(buildOnce, size.builds, 0), stringify: time(() => JSON.stringify(corpus), size.builds, 0) };
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(recordFile, JSON.stringify(record));
  return { record, cached: false };
}

/**
 * PaperLens's loader and search as the extension runs them: bundled by
 * esbuild into one file, as dist/extension.js is, not the sources run
 * through tsx, whose module wrappers turn every call between files into a
 * property lookup, a cost the shipped code does not have. `npm run bench`
 * and `npm run bench:alternatives` time this bundle.
 */
export const CORE_BUNDLE = join(GENERATED, 'paperlens-load.cjs');

/** Bundles the loader (and with it search and the technique matcher) into {@link CORE_BUNDLE}. */
export function bundleCore(): void {
  mkdirSync(GENERATED, { recursive: true });
  buildSync({ entryPoints: [join(REPO, 'src', 'core', 'data', 'load.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: CORE_BUNDLE, logLevel: 'warning' });
}

/** The bundled loader ({@link bundleCore} must have run). */
export function bundledCore(): typeof Load {
  return require(CORE_BUNDLE) as typeof Load;
}
