/**
 * What the run-time core knows of a paper's shape without the zod schema
 * (src/schema/corpus.ts, which imports these): the order of its fields, the
 * fields that load on demand, the roles of its sources and the form of an
 * arXiv id. A unit test holds {@link PAPER_FIELDS} to the schema's order.
 */

/** Every field of a paper, in the schema's order: decoded papers have their keys in this order. */
export const PAPER_FIELDS = [
  'id',
  'title',
  'titleRaw',
  'shortName',
  'authors',
  'authorsTruncated',
  'authorCount',
  'organization',
  'affiliations',
  'date',
  'year',
  'category',
  'arxiv',
  'doi',
  'venue',
  'laterTitles',
  'formerKeys',
  'codeFlag',
  'codeUrl',
  'urls',
  'upvotes',
  'abstract',
  'abstractRaw',
  'abstractNote',
  'metadataNote',
  'provenance',
  'sources',
] as const;

/** Fields of a paper that load on demand, apart from the catalog: the long texts and the raw forms. */
export const PAPER_DETAIL_FIELDS = ['titleRaw', 'abstract', 'abstractRaw', 'abstractNote', 'urls', 'provenance'] as const;

/** How a seed record became part of a paper: primary created it, duplicate has the same title elsewhere, abstract is a bare abstract attached by similarity. */
export const SOURCE_ROLES = ['primary', 'duplicate', 'abstract'] as const;

/** An arXiv identifier without its version: new style `2502.07864`, old style `cs/0601001`. */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;
