/**
 * Names of the shipped data files, relative to the data folder. The manifest
 * lists the rest (catalog, details, index parts and lexicon chunks); see format.ts.
 */
export const DATA_FILES = {
  manifest: 'manifest.json',
  searchNames: 'search-names.json',
  searchAbstracts: 'search-abstracts.json',
} as const;
