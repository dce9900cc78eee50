/** Names of the shipped data files, relative to the data folder. */
export const DATA_FILES = {
  corpus: 'corpus.json',
  searchIndex: 'search-index.json',
  techniques: 'techniques.json',
} as const;
