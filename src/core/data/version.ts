/**
 * The version of the shipped data's shape. The build writes it into the
 * manifest and the technique files, the loader reads only this version, and
 * the schema (src/schema) checks the corpus and lexicon against it. Bumped
 * whenever the shape of the shipped data changes.
 */
export const DATA_VERSION = 5;
