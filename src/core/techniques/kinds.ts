import type { TechniqueKind } from '../../schema/lexicon';

/**
 * Which kind of technique wins where two share a key or a run: a coined
 * name over an acronym over a phrase. The lexicon build gives a key to the
 * stronger kind; the matcher prefers it between equally long runs.
 *
 * @example
 * KIND_RANK.name > KIND_RANK.acronym // => true (a coined name keeps a key an acronym also has)
 */
export const KIND_RANK: Readonly<Record<TechniqueKind, number>> = { name: 3, acronym: 2, phrase: 1 };
