import type { FileReport, PaperMeta } from '../../schema/corpus';

/** The papers and the seed-file reports: a built corpus, or the loaded catalog. */
export interface CorpusFiles {
  papers: readonly PaperMeta[];
  files: readonly FileReport[];
}

export interface Reconciliation {
  papers: number;
  files: Record<string, { records: number; papers: number; merged: number }>;
}

/**
 * Every record of every seed file is either a paper or a named merge into
 * one. Throws if the numbers do not add up, which would mean a record was
 * lost between parsing and the corpus.
 */
export function reconcile(corpus: CorpusFiles): Reconciliation {
  const files: Reconciliation['files'] = {};
  let created = 0;
  for (const f of corpus.files) {
    if (f.records !== f.papers + f.merged) {
      throw new Error(`${f.file}: ${f.records} records read but ${f.papers} papers + ${f.merged} merged`);
    }
    if (f.merges.length !== f.merged) throw new Error(`${f.file}: ${f.merged} merged but ${f.merges.length} merges named`);
    files[f.file] = { records: f.records, papers: f.papers, merged: f.merged };
    created += f.papers;
  }
  if (created !== corpus.papers.length) {
    throw new Error(`seed files created ${created} papers but the corpus holds ${corpus.papers.length}`);
  }
  const sourced = corpus.papers.reduce((n, p) => n + p.sources.length, 0);
  const read = corpus.files.reduce((n, f) => n + f.records, 0);
  if (sourced !== read) throw new Error(`${read} records read but papers cite ${sourced} sources`);
  return { papers: corpus.papers.length, files };
}

/** The reconciliation as a plain-text table, one row a seed file, then the merges. */
export function formatReconciliation(corpus: CorpusFiles): string {
  const r = reconcile(corpus);
  const rows = corpus.files.map((f) => [f.file, f.format, String(f.records), String(f.papers), String(f.merged)]);
  const total = corpus.files.reduce((n, f) => n + f.records, 0);
  const merged = corpus.files.reduce((n, f) => n + f.merged, 0);
  rows.push(['total', '', String(total), String(r.papers), String(merged)]);
  const head = ['seed file', 'format', 'records', 'papers', 'merged'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const fmt = (row: string[]): string =>
    row.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const lines = [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(0, -1).map(fmt)];
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '), fmt(rows[rows.length - 1] ?? []));
  const merges = corpus.files.flatMap((f) => f.merges.map((m) => `  ${f.file}:${m.line} → ${m.into} (${m.how})`));
  if (merges.length > 0) lines.push('', `merged records (${merges.length}):`, ...merges);
  return lines.join('\n');
}

/** How many papers have each piece of citation metadata. */
export interface MetadataCoverage {
  papers: number;
  /** Every author named: not none, not cut short with "et al.". */
  authors: number;
  year: number;
  yearMonth: number;
  /** A full date: year, month and day. */
  day: number;
  arxiv: number;
  venue: number;
  doi: number;
}

/** Labels of {@link MetadataCoverage}'s counts, in the order tables show them. */
export const COVERAGE_LABELS: readonly [Exclude<keyof MetadataCoverage, 'papers'>, string][] = [
  ['authors', 'complete author list'],
  ['year', 'year'],
  ['yearMonth', 'year and month'],
  ['day', 'full date'],
  ['arxiv', 'arXiv id'],
  ['venue', 'venue'],
  ['doi', 'DOI'],
];

/**
 * Counts the papers that have each piece of citation metadata.
 *
 * @example
 * metadataCoverage(corpus.papers) // => { papers: 397, authors: 317, year: 362, … }
 */
export function metadataCoverage(papers: readonly PaperMeta[]): MetadataCoverage {
  const count = (f: (p: PaperMeta) => boolean): number => papers.filter(f).length;
  return {
    papers: papers.length,
    authors: count((p) => p.authors.length > 0 && !p.authorsTruncated),
    year: count((p) => p.year !== undefined),
    yearMonth: count((p) => p.year !== undefined && p.date?.year === p.year && p.date.month !== undefined),
    day: count((p) => p.year !== undefined && p.date?.year === p.year && p.date.month !== undefined && p.date.day !== undefined),
    arxiv: count((p) => p.arxiv !== undefined),
    venue: count((p) => p.venue !== undefined),
    doi: count((p) => p.doi !== undefined),
  };
}

/**
 * The coverage as a plain-text table: count and share of papers per field.
 *
 * @example
 * formatCoverage(metadataCoverage(papers)) // => 'metadata               papers  share\n…\narXiv id                  341    86%\n…'
 */
export function formatCoverage(c: MetadataCoverage): string {
  const rows = COVERAGE_LABELS.map(([k, label]) => [label, String(c[k]), `${Math.round((100 * c[k]) / Math.max(1, c.papers))}%`]);
  const head = ['metadata', 'papers', 'share'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (row: string[]): string => row.map((x, i) => (i > 0 ? x.padStart(widths[i] ?? 0) : x.padEnd(widths[i] ?? 0))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt), `of ${c.papers} papers`].join('\n');
}
