import { type Author, type Paper, PaperSchema } from '../../src/schema/corpus';

/**
 * A schema-valid paper for unit tests: a thin record (no authors, no year)
 * unless the overrides add metadata. Validated, so a fixture can never hold a
 * shape the real corpus could not.
 */
export function makePaper(overrides: Partial<Paper> & { title: string }): Paper {
  return PaperSchema.parse({
    id: overrides.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'paper',
    titleRaw: overrides.title,
    authors: [],
    authorsTruncated: false,
    urls: [],
    abstract: '',
    abstractRaw: '',
    sources: [{ file: 'test.txt', line: 1, format: 'alternating', role: 'primary' }],
    ...overrides,
  });
}

/** `person('Zizheng Pan')` → `{ name, given: 'Zizheng', family: 'Pan' }` */
export function person(name: string): Author {
  const parts = name.split(' ');
  return { name, given: parts.slice(0, -1).join(' '), family: parts[parts.length - 1] as string };
}

export function org(name: string): Author {
  return { name, organization: true };
}
