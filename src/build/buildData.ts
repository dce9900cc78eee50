/**
 * The corpus build step, run by esbuild.mjs before bundling: reads every seed
 * file, builds and validates the corpus and the search index, and writes them
 * to the data folder that ships with the extension and the CLI. Prints the
 * reconciliation table. A record it cannot read stops it with `file:line: reason`.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type MetadataReport, applyMetadata } from './metadata/apply';
import { MetadataError, parseMetadata, parseReleasedKeys } from './metadata/records';
import { buildCorpus } from './corpus/buildCorpus';
import { COVERAGE_LABELS, formatReconciliation } from '../core/corpus/report';
import type { Corpus } from '../schema/corpus';
import { type DataFile, encodeData } from './data/encode';
import { decodeSeed } from './seeds/lines';
import { parseSeedFile } from './seeds/parseSeedFile';
import { SeedParseError } from './seeds/types';
import { buildLexicon } from './lexicon/buildLexicon';
import type { Lexicon } from '../schema/lexicon';

export function buildData(seedDir: string, outDir: string): string {
  const { corpus, metadata } = readCorpus(seedDir);
  const report = formatReconciliation(corpus);
  const lexicon = buildLexicon(corpus.papers);
  writeData(corpus, lexicon, outDir);
  const kinds = lexicon.techniques.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.kind]: (acc[t.kind] ?? 0) + 1 }), {});
  const c = metadata?.coverage;
  const pct = (n: number): string => `${n} (${Math.round((100 * n) / (c?.papers ?? 1))}%)`;
  return `${report}\n\ntechnique lexicon: ${lexicon.techniques.length} techniques (${Object.entries(kinds)
    .map(([k, n]) => `${n} ${k}s`)
    .join(', ')})${
    c
      ? `\nmetadata: ${metadata.records} records; ${COVERAGE_LABELS.map(([k, label]) => `${label} ${pct(c[k])}`).join(', ')}, first-version date from arXiv ${pct(metadata.firstVersionDates)}; ${metadata.disagreements} disagreements recorded`
      : ''
  }`;
}

/**
 * The corpus the seed files make, with the metadata of `metadata/papers.jsonl`
 * (next to the seed folder) merged in when that file exists. Stops with a
 * SeedParseError or a MetadataError that names the file and line.
 *
 * @example
 * readCorpus('seeds').corpus.papers.length // => 397
 */
export function readCorpus(seedDir: string, metadataFile = join(dirname(seedDir), 'metadata', 'papers.jsonl')): { corpus: Corpus; metadata?: MetadataReport } {
  const seedFiles = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (seedFiles.length === 0) throw new Error(`no seed files (*.txt) in ${seedDir}`);
  const corpus = buildCorpus(seedFiles.map((f) => parseSeedFile(f, decodeSeed(readFileSync(join(seedDir, f)), f))));
  if (!existsSync(metadataFile)) return { corpus };
  const shown = (file: string): string => relative(process.cwd(), file) || file;
  const releasedFile = join(dirname(metadataFile), 'released-keys.json');
  const released = existsSync(releasedFile) ? parseReleasedKeys(readFileSync(releasedFile, 'utf8'), shown(releasedFile)) : new Map<string, string[]>();
  const { corpus: enriched, report } = applyMetadata(corpus, parseMetadata(readFileSync(metadataFile, 'utf8'), shown(metadataFile)), shown(metadataFile), released);
  return { corpus: enriched, metadata: report };
}

/**
 * Writes the data files of a built corpus and lexicon into `outDir`,
 * replacing what was there.
 *
 * @example
 * writeData(corpus, buildLexicon(corpus.papers), 'dist/data');
 */
export function writeData(corpus: Corpus, lexicon: Lexicon, outDir: string): DataFile[] {
  const files = encodeData(corpus, lexicon);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const f of files) writeFileSync(join(outDir, f.name), f.text);
  return files;
}

function main(): void {
  const [seedDir, outDir] = process.argv.slice(2);
  if (!seedDir || !outDir) {
    console.error('usage: build-data <seed dir> <out dir>');
    process.exit(2);
  }
  try {
    const t0 = performance.now();
    const report = buildData(seedDir, outDir);
    console.log(report);
    console.log(`\ncorpus and search index written to ${outDir} in ${Math.round(performance.now() - t0)} ms`);
  } catch (e) {
    if (e instanceof SeedParseError || e instanceof MetadataError) {
      console.error(`error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

if (require.main === module) main();
