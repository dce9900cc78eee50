import { fnv1a } from '../util/hash';
import { DataError } from './errors';
import { type Manifest, manifestCheck } from './format';
import { DATA_VERSION } from './version';

/**
 * Names of the shipped data files, relative to the data folder. The manifest
 * lists the rest (catalog, details, index parts and lexicon chunks); see format.ts.
 */
export const DATA_FILES = {
  manifest: 'manifest.json',
  searchNames: 'search-names.json',
  searchAbstracts: 'search-abstracts.json',
} as const;

/**
 * The checks every data file passes as it is read: the manifest is whole and
 * of this version, every other file is listed in it with a matching
 * checksum, is JSON, and is from the same build. Each failure is a
 * DataError that names the file.
 */

/**
 * The manifest, checked: a PaperLens manifest of this data version, undamaged
 * (its own checksum) and complete.
 *
 * @example
 * checkManifest(JSON.parse(text)).catalog // => ['papers-000.json', …]
 * checkManifest({ kind: 'other' }) // throws DataError('manifest.json is not a PaperLens data manifest; …')
 */
export function checkManifest(json: unknown): Manifest {
  const m = json as Partial<Manifest> | null;
  if (m?.kind !== 'paperlens-data') throw new DataError(`${DATA_FILES.manifest} is not a PaperLens data manifest; rebuild with "npm run build"`);
  if (m.version !== DATA_VERSION) {
    throw new DataError(`${DATA_FILES.manifest} has data version ${JSON.stringify(m.version)}, this PaperLens reads version ${DATA_VERSION}; rebuild with "npm run build"`);
  }
  if (typeof m.check !== 'string' || manifestCheck(m) !== m.check) {
    throw new DataError(`${DATA_FILES.manifest} is damaged (its checksum does not match its content); rebuild with "npm run build"`);
  }
  if (typeof m.checksums !== 'object' || m.checksums === null || !Object.values(m.checksums).every((c) => typeof c === 'string')) {
    throw new DataError(`${DATA_FILES.manifest} is incomplete; rebuild with "npm run build"`);
  }
  const names = [m.searchNames, m.searchAbstracts];
  if (
    typeof m.build !== 'string' ||
    !Number.isInteger(m.paperCount) ||
    !Array.isArray(m.catalog) ||
    !Array.isArray(m.facts) ||
    m.facts.length !== m.catalog.length ||
    !Array.isArray(m.leads) ||
    !Array.isArray(m.details) ||
    !Array.isArray(m.techniques) ||
    !names.every((n) => typeof n === 'string') ||
    !Array.isArray(m.sourceFiles) ||
    !Array.isArray(m.files)
  ) {
    throw new DataError(`${DATA_FILES.manifest} is incomplete; rebuild with "npm run build"`);
  }
  return m as Manifest;
}

/**
 * Refuses a damaged data file: its text does not hash to the checksum the
 * manifest lists for it, or the manifest does not list it.
 *
 * @example
 * verifyChecksum('papers-000.json', text, manifest) // returns, or throws DataError('papers-000.json is damaged …')
 */
export function verifyChecksum(name: string, text: string, manifest: Manifest): void {
  const expected = manifest.checksums[name];
  if (expected === undefined) throw new DataError(`${name} is not listed in ${DATA_FILES.manifest}; rebuild with "npm run build"`);
  if (fnv1a(text) !== expected) throw new DataError(`${name} is damaged (its checksum does not match ${DATA_FILES.manifest}); rebuild with "npm run build"`);
}

/**
 * Refuses a data file from another build than the manifest.
 *
 * @example
 * sameBuild('leads-000.json', chunk.build, manifest) // returns, or throws DataError('leads-000.json is from another build …')
 */
export function sameBuild(name: string, build: unknown, manifest: Manifest): void {
  if (build !== manifest.build) throw new DataError(`${name} is from another build than ${DATA_FILES.manifest}; rebuild with "npm run build"`);
}

/**
 * A data file's text parsed as JSON, naming the file if it is not JSON.
 *
 * @example
 * parseJson('papers-000.json', '{"kind":') // throws DataError('papers-000.json is not valid JSON (…); the file is corrupt, …')
 */
export function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new DataError(`${name} is not valid JSON (${(e as Error).message}); the file is corrupt, rebuild with "npm run build"`);
  }
}
