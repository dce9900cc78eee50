/**
 * Build-time: the gathered metadata of the bundled papers
 * (`metadata/papers.jsonl`), validated with zod, and the facts it supports.
 *
 * A fact (an arXiv id, the author list, the first-version date, a DOI, a
 * venue, a later title) is accepted only when a primary source states it
 * (arXiv, the proceedings page, the authors' own BibTeX or README), or two
 * sources on different websites agree on it. Every disagreement is kept.
 * Nothing is filled in: a field no source supports stays empty.
 */
import { z } from 'zod';
import { comparableTitle } from '../core/bib/fields';
import { assignKeys } from '../core/cite/keys';
import { toAuthor } from './corpus/buildCorpus';
import { type Corpus, CorpusSchema, type Paper, PaperSchema, type Provenance, type Venue, VenueSchema } from '../schema/corpus';
import { ARXIV_ID } from '../core/corpus/fields';
import { type MetadataCoverage, metadataCoverage } from '../core/corpus/report';
import { isOrganizationName, isPersonName } from './seeds/authors';

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
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new MetadataError(`${where}: not JSON (${(e as Error).message})`);
    }
    const r = MetadataRecordSchema.safeParse(json);
    if (!r.success) throw new MetadataError(`${where}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const first = seen.get(r.data.id);
    if (first !== undefined) throw new MetadataError(`${where}: paper ${r.data.id} is already on line ${first}`);
    seen.set(r.data.id, i + 1);
    out.push(r.data);
  });
  return out;
}

/** Where an accepted fact came from: the pages that state it, and how it was accepted. */
export interface FactSource {
  urls: string[];
  /** primary: arXiv, a proceedings page or the authors' own files say so; agreement: two websites agree; arxiv-id: the year and month an arXiv id encodes. */
  via: 'primary' | 'agreement' | 'arxiv-id';
}

/** Two sources that say different things about one field. */
export interface Disagreement {
  field: Field;
  values: { value: string; urls: string[] }[];
  /** What was kept, or why nothing was. */
  outcome: string;
}

export type Field = 'arxiv' | 'authors' | 'date' | 'doi' | 'venue';

/** The facts the metadata supports for one paper. */
export interface AcceptedMetadata {
  id: string;
  arxiv?: string;
  authors?: string[];
  /** The first arXiv version's date, `YYYY-MM-DD`. */
  date?: string;
  /** Year and month when only an arXiv id gives them. */
  yearMonth?: { year: number; month: number };
  doi?: string;
  venue?: Venue;
  laterTitles: string[];
  provenance: Partial<Record<Field | 'yearMonth' | 'laterTitles', FactSource>>;
  disagreements: Disagreement[];
}

/** Primary sources for each field, best first. A kind not listed is secondary for that field. */
const PRIMARY: Record<Field, readonly MetadataSource['kind'][]> = {
  arxiv: ['arxiv', 'author-bibtex', 'author-link', 'proceedings'],
  authors: ['arxiv', 'proceedings', 'author-bibtex'],
  date: ['arxiv'],
  doi: ['proceedings', 'author-bibtex', 'arxiv'],
  venue: ['proceedings', 'author-bibtex', 'arxiv'],
};

const host = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

/** A name as sources compare it: letters only, no accents, lowercase. "Zhangyang “Atlas” Wang" is "zhangyangatlaswang". */
const nameKey = (n: string): string =>
  n
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');

/** The comparable form of a fact's value. */
function valueKey(field: Field, v: unknown): string {
  switch (field) {
    case 'authors':
      return (v as string[]).map(nameKey).join('|');
    case 'venue': {
      const x = v as Venue;
      return `${x.type}:${(x.short ?? x.name).toLowerCase().replace(/[^a-z0-9]+/g, '')}:${x.year ?? ''}`;
    }
    case 'doi':
      return String(v).toLowerCase();
    default:
      return String(v);
  }
}

/**
 * The facts a record's sources support, field by field:
 *
 * - a primary source's value is taken, the most authoritative kind first;
 *   when sources of that kind disagree (arXiv v1 and v5 name different
 *   authors), nothing is taken and the disagreement is recorded;
 * - otherwise the value that sources on at least two websites agree on,
 *   when no source gives another;
 * - every other value any source gives is recorded as a disagreement.
 *
 * When an arXiv id is accepted but no date, its YYMM gives the year and month.
 */
export function acceptMetadata(r: MetadataRecord): AcceptedMetadata {
  const out: AcceptedMetadata = { id: r.id, laterTitles: [], provenance: {}, disagreements: [] };
  for (const field of ['arxiv', 'authors', 'date', 'doi', 'venue'] as const) {
    const stated = r.sources.filter((s) => s.states[field] !== undefined);
    if (stated.length === 0) continue;
    const dispute = r.disputed?.find((d) => d.field === field);
    if (dispute) {
      out.disagreements.push({ field, values: stated.map((s) => ({ value: valueKey(field, s.states[field]), urls: [s.url] })), outcome: `disputed: ${dispute.reason}` });
      continue;
    }
    const groups = new Map<string, { value: unknown; sources: MetadataSource[] }>();
    for (const s of stated) {
      const k = valueKey(field, s.states[field]);
      const g = groups.get(k) ?? { value: s.states[field], sources: [] };
      g.sources.push(s);
      groups.set(k, g);
    }
    let chosen: { value: unknown; urls: string[]; via: FactSource['via'] } | undefined;
    let outcome = '';
    for (const kind of PRIMARY[field]) {
      const ofKind = [...groups.values()].filter((g) => g.sources.some((s) => s.kind === kind));
      if (ofKind.length === 0) continue;
      // arXiv's abstract page without a version shows the latest version; a versioned page (v1) an older one.
      const latest = ofKind.filter((g) => g.sources.some((s) => s.kind === 'arxiv' && /arxiv\.org\/abs\/[^/?#]+$/.test(s.url) && !/v\d+$/.test(s.url)));
      const pick = ofKind.length === 1 ? ofKind : latest.length === 1 ? latest : [];
      if (pick.length !== 1) {
        outcome = `${kind} sources disagree, so none is taken`;
        break;
      }
      const g = pick[0] as { value: unknown; sources: MetadataSource[] };
      chosen = { value: g.value, urls: g.sources.map((s) => s.url), via: 'primary' };
      outcome = `kept the ${kind} source's value`;
      break;
    }
    if (!chosen && outcome === '') {
      // Without a primary source, two websites must agree and none may say otherwise: pages copy each other's
      // stale versions (arXiv v1's author list), and a wrong fact is worse than a missing one.
      const agreed = [...groups.values()].map((g) => ({ g, hosts: new Set(g.sources.map((s) => host(s.url))).size }));
      const top = agreed[0];
      if (agreed.length === 1 && top && top.hosts >= 2) {
        chosen = { value: top.g.value, urls: top.g.sources.map((s) => s.url), via: 'agreement' };
        outcome = `kept the value ${top.hosts} websites agree on`;
      } else {
        outcome = agreed.length > 1 ? 'websites disagree and no primary source settles it, so none is taken' : 'only one website says so, so it is not taken';
      }
    }
    if (chosen) {
      (out as unknown as Record<string, unknown>)[field] = field === 'arxiv' ? String(chosen.value).replace(/v\d+$/, '') : chosen.value;
      out.provenance[field] = { urls: chosen.urls, via: chosen.via };
    }
    if (groups.size > 1 || !chosen) {
      out.disagreements.push({ field, values: [...groups.values()].map((g) => ({ value: valueKey(field, g.value), urls: g.sources.map((s) => s.url) })), outcome });
    }
  }
  // Later titles: a primary source, or two websites, give the paper under the new title.
  for (const t of r.laterTitles) {
    const key = comparableTitle(t);
    const giving = r.sources.filter((s) => comparableTitle(s.title) === key);
    const primary = giving.filter((s) => s.kind !== 'secondary');
    if (primary.length > 0 || new Set(giving.map((s) => host(s.url))).size >= 2) {
      out.laterTitles.push(t);
      out.provenance.laterTitles = { urls: [...(out.provenance.laterTitles?.urls ?? []), ...giving.map((s) => s.url)], via: primary.length > 0 ? 'primary' : 'agreement' };
    }
  }
  if (out.arxiv && !out.date) {
    const m = /^(\d{2})(\d{2})\./.exec(out.arxiv);
    if (m) {
      out.yearMonth = { year: 2000 + Number(m[1]), month: Number(m[2]) };
      out.provenance.yearMonth = { urls: out.provenance.arxiv?.urls ?? [], via: 'arxiv-id' };
    }
  }
  return out;
}

/** What the seed listings themselves say of a paper, for the cross-check. */
export interface SeedFacts {
  authors: readonly string[];
  /** The listing gives only the first authors ("et al."). */
  truncated: boolean;
  date?: { year?: number; month?: number; day?: number };
  /** `file:line` of the seed records, to name in a conflict. */
  where: string;
}

/**
 * The metadata against what the seeds say; throws a MetadataError naming
 * both sources on a conflict:
 *
 * - the authors a seed listing names must be the metadata's first authors,
 *   in order (all of them, unless the listing says "et al.");
 * - a seed listing's date (the daily-papers page lists a paper on or after
 *   its arXiv submission) must fall from one day before the first version
 *   (arXiv dates are UTC, listings are not) to 31 days after it.
 */
export function crossCheck(a: AcceptedMetadata, seed: SeedFacts, where: string): void {
  if (a.authors && seed.authors.length > 0) {
    const meta = a.authors.map(nameKey);
    const listed = seed.authors.map(nameKey);
    const agree = seed.truncated ? listed.every((n, i) => meta[i] === n) : listed.length === meta.length && listed.every((n, i) => meta[i] === n);
    if (!agree) {
      throw new MetadataError(
        `${where}: the authors conflict: ${seed.where} lists ${seed.authors.join(', ')}${seed.truncated ? ' et al.' : ''}; ${a.provenance.authors?.urls.join(', ')} gives ${a.authors.join(', ')}. Correct the record, or add it to "disputed" with the reason.`,
      );
    }
  }
  const d = seed.date;
  if (a.date && d?.year !== undefined && d.month !== undefined && d.day !== undefined) {
    const days = (Date.UTC(d.year, d.month - 1, d.day) - Date.parse(`${a.date}T00:00:00Z`)) / 86_400_000;
    if (days < -1 || days > 31) {
      throw new MetadataError(
        `${where}: the dates conflict: ${seed.where} dates the paper ${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}; ${a.provenance.date?.urls.join(', ')} gives the first version as ${a.date}. Correct the record, or add it to "disputed" with the reason.`,
      );
    }
  }
}

/**
 * Checks a record against itself and the corpus's title; throws a
 * MetadataError that says what is wrong:
 *
 * - every source's title is the paper's title or one of its later titles;
 * - an accepted arXiv id's YYMM agrees with the accepted first-version date.
 */
export function checkRecord(r: MetadataRecord, a: AcceptedMetadata, corpusTitle: string, where: string): void {
  const titles = new Set([corpusTitle, r.title, ...r.laterTitles].map(comparableTitle));
  for (const s of r.sources) {
    if (!titles.has(comparableTitle(s.title))) {
      throw new MetadataError(`${where}: the source ${s.url} gives the title "${s.title}", which is neither "${corpusTitle}" nor a later title of it`);
    }
  }
  if (a.arxiv && a.date) {
    const m = /^(\d{2})(\d{2})\./.exec(a.arxiv);
    // The id's month is the submission's; a paper submitted on a month's last evening (US time) is dated the next day at most.
    const idMonth = m ? `20${m[1]}-${m[2]}` : '';
    const dayBefore = new Date(Date.UTC(Number(`20${m?.[1]}`), Number(m?.[2]) - 1, 0)).toISOString().slice(0, 10);
    if (m && idMonth !== a.date.slice(0, 7) && a.date !== dayBefore) {
      throw new MetadataError(`${where}: arXiv id ${a.arxiv} was first submitted in 20${m[1]}-${m[2]}, but the first-version date is ${a.date}`);
    }
  }
}

/** What merging the metadata did: for the build's report and `paperlens stats`. */
export interface MetadataReport {
  /** Papers with a record in the metadata file. */
  records: number;
  /** Papers with each field, from metadata or the seeds. */
  coverage: MetadataCoverage;
  /** Papers whose first arXiv version's date a primary source or two websites give. */
  firstVersionDates: number;
  disagreements: number;
}

/**
 * The corpus with its papers' metadata merged in, with provenance: the
 * accepted arXiv id, DOI, venue and later titles; the author list (which
 * replaces the listing's partial one); the first-version date (or the year
 * and month its arXiv id gives); and the title-word key each paper had
 * before its authors were known (`formerKeys`), so old citations resolve.
 * Checks every record (see {@link checkRecord}) and cross-checks it against
 * the seeds (see {@link crossCheck}).
 *
 * @param file the metadata file's path, for messages.
 */
export function applyMetadata(corpus: Corpus, records: readonly MetadataRecord[], file: string): { corpus: Corpus; report: MetadataReport } {
  const byId = new Map(corpus.papers.map((p) => [p.id, p]));
  const lineOf = new Map(records.map((r, i) => [r.id, i + 1]));
  const accepted = new Map<string, AcceptedMetadata>();
  for (const r of records) {
    const where = `${file}:${lineOf.get(r.id)}`;
    const p = byId.get(r.id);
    if (!p) throw new MetadataError(`${where}: no paper in the corpus has the id ${r.id}`);
    const a = acceptMetadata(r);
    checkRecord(r, a, p.title, where);
    crossCheck(a, { authors: p.authors.map((x) => x.name), truncated: p.authorsTruncated, ...(p.date ? { date: p.date } : {}), where: p.sources.map((s) => `${s.file}:${s.line}`).join(', ') }, where);
    accepted.set(r.id, a);
  }
  const arxivOwner = new Map<string, string>();
  for (const a of accepted.values()) {
    if (!a.arxiv) continue;
    const other = arxivOwner.get(a.arxiv);
    if (other) throw new MetadataError(`${file}:${lineOf.get(a.id)}: arXiv id ${a.arxiv} is also ${other}'s (line ${lineOf.get(other)})`);
    arxivOwner.set(a.arxiv, a.id);
  }

  const before = assignKeys(corpus.papers);
  const papers = corpus.papers.map((p) => merged(p, accepted.get(p.id)));
  const after = assignKeys(papers);
  const taken = new Set(after.values());
  const withKeys = papers.map((p) => {
    const old = before.get(p.id);
    // A key another paper now has stays that paper's: an old citation must never land on the wrong paper.
    return old !== undefined && !taken.has(old) ? PaperSchema.parse({ ...p, formerKeys: [old] }) : p;
  });
  const count = (f: (p: Paper) => boolean): number => withKeys.filter(f).length;
  const report: MetadataReport = {
    records: records.length,
    coverage: metadataCoverage(withKeys),
    firstVersionDates: count((p) => p.date?.day !== undefined && (p.provenance?.['date']?.via === 'primary' || p.provenance?.['date']?.via === 'agreement')),
    disagreements: [...accepted.values()].reduce((n, a) => n + a.disagreements.length, 0),
  };
  return { corpus: CorpusSchema.parse({ ...corpus, papers: withKeys }), report };
}

/** One paper with its accepted metadata, validated. Seed fields keep a `seed` provenance. */
function merged(p: Paper, a: AcceptedMetadata | undefined): Paper {
  const seedRecords = p.sources.map((s) => `${s.file}:${s.line}`);
  const provenance: Record<string, Provenance> = {};
  const out: Paper = { ...p };
  if (p.authors.length > 0) provenance['authors'] = { via: 'seed', urls: [], records: seedRecords };
  if (p.date) provenance['date'] = { via: 'seed', urls: [], records: seedRecords };
  if (a) {
    if (a.authors) {
      out.authors = a.authors.map((n) => toAuthor(n, !isPersonName(n) && isOrganizationName(n)));
      out.authorsTruncated = false;
      out.authorCount = a.authors.length;
    }
    if (a.date) {
      const [y, m, d] = a.date.split('-').map(Number);
      out.date = { year: y as number, month: m as number, day: d as number };
    } else if (a.yearMonth && (p.date?.year ?? a.yearMonth.year) === a.yearMonth.year && (p.date?.month ?? a.yearMonth.month) === a.yearMonth.month) {
      // The arXiv id gives the year and month; a listing's day in that month stays.
      out.date = { ...p.date, year: a.yearMonth.year, month: a.yearMonth.month };
    }
    if (out.date?.year !== undefined) out.year = out.date.year;
    if (a.arxiv) out.arxiv = a.arxiv;
    if (a.doi) out.doi = a.doi;
    if (a.venue) out.venue = a.venue;
    if (a.laterTitles.length > 0) out.laterTitles = a.laterTitles;
    for (const [field, prov] of Object.entries(a.provenance)) {
      if (field === 'yearMonth') {
        if (out.date?.year !== a.yearMonth?.year || out.date?.month !== a.yearMonth?.month || a.date) continue;
        // Year and month from the id; a day, if any, from the listings.
        provenance['date'] = { via: prov.via, urls: [...new Set(prov.urls)], ...(out.date?.day !== undefined ? { records: seedRecords } : {}) };
        continue;
      }
      provenance[field] = { via: prov.via, urls: [...new Set(prov.urls)] };
    }
  }
  if (Object.keys(provenance).length > 0) out.provenance = provenance;
  return PaperSchema.parse(out);
}
