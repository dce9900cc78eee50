/**
 * Build-time: the corpus with its papers' accepted metadata merged in, with
 * provenance for every field, and the report the build prints.
 */
import { assignKeys } from '../../core/cite/keys';
import { type MetadataCoverage, metadataCoverage } from '../../core/corpus/report';
import { type Corpus, CorpusSchema, type Paper, PaperSchema, type Provenance } from '../../schema/corpus';
import { toAuthor } from '../corpus/buildCorpus';
import { isOrganizationName, isPersonName } from '../seeds/authors';
import { type AcceptedMetadata, acceptMetadata, checkRecord, crossCheck } from './accept';
import { MetadataError, type MetadataRecord } from './records';

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
 * and month its arXiv id gives); and every key the paper had before
 * (`formerKeys`): the title-word key from before its authors were known,
 * and the keys earlier releases shipped (`released`, from
 * `metadata/released-keys.json`), so old citations resolve.
 * Checks every record (see {@link checkRecord}) and cross-checks it against
 * the seeds (see {@link crossCheck}).
 *
 * @param file the metadata file's path, for messages.
 * @param released per paper id, the citation keys earlier releases shipped.
 */
export function applyMetadata(
  corpus: Corpus,
  records: readonly MetadataRecord[],
  file: string,
  released: ReadonlyMap<string, readonly string[]> = new Map(),
): { corpus: Corpus; report: MetadataReport } {
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
    // A key another paper now has stays that paper's: an old citation must never land on the wrong paper.
    const old = [...new Set([before.get(p.id), ...(released.get(p.id) ?? [])])].filter((k): k is string => k !== undefined && !taken.has(k));
    return old.length > 0 ? PaperSchema.parse({ ...p, formerKeys: old }) : p;
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
