import { assignKeys } from '../../core/cite/keys';
import type { Corpus } from '../../schema/corpus';
import { DATA_VERSION } from '../../core/data/version';
import { buildShards } from '../search/buildShards';
import { capTechniquePapers, techniqueNamesByPaper } from '../../core/techniques/papers';
import { type Lexicon, LexiconSchema } from '../../schema/lexicon';
import { fnv1a } from '../../core/util/hash';
import { DATA_FILES } from '../../core/data/files';
import {
  CATALOG_CHUNK,
  type CatalogChunk,
  type FactsChunk,
  DETAILS_CHUNK,
  type DetailsChunk,
  type LeadsChunk,
  type Manifest,
  TECHNIQUE_CHUNK,
  type TechniquesChunk,
  chunkNames,
  leadOf,
  manifestCheck,
} from '../../core/data/format';
import { encodeFacts, encodeHead, sourceFilesOf } from '../../core/data/catalogCodec';
import { encodeDetails } from '../../core/data/detailsCodec';
import { encodeTechnique } from '../../core/data/techniqueCodec';

/** One data file to write: its name in the data folder and its text. */
export interface DataFile {
  name: string;
  text: string;
}

/**
 * Every data file for a corpus and its lexicon, as the build writes them:
 * the manifest, catalog (heads and facts), lead and details chunks, both index shards (a
 * header and its parts) and the lexicon chunks, all carrying one build id. The corpus and lexicon must already be
 * valid (buildCorpus and buildLexicon validate them).
 *
 * @example
 * for (const f of encodeData(corpus, lexicon)) writeFileSync(join(outDir, f.name), f.text);
 */
export function encodeData(corpus: Corpus, lexicon: Lexicon): DataFile[] {
  const papers = corpus.papers;
  const build = buildId(corpus, lexicon);
  const sourceFiles = sourceFilesOf(papers);
  const keys = assignKeys(papers);
  const names = techniqueNamesByPaper(lexicon);
  const shards = buildShards(papers, (p) => names.get(p.id) ?? []);
  const shipped = LexiconSchema.parse(capTechniquePapers(lexicon));
  const catalog = chunkNames('papers', papers.length, CATALOG_CHUNK);
  const facts = chunkNames('facts', papers.length, CATALOG_CHUNK);
  const leads = chunkNames('leads', papers.length, CATALOG_CHUNK);
  const details = chunkNames('details', papers.length, DETAILS_CHUNK);
  const techniques = chunkNames('techniques', shipped.techniques.length, TECHNIQUE_CHUNK);
  const files: DataFile[] = [];
  const add = (name: string, json: unknown): void => {
    files.push({ name, text: JSON.stringify(json) });
  };
  catalog.forEach((name, c) => {
    const first = c * CATALOG_CHUNK;
    add(name, { kind: 'paperlens-papers', build, first, papers: papers.slice(first, first + CATALOG_CHUNK).map(encodeHead) } satisfies CatalogChunk);
  });
  facts.forEach((name, c) => {
    const first = c * CATALOG_CHUNK;
    add(name, { kind: 'paperlens-facts', build, first, facts: papers.slice(first, first + CATALOG_CHUNK).map((p) => encodeFacts(p, sourceFiles, keys.get(p.id))) } satisfies FactsChunk);
  });
  leads.forEach((name, c) => {
    const first = c * CATALOG_CHUNK;
    add(name, { kind: 'paperlens-leads', build, first, leads: papers.slice(first, first + CATALOG_CHUNK).map(leadOf) } satisfies LeadsChunk);
  });
  details.forEach((name, c) => {
    const first = c * DETAILS_CHUNK;
    add(name, { kind: 'paperlens-details', build, first, details: papers.slice(first, first + DETAILS_CHUNK).map(encodeDetails) } satisfies DetailsChunk);
  });
  for (const [header, shard] of [
    [DATA_FILES.searchNames, shards.names],
    [DATA_FILES.searchAbstracts, shards.abstracts],
  ] as const) {
    const parts = chunkNames(header.replace(/\.json$/, ''), shard.parts.length, 1);
    shard.parts.forEach((part, i) => add(parts[i] as string, { ...(part as object), build }));
    add(header, { ...shard, parts, build });
  }
  const indexOf = new Map(papers.map((p, i) => [p.id, i]));
  techniques.forEach((name, c) => {
    const first = c * TECHNIQUE_CHUNK;
    const chunk = shipped.techniques.slice(first, first + TECHNIQUE_CHUNK).map((t) => encodeTechnique(t, indexOf));
    add(name, { kind: 'paperlens-techniques', build, version: DATA_VERSION, first, techniques: chunk } satisfies TechniquesChunk);
  });
  const manifest: Manifest = {
    kind: 'paperlens-data',
    version: DATA_VERSION,
    build,
    paperCount: papers.length,
    catalog,
    facts,
    leads,
    details,
    searchNames: DATA_FILES.searchNames,
    searchAbstracts: DATA_FILES.searchAbstracts,
    techniques,
    sourceFiles,
    files: corpus.files,
    checksums: Object.fromEntries(files.map((f) => [f.name, fnv1a(f.text)])),
    check: '',
  };
  manifest.check = manifestCheck(manifest);
  files.unshift({ name: DATA_FILES.manifest, text: JSON.stringify(manifest) });
  return files;
}

/**
 * The build id: an FNV-1a hash over the corpus and the lexicon, so the same
 * input always gives the same id and any change gives a new one.
 *
 * @example
 * buildId(corpus, lexicon) // => '3f2a9c01-397'
 */
export function buildId(corpus: Corpus, lexicon: Lexicon): string {
  let h = 0x811c9dc5;
  const feed = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  };
  for (const p of corpus.papers) feed(JSON.stringify(p));
  feed(JSON.stringify(corpus.files));
  for (const t of lexicon.techniques) feed(JSON.stringify(t));
  return `${(h >>> 0).toString(16).padStart(8, '0')}-${corpus.papers.length}`;
}
