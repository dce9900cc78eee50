/**
 * Build-time: the records of `metadata/papers.jsonl`, the gathered metadata
 * of the bundled papers, validated with zod line by line.
 */
import { z } from 'zod';
import { ARXIV_ID } from '../../core/corpus/fields';
import { VenueSchema } from '../../schema/corpus';

const Url = z.url({ protocol: /^https?$/ });

export const SourceKindSchema = z.enum(['arxiv', 'proceedings', 'author-bibtex', 'author-link', 'secondary']);

export const MetadataSourceSchema = z
  .object({
    url: Url,
    kind: SourceKindSchema,
    /** The paper's title as this page gives it. */
    title: z.string().min(1),
    states: z
      .object({
        arxiv: z.string().regex(ARXIV_ID, 'an arXiv id such as 2502.07864').optional(),
        authors: z.array(z.string().min(1)).min(1).optional(),
        date: z.iso.date().optional(),
        doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as 10.1109/CVPR.2023.01234').optional(),
        venue: VenueSchema.optional(),
      })
      .strict(),
    /** The authors' BibTeX entry, verbatim, when that is the source. */
    bibtex: z.string().optional(),
    /** Which file of the authors' repository it came from. */
    file: z.string().optional(),
  })
  .strict();

export const MetadataRecordSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** The paper's title in the corpus, copied for readers of the file. */
    title: z.string().min(1),
    sources: z.array(MetadataSourceSchema),
    /** Titles the paper was published under later (it was renamed). */
    laterTitles: z.array(z.string().min(1)),
    notes: z.string(),
    /** What was looked up, so the gathering can resume and a reader can check it. */
    searched: z.array(z.string()),
    /**
     * Fields a person has looked at and found disputed (the seed listing says
     * one thing, the authors' BibTeX another): none of their values is taken,
     * and the build does not stop on the conflict.
     */
    disputed: z.array(z.object({ field: z.enum(['arxiv', 'authors', 'date', 'doi', 'venue']), reason: z.string().min(1) }).strict()).optional(),
  })
  .strict();

export type MetadataSource = z.infer<typeof MetadataSourceSchema>;
export type MetadataRecord = z.infer<typeof MetadataRecordSchema>;

/** A line of the metadata file that is not valid: the build stops on it. */
export class MetadataError extends Error {}

/**
 * Reads `metadata/papers.jsonl`: one JSON record per line, each validated,
 * ids unique. Throws a MetadataError naming `file:line` and the reason.
 *
 * @example
 * parseMetadata(readFileSync('metadata/papers.jsonl', 'utf8'), 'metadata/papers.jsonl').length
 */
export function parseMetadata(text: string, file: string): MetadataRecord[] {
  const out: MetadataRecord[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    const record = parseJsonWith(MetadataRecordSchema, line, where);
    const first = seen.get(record.id);
    if (first !== undefined) throw new MetadataError(`${where}: paper ${record.id} is already on line ${first}`);
    seen.set(record.id, i + 1);
    out.push(record);
  });
  return out;
}

/** `metadata/released-keys.json`: per paper id, every citation key a release shipped for it. */
const ReleasedKeysSchema = z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.array(z.string().regex(/^[a-z0-9]+$/)));

/**
 * Reads `metadata/released-keys.json`: the keys earlier releases shipped,
 * which stay former keys of their papers. Throws a MetadataError naming the
 * file and the reason.
 *
 * @example
 * parseReleasedKeys('{"transmla-multi-head-latent-attention-is-all-you-need": ["transmla2025"]}', 'released-keys.json').get('transmla-multi-head-latent-attention-is-all-you-need') // => ['transmla2025']
 */
export function parseReleasedKeys(text: string, file: string): Map<string, string[]> {
  return new Map(Object.entries(parseJsonWith(ReleasedKeysSchema, text, file)));
}

/** JSON text checked against a schema; a MetadataError that starts with `where` says why not. */
function parseJsonWith<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MetadataError(`${where}: not JSON (${(e as Error).message})`);
  }
  const r = schema.safeParse(json);
  if (!r.success) throw new MetadataError(`${where}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  return r.data;
}
