import { z } from 'zod';
import { ARXIV_ID, type PAPER_DETAIL_FIELDS, SOURCE_ROLES } from '../core/corpus/fields';
import { SEED_FORMATS } from '../core/corpus/seedFormats';
import { DATA_VERSION } from '../core/data/version';

/**
 * The shapes of the shipped data. The build validates every paper against
 * these before writing, and the extension and CLI validate again on load, so
 * a stale or hand-edited data file is caught with a clear message.
 */

export const SeedFormatSchema = z.enum(SEED_FORMATS);

export const PartialDateSchema = z
  .object({
    year: z.number().int().min(1900).max(2100).optional(),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
  })
  .strict();

export const AuthorSchema = z
  .object({
    /** As displayed: "Zizheng Pan", "DeepSeek-AI". */
    name: z.string().min(1),
    given: z.string().min(1).optional(),
    family: z.string().min(1).optional(),
    /** An organisation signing as author; cited as one braced name. */
    organization: z.boolean().optional(),
  })
  .strict();

export const SourceSchema = z
  .object({
    file: z.string().min(1),
    /** 1-based line where the record starts. */
    line: z.number().int().min(1),
    format: SeedFormatSchema,
    /** primary: created the paper; duplicate: same title elsewhere; abstract: a bare abstract attached by similarity. */
    role: z.enum(SOURCE_ROLES),
    /** How a non-primary record was matched to this paper. */
    match: z.string().optional(),
  })
  .strict();

/** A web address: http or https, never another scheme (`command:`, `javascript:`, `file:`). */
const WebUrl = z.url({ protocol: /^https?$/ });

/** Where a paper was published after review. */
export const VenueSchema = z
  .object({
    type: z.enum(['conference', 'journal']),
    /** "Advances in Neural Information Processing Systems". */
    name: z.string().min(1),
    /** "NeurIPS". */
    short: z.string().min(1).optional(),
    year: z.number().int().min(1950).max(2100).optional(),
  })
  .strict();

/** Where a field's value came from: the pages that state it (metadata), or the seed records (`file:line`). */
export const ProvenanceSchema = z
  .object({
    /** primary: arXiv, a proceedings page or the authors' own files; agreement: two websites agree; arxiv-id: the year and month an arXiv id encodes; seed: the scraped listings. */
    via: z.enum(['primary', 'agreement', 'arxiv-id', 'seed']),
    urls: z.array(WebUrl),
    /** For `seed`: the records, as `file:line`. */
    records: z.array(z.string()).optional(),
  })
  .strict();

/** A paper. Its keys are in the order of PAPER_FIELDS (src/core/corpus/fields.ts); a unit test keeps the two in step. */
export const PaperSchema = z
  .object({
    /** Stable slug of the title; never changes between builds. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Clean Unicode display title. */
    title: z.string().min(1),
    /** The title as the seed wrote it, LaTeX residue and all. */
    titleRaw: z.string().min(1),
    /** The short name before the title's colon ("TransMLA", "H₂O"), when there is one. */
    shortName: z.string().min(1).optional(),
    authors: z.array(AuthorSchema),
    /** The listing cut the author list short ("et al."). */
    authorsTruncated: z.boolean(),
    /** Number of authors when a listing states it or shows them all. */
    authorCount: z.number().int().min(1).optional(),
    organization: z.string().min(1).optional(),
    affiliations: z.array(z.string().min(1)).optional(),
    date: PartialDateSchema.optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    /** arXiv primary category such as "cs.CV". */
    category: z.string().regex(/^[a-z]+\.[A-Z]{2,4}$/).optional(),
    /** The arXiv identifier, from metadata/papers.jsonl. */
    arxiv: z.string().regex(ARXIV_ID).optional(),
    /** The publisher's DOI. */
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/).optional(),
    /** Where it was published after review. */
    venue: VenueSchema.optional(),
    /** Titles the paper was later published under. */
    laterTitles: z.array(z.string().min(1)).optional(),
    /** Citation keys earlier releases of PaperLens gave the paper (title words, before its authors were known): they still resolve. */
    formerKeys: z.array(z.string().regex(/^[a-z0-9]+$/)).optional(),
    /** A listing marked the paper as having code. */
    codeFlag: z.boolean().optional(),
    /** The code or project URL found in the abstract; http(s) only, so it can never be a `command:` or `javascript:` link. */
    codeUrl: WebUrl.optional(),
    /** Every URL found in the abstract, http(s) only. */
    urls: z.array(WebUrl),
    upvotes: z.number().int().min(0).optional(),
    /** Clean Unicode abstract; empty only if no source had one. */
    abstract: z.string(),
    abstractRaw: z.string(),
    /** Why this abstract was kept when sources disagreed. */
    abstractNote: z.string().optional(),
    /** Where sources disagreed on authors, date, category or organisation: what was kept, and what each other source says. */
    metadataNote: z.string().optional(),
    /** Where each field came from: authors, date, arxiv, doi, venue, laterTitles. */
    provenance: z.record(z.string(), ProvenanceSchema).optional(),
    sources: z.array(SourceSchema).min(1),
  })
  .strict();

export type Paper = z.infer<typeof PaperSchema>;

/** A paper without its long texts: what lists, hovers, ranking and citation keys need. */
export type PaperMeta = Omit<Paper, (typeof PAPER_DETAIL_FIELDS)[number]>;

/** What a citation needs: the metadata, and the abstract when an entry includes it. */
export type CitablePaper = PaperMeta & { abstract?: string };
export type Author = z.infer<typeof AuthorSchema>;
export type PaperSource = z.infer<typeof SourceSchema>;
export type PartialDateT = z.infer<typeof PartialDateSchema>;

export const MergeSchema = z
  .object({
    line: z.number().int().min(1),
    into: z.string(),
    how: z.string(),
  })
  .strict();

export const FileReportSchema = z
  .object({
    file: z.string(),
    format: SeedFormatSchema,
    /** Why the content was recognised as that format. */
    evidence: z.string(),
    records: z.number().int().min(0),
    papers: z.number().int().min(0),
    merged: z.number().int().min(0),
    merges: z.array(MergeSchema),
    chromeLines: z.number().int().min(0),
  })
  .strict();

export type FileReport = z.infer<typeof FileReportSchema>;

export const CorpusSchema = z
  .object({
    version: z.literal(DATA_VERSION),
    papers: z.array(PaperSchema),
    files: z.array(FileReportSchema),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    for (const p of c.papers) {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate paper id ${p.id}` });
      ids.add(p.id);
    }
  });

export type Corpus = z.infer<typeof CorpusSchema>;

export type Venue = z.infer<typeof VenueSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
