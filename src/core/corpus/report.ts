import type { FileReport, PaperMeta } from './schema';

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
