import { fnv1a } from '../util/hash';
import { snippet } from '../corpus/display';
import type { FileReport, Paper, PaperMeta } from '../../schema/corpus';

/**
 * The shipped data files (of DATA_VERSION, version.ts). The corpus is split
 * so that search is ready after reading only what search and lists need:
 *
 * - `manifest.json`: the build id, the paper count, the list of chunk files
 *   and the seed-file reports.
 * - `papers-NNN.json`: the catalog's heads, {@link CATALOG_CHUNK} papers per
 *   file, each paper's id, title, short name and year: what search and the
 *   first lists need.
 * - `facts-NNN.json`: the rest of the catalog, in the same chunks: each
 *   paper's authors, sources, dates, ids, venue and citation key; read
 *   first after search is ready.
 * - `leads-NNN.json`: each paper's first sentence or so (`lead`), for lists
 *   and hovers, in the same chunks as the catalog; read after search is
 *   ready, with the lexicon and the abstract index.
 * - `search-names.json`, `search-abstracts.json`: the index shards, whose
 *   terms and postings are in part files of about a megabyte each.
 * - `techniques-NNN.json`: the technique lexicon, {@link TECHNIQUE_CHUNK}
 *   techniques per file, each listing its papers by catalog position.
 * - `details-NNN.json`: abstracts and raw texts, {@link DETAILS_CHUNK}
 *   papers per file, read when a paper's details or abstract are needed.
 *
 * Every file carries the build id, so files from two builds never mix.
 *
 * This file holds the layout and the files' types; the codecs are
 * catalogCodec.ts (the catalog tuples), detailsCodec.ts (the details
 * tuples) and techniqueCodec.ts (the technique files), with the checks they
 * make on what they read in fieldChecks.ts.
 */

/** Papers per catalog file: each parses in a few milliseconds. */
export const CATALOG_CHUNK = 2000;
/** Papers per details file, read on demand. */
export const DETAILS_CHUNK = 500;
/** Techniques per lexicon file. */
export const TECHNIQUE_CHUNK = 2000;
/** Characters of the abstract kept in the catalog (the display snippets are at most this long). */
export const LEAD_LENGTH = 200;

/**
 * A paper as lists, hovers, ranking and citation keys see it: no long texts,
 * plus its lead. Until the load is complete (`PaperData.complete`) a record
 * holds only its head: id, title, short name and year.
 */
export type PaperRecord = PaperMeta & {
  /** The abstract's first sentence or so, at most {@link LEAD_LENGTH} characters; "" when there is no abstract. */
  lead: string;
  /** The paper's key under the default key formula, as the build assigned it over the whole corpus. */
  citationKey?: string;
};


export interface Manifest {
  kind: 'paperlens-data';
  version: number;
  /** Hash of every data file's content: each file names it, and all must agree. */
  build: string;
  paperCount: number;
  catalog: string[];
  /** The catalog's facts, one file per catalog file. */
  facts: string[];
  leads: string[];
  details: string[];
  searchNames: string;
  searchAbstracts: string;
  techniques: string[];
  /** Seed files the sources name, by index. */
  sourceFiles: string[];
  /** The reconciliation report of each seed file. */
  files: FileReport[];
  /** FNV-1a of each other data file's text, checked as the file is read: a damaged byte is caught. */
  checksums: Record<string, string>;
  /** FNV-1a of this manifest's JSON without `check`. */
  check: string;
}

export interface CatalogChunk {
  kind: 'paperlens-papers';
  build: string;
  first: number;
  papers: unknown[];
}

export interface FactsChunk {
  kind: 'paperlens-facts';
  build: string;
  first: number;
  facts: unknown[];
}

export interface TechniquesChunk {
  kind: 'paperlens-techniques';
  build: string;
  version: number;
  first: number;
  /** Techniques as in the lexicon, with `papers` as flat triples (catalog position, flags, mentions); see encodeTechnique in techniqueCodec.ts. */
  techniques: unknown[];
}

export interface LeadsChunk {
  kind: 'paperlens-leads';
  build: string;
  first: number;
  leads: string[];
}

export interface DetailsChunk {
  kind: 'paperlens-details';
  build: string;
  first: number;
  details: unknown[];
}

/**
 * The names of the files that hold `count` things, `size` per file.
 *
 * @example
 * chunkNames('papers', 4500, 2000) // => ['papers-000.json', 'papers-001.json', 'papers-002.json']
 */
export function chunkNames(prefix: string, count: number, size: number): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(count / size)) }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}.json`);
}

/**
 * The manifest's own checksum: FNV-1a of its JSON without `check`, keys in
 * the order they were written (JSON.parse keeps it).
 *
 * @example
 * manifestCheck(JSON.parse(text)) === JSON.parse(text).check // true for an undamaged manifest
 */
export function manifestCheck(manifest: object): string {
  const { check: _check, ...rest } = manifest as { check?: unknown };
  return fnv1a(JSON.stringify(rest));
}

/**
 * The lead of a paper: its abstract's first sentence or so, as lists show it.
 *
 * @example
 * leadOf(paper) // => 'Vision Transformers (ViTs) have triggered the most recent and significant breakthroughs in computer vision.'
 */
export const leadOf = (p: Paper): string => snippet(p.abstract, LEAD_LENGTH);
