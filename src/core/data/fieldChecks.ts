import { ARXIV_ID } from '../corpus/fields';

/**
 * The checks the decoders make on what they read from the data files, each
 * as the schema (src/schema/corpus.ts) would make it, without zod: a wrong
 * type or an out-of-range value is a FormatError that says what is wrong.
 * The build validated every paper against the full schema before writing
 * it; these catch a damaged or hand-edited file.
 */

/** A malformed record in a data file. */
export class FormatError extends Error {}

/**
 * A string, or a FormatError that names what it should be.
 *
 * @example
 * expectString(7, 'a title') // throws FormatError('a title is not text')
 */
export function expectString(x: unknown, what: string): string {
  if (typeof x !== 'string') throw new FormatError(`${what} is not text`);
  return x;
}

/**
 * A finite number.
 *
 * @example
 * expectNumber(Infinity, 'a source file') // throws FormatError('a source file is not a number')
 */
export function expectNumber(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new FormatError(`${what} is not a number`);
  return x;
}

/**
 * An array.
 *
 * @example
 * expectList('x', 'a source list') // throws FormatError('a source list is not a list')
 */
export function expectList(x: unknown, what: string): unknown[] {
  if (!Array.isArray(x)) throw new FormatError(`${what} is not a list`);
  return x;
}

/**
 * A whole number in [min, max]: a year of 1e308 or a line of -1 never reaches a citation or a view.
 *
 * @example
 * expectInt(-1, 'a source line', 1) // throws FormatError('a source line is not a whole number from 1 to 9007199254740991')
 */
export function expectInt(x: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(x) || (x as number) < min || (x as number) > max) throw new FormatError(`${what} is not a whole number from ${min} to ${max}`);
  return x as number;
}

/**
 * A non-empty string.
 *
 * @example
 * expectText('', 'a title') // throws FormatError('a title is empty')
 */
export function expectText(x: unknown, what: string): string {
  if (expectString(x, what) === '') throw new FormatError(`${what} is empty`);
  return x as string;
}

/**
 * true or false.
 *
 * @example
 * expectBoolean(1, 'a code flag') // throws FormatError('a code flag is not true or false')
 */
export function expectBoolean(x: unknown, what: string): boolean {
  if (typeof x !== 'boolean') throw new FormatError(`${what} is not true or false`);
  return x;
}

/**
 * An http(s) address, never a `command:` or `javascript:` link.
 *
 * @example
 * expectWebUrl('javascript:alert(1)', 'a URL') // throws FormatError('a URL is not a web address')
 */
export function expectWebUrl(x: unknown, what: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(expectString(x, what))) throw new FormatError(`${what} is not a web address`);
  return x as string;
}

/** A paper's or a technique's id: a slug such as `transmla-multi-head-latent-attention`. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CATEGORY = /^[a-z]+\.[A-Z]{2,4}$/;
/** The range of years the schema allows. */
export const YEARS = [1900, 2100] as const;

/** Optional fields of a paper, stored by name when present. */
export const OPTIONAL_KEYS = ['shortName', 'authorCount', 'organization', 'affiliations', 'date', 'category', 'arxiv', 'doi', 'venue', 'laterTitles', 'formerKeys', 'codeFlag', 'codeUrl', 'upvotes', 'metadataNote'] as const;

/** An optional field of a paper. */
export type OptionalKey = (typeof OPTIONAL_KEYS)[number];

/** The optional fields of a catalog tuple, each checked as the schema would. */
export const OPTIONAL_CHECKS: Record<OptionalKey, (x: unknown) => unknown> = {
  shortName: (x) => expectText(x, 'a short name'),
  authorCount: (x) => expectInt(x, 'an author count', 1),
  organization: (x) => expectText(x, 'an organisation'),
  affiliations: (x) => expectList(x, 'affiliations').map((a) => expectText(a, 'an affiliation')),
  date: (x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new FormatError('a date is not an object');
    const d = x as Record<string, unknown>;
    for (const k of Object.keys(d)) if (!['year', 'month', 'day'].includes(k)) throw new FormatError(`a date has an unknown part "${k}"`);
    if (d['year'] !== undefined) expectInt(d['year'], 'a date\'s year', ...YEARS);
    if (d['month'] !== undefined) expectInt(d['month'], 'a date\'s month', 1, 12);
    if (d['day'] !== undefined) expectInt(d['day'], 'a date\'s day', 1, 31);
    return d;
  },
  category: (x) => {
    if (!CATEGORY.test(expectString(x, 'a category'))) throw new FormatError('a category is not an arXiv category');
    return x;
  },
  arxiv: (x) => {
    if (!ARXIV_ID.test(expectString(x, 'an arXiv id'))) throw new FormatError('an arXiv id is malformed');
    return x;
  },
  doi: (x) => {
    if (!/^10\.\d{4,9}\/\S+$/.test(expectString(x, 'a DOI'))) throw new FormatError('a DOI is malformed');
    return x;
  },
  venue: (x) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new FormatError('a venue is not an object');
    const v = x as Record<string, unknown>;
    for (const k of Object.keys(v)) if (!['type', 'name', 'short', 'year'].includes(k)) throw new FormatError(`a venue has an unknown part "${k}"`);
    if (v['type'] !== 'conference' && v['type'] !== 'journal') throw new FormatError('a venue is neither a conference nor a journal');
    expectText(v['name'], "a venue's name");
    if (v['short'] !== undefined) expectText(v['short'], "a venue's short name");
    if (v['year'] !== undefined) expectInt(v['year'], "a venue's year", 1950, 2100);
    return v;
  },
  laterTitles: (x) => expectList(x, 'later titles').map((t) => expectText(t, 'a later title')),
  formerKeys: (x) =>
    expectList(x, 'former keys').map((k) => {
      if (!/^[a-z0-9]+$/.test(expectString(k, 'a former key'))) throw new FormatError('a former key is malformed');
      return k;
    }),
  codeFlag: (x) => expectBoolean(x, 'a code flag'),
  codeUrl: (x) => expectWebUrl(x, 'a code link'),
  upvotes: (x) => expectInt(x, 'an upvote count', 0),
  metadataNote: (x) => expectString(x, 'a metadata note'),
};

/**
 * A paper's provenance record, checked as the schema would: fields to `{ via, urls, records? }`.
 *
 * @example
 * checkProvenance({ arxiv: { via: 'primary', urls: ['https://arxiv.org/abs/2502.07864'] } }) // => the same object
 * checkProvenance({ arxiv: { via: 'rumour', urls: [] } }) // throws FormatError('the provenance of arxiv is malformed')
 */
export function checkProvenance(x: unknown): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new FormatError('provenance is not an object');
  for (const [field, v] of Object.entries(x as Record<string, unknown>)) {
    const p = v as Record<string, unknown> | null;
    if (typeof p !== 'object' || p === null || !['primary', 'agreement', 'arxiv-id', 'seed'].includes(p['via'] as string)) throw new FormatError(`the provenance of ${field} is malformed`);
    expectList(p['urls'], `the provenance of ${field}`).forEach((u) => expectWebUrl(u, 'a provenance URL'));
    if (p['records'] !== undefined) expectList(p['records'], `the provenance of ${field}`).forEach((r) => expectString(r, 'a seed record'));
  }
  return x as Record<string, unknown>;
}
