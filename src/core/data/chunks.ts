import type { Lexicon, Technique } from '../../schema/lexicon';
import type { TechniqueMatcher } from '../techniques/matcher';
import { applyFacts, decodeHead } from './catalogCodec';
import { DataError } from './errors';
import { DATA_FILES, sameBuild } from './files';
import { CATALOG_CHUNK, type CatalogChunk, type FactsChunk, type LeadsChunk, type Manifest, type PaperRecord, type TechniquesChunk } from './format';
import { type FileSource, type Loading, readJson } from './source';
import { decodeTechnique } from './techniqueCodec';
import { DATA_VERSION } from './version';

/**
 * Loading the chunked files: the catalog's heads (before search is ready),
 * then the catalog's facts, the technique lexicon and the leads. Each file is checked as a whole (its
 * kind, build and place), then record by record, pausing every few hundred
 * records; a bad file is a DataError that names it.
 */

/** The catalog: every paper, in order, and by id. */
export interface LoadedCatalog {
  papers: PaperRecord[];
  papersById: Map<string, PaperRecord>;
}

/**
 * Reads the catalog's heads: every paper's id, title, short name and year.
 *
 * @example
 * const { papers, papersById } = yield* readCatalog(files, manifest);
 */
export function* readCatalog<W>(files: FileSource<W>, manifest: Manifest): Loading<LoadedCatalog, W> {
  const papers: PaperRecord[] = [];
  for (const name of manifest.catalog) {
    const chunk = (yield* readJson(files, name, manifest)) as Partial<CatalogChunk> | null;
    if (chunk?.kind !== 'paperlens-papers' || !Array.isArray(chunk.papers) || chunk.first !== papers.length) {
      throw new DataError(`${name} is not a PaperLens catalog file; rebuild with "npm run build"`);
    }
    sameBuild(name, chunk.build, manifest);
    yield;
    for (let i = 0; i < chunk.papers.length; i++) {
      try {
        papers.push(decodeHead(chunk.papers[i]));
      } catch (e) {
        throw new DataError(`${name}: paper ${chunk.first + i} is malformed (${(e as Error).message}); rebuild with "npm run build"`);
      }
      if (i % 500 === 499) yield;
    }
  }
  if (papers.length !== manifest.paperCount) {
    throw new DataError(`the catalog holds ${papers.length} papers but ${DATA_FILES.manifest} says ${manifest.paperCount}; rebuild with "npm run build"`);
  }
  const papersById = new Map<string, PaperRecord>();
  for (let i = 0; i < papers.length; i++) {
    const p = papers[i] as PaperRecord;
    if (papersById.has(p.id)) throw new DataError(`the catalog lists paper "${p.id}" twice; rebuild with "npm run build"`);
    papersById.set(p.id, p);
    if (i % 5000 === 4999) yield;
  }
  return { papers, papersById };
}

/**
 * Reads the catalog's facts files, filling in each paper's authors,
 * sources, optional fields and citation key.
 *
 * @example
 * yield* readFacts(files, manifest, papers); // papers[0].authors => [{ name: 'Zizheng Pan', … }, …]
 */
export function* readFacts<W>(files: FileSource<W>, manifest: Manifest, papers: readonly PaperRecord[]): Loading<void, W> {
  for (const [c, name] of manifest.facts.entries()) {
    const chunk = (yield* readJson(files, name, manifest)) as Partial<FactsChunk> | null;
    const first = chunk?.first ?? -1;
    if (chunk?.kind !== 'paperlens-facts' || !Array.isArray(chunk.facts) || first !== c * CATALOG_CHUNK || chunk.facts.length !== Math.min(CATALOG_CHUNK, papers.length - first)) {
      throw new DataError(`${name} is not a PaperLens facts file; rebuild with "npm run build"`);
    }
    sameBuild(name, chunk.build, manifest);
    yield;
    for (let i = 0; i < chunk.facts.length; i++) {
      try {
        applyFacts(papers[first + i] as PaperRecord, chunk.facts[i], manifest.sourceFiles);
      } catch (e) {
        throw new DataError(`${name}: paper ${first + i} is malformed (${(e as Error).message}); rebuild with "npm run build"`);
      }
      if (i % 500 === 499) yield;
    }
  }
}

/**
 * Reads the technique files into the lexicon and the matcher, which fill in
 * as each technique is read.
 *
 * @example
 * yield* readTechniques(files, manifest, papers, data.lexicon, data.techniques);
 */
export function* readTechniques<W>(files: FileSource<W>, manifest: Manifest, papers: readonly PaperRecord[], lexicon: Lexicon, matcher: TechniqueMatcher): Loading<void, W> {
  for (const name of manifest.techniques) {
    const chunk = (yield* readJson(files, name, manifest)) as Partial<TechniquesChunk> | null;
    if (chunk?.kind !== 'paperlens-techniques' || chunk.version !== DATA_VERSION || !Array.isArray(chunk.techniques) || chunk.first !== lexicon.techniques.length) {
      throw new DataError(`${name} is not a PaperLens technique file of version ${DATA_VERSION}; rebuild with "npm run build"`);
    }
    sameBuild(name, chunk.build, manifest);
    yield;
    for (let i = 0; i < chunk.techniques.length; i++) {
      let t: Technique;
      try {
        t = decodeTechnique(chunk.techniques[i], papers);
      } catch (e) {
        throw new DataError(`${name}: ${(e as Error).message}; rebuild with "npm run build"`);
      }
      lexicon.techniques.push(t);
      matcher.add(t);
      if (i % 250 === 249) yield;
    }
  }
}

/**
 * Reads the leads files, setting each paper's lead.
 *
 * @example
 * yield* readLeads(files, manifest, papers); // papers[0].lead => 'Vision Transformers (ViTs) have …'
 */
export function* readLeads<W>(files: FileSource<W>, manifest: Manifest, papers: readonly PaperRecord[]): Loading<void, W> {
  for (const name of manifest.leads) {
    const chunk = (yield* readJson(files, name, manifest)) as Partial<LeadsChunk> | null;
    const first = chunk?.first ?? -1;
    if (chunk?.kind !== 'paperlens-leads' || !Array.isArray(chunk.leads) || first < 0 || first + chunk.leads.length > papers.length) {
      throw new DataError(`${name} is not a PaperLens leads file; rebuild with "npm run build"`);
    }
    sameBuild(name, chunk.build, manifest);
    chunk.leads.forEach((lead, i) => {
      if (typeof lead !== 'string') throw new DataError(`${name}: the lead of paper ${first + i} is not text; rebuild with "npm run build"`);
      (papers[first + i] as PaperRecord).lead = lead;
    });
    yield;
  }
}
