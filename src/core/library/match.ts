/**
 * Which of the user's entries are bundled papers: the same arXiv id, the
 * same DOI, or the same title (compared as `comparableTitle` does: TeX,
 * accents, case and punctuation aside) with years no more than one apart
 * when both are known (a preprint and its proceedings version).
 */
import { comparableTitle } from '../bib/fields';
import type { LibraryEntry } from './entry';

/** What a bundled paper offers for matching. */
export interface MatchablePaper {
  id: string;
  title: string;
  year?: number | undefined;
  arxiv?: string | undefined;
  doi?: string | undefined;
  laterTitles?: readonly string[] | undefined;
}

/** The bundled papers, indexed for {@link matchPaper}. */
export interface PaperMatcher {
  byArxiv: Map<string, string>;
  byDoi: Map<string, string>;
  byTitle: Map<string, { id: string; year?: number | undefined }[]>;
}

/**
 * Indexes the bundled papers by arXiv id, DOI and comparable title (later titles too).
 *
 * @example
 * matchPaper(paperMatcher(corpus.papers), { title: 'Fast Vision Transformers with {HiLo} Attention', year: 2022, … }) // => 'fast-vision-transformers-with-hilo-attention'
 */
export function paperMatcher(papers: readonly MatchablePaper[]): PaperMatcher {
  const m: PaperMatcher = { byArxiv: new Map(), byDoi: new Map(), byTitle: new Map() };
  for (const p of papers) {
    if (p.arxiv) m.byArxiv.set(p.arxiv, p.id);
    if (p.doi) m.byDoi.set(p.doi.toLowerCase(), p.id);
    for (const t of [p.title, ...(p.laterTitles ?? [])]) {
      const k = comparableTitle(t);
      if (k.length < 8) continue; // a title of one short word says too little
      m.byTitle.set(k, [...(m.byTitle.get(k) ?? []), { id: p.id, year: p.year }]);
    }
  }
  return m;
}

/** The id of the bundled paper an entry is, or undefined. */
export function matchPaper(m: PaperMatcher, e: Pick<LibraryEntry, 'title' | 'year' | 'arxiv' | 'doi'>): string | undefined {
  if (e.arxiv) {
    const id = m.byArxiv.get(e.arxiv);
    if (id) return id;
  }
  if (e.doi) {
    const id = m.byDoi.get(e.doi.toLowerCase());
    if (id) return id;
  }
  const candidates = m.byTitle.get(comparableTitle(e.title)) ?? [];
  const fits = candidates.filter((c) => c.year === undefined || e.year === undefined || Math.abs(c.year - e.year) <= 1);
  return fits.length === 1 ? fits[0]?.id : undefined;
}
