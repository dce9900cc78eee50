import type { Paper, PaperMeta, Provenance } from '../../schema/corpus';

/**
 * How a paper's metadata reads in the CLI, the quick pick, hovers and the
 * tree, the same everywhere. Missing metadata is said, never guessed.
 */

/**
 * The authors, all of them or, with `max`, the first `max` then "et al."
 * (a list one longer than `max` is shown whole).
 *
 * @example
 * authorsLine(paper) // => 'Zizheng Pan, Jianfei Cai, Bohan Zhuang' | 'Akide Liu, Jing Liu, Zizheng Pan et al.' | 'authors unknown'
 * authorsLine(layerskip, 3) // => 'Mostafa Elhoushi, Akshat Shrivastava, Diana Liskovich et al.'
 */
export function authorsLine(p: PaperMeta, max = Infinity): string {
  if (p.authors.length === 0) {
    if (p.organization) return p.organization;
    return p.authorCount ? `${p.authorCount} authors, names unknown` : 'authors unknown';
  }
  const cut = p.authors.length > max + 1;
  const names = (cut ? p.authors.slice(0, max) : p.authors).map((a) => a.name).join(', ');
  return p.authorsTruncated || cut ? `${names} et al.` : names;
}

/** How many authors a one-line list (a search row, a tree row, a card) names before "et al.". */
export const LINE_AUTHORS = 3;

/** "Pan et al." or "Pan, Cai & Zhuang", for tight spaces; undefined when no names are known. */
export function shortAuthors(p: PaperMeta): string | undefined {
  const fam = p.authors.map((a) => a.family ?? a.name);
  if (fam.length === 0) return p.organization;
  if (fam.length === 1 && !p.authorsTruncated) return fam[0];
  if (fam.length === 2 && !p.authorsTruncated) return `${fam[0]} & ${fam[1]}`;
  return `${fam[0]} et al.`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "May 26, 2022", "Jul 20 (year not listed)", "date unknown". */
export function dateLine(p: PaperMeta): string {
  const d = p.date;
  if (!d) return 'date unknown';
  const md = d.month ? `${MONTHS[d.month - 1]}${d.day ? ` ${d.day}` : ''}` : '';
  if (d.year) return md ? `${md}, ${d.year}` : String(d.year);
  return `${md} (year not listed)`;
}

/** "2022" or "year unknown". */
export const yearLine = (p: PaperMeta): string => (p.year === undefined ? 'year unknown' : String(p.year));

/**
 * The "year · authors" of a one-line paper row (a tree row, a completion
 * item, a quick pick row, a CLI search hit): the first {@link LINE_AUTHORS}
 * authors, or with `short` the family names of {@link shortAuthors}; with
 * `introduces`, led by "introduces" (a paper that introduces the technique
 * the row is listed under).
 *
 * @example
 * yearAndAuthors(hilo) // => '2022 · Zizheng Pan, Jianfei Cai, Bohan Zhuang'
 * yearAndAuthors(hilo, { short: true }) // => '2022 · Pan et al.'
 * yearAndAuthors(transmla, { introduces: true }) // => 'introduces · 2025 · authors unknown'
 */
export function yearAndAuthors(p: PaperMeta, opts: { short?: boolean; introduces?: boolean } = {}): string {
  const authors = opts.short ? (shortAuthors(p) ?? 'authors unknown') : authorsLine(p, LINE_AUTHORS);
  return `${opts.introduces ? 'introduces · ' : ''}${yearLine(p)} · ${authors}`;
}

/**
 * The first sentence or so of a text, cut at a word boundary with an ellipsis.
 *
 * @example
 * snippet('One two three. Four.', 10) // => 'One two…'
 */
export function snippet(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.{40,}?[.!?])\s/.exec(t)?.[1];
  if (sentence && sentence.length <= max) return sentence;
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}

/**
 * Where a paper was published after review: "NeurIPS 2022", or the full
 * name when there is no short one; undefined for a preprint.
 *
 * @example
 * venueLine(hilo) // => 'NeurIPS 2022'
 */
export function venueLine(p: Pick<PaperMeta, 'venue'>): string | undefined {
  const v = p.venue;
  if (!v) return undefined;
  return `${v.short ?? v.name}${v.year !== undefined ? ` ${v.year}` : ''}`;
}

const VIA: Record<Provenance['via'], string> = {
  primary: 'stated by a primary source',
  agreement: 'two websites agree',
  'arxiv-id': 'year and month from the arXiv id',
  seed: 'from the bundled listings',
};

/** The fields whose provenance is shown, in the order a reader checks them. */
const PROVENANCE_FIELDS = ['authors', 'date', 'arxiv', 'venue', 'doi', 'laterTitles'] as const;

/**
 * Where each of a paper's facts came from, one line per field: how it was
 * accepted, and the pages or seed records that state it.
 *
 * @example
 * provenanceLines(hilo)
 * // => [{ field: 'authors', how: 'stated by a primary source', where: ['http://arxiv.org/abs/2205.13213?context=cs.AI', …] }, …]
 */
export function provenanceLines(p: Pick<Paper, 'provenance'>): { field: string; how: string; where: string[] }[] {
  const out: { field: string; how: string; where: string[] }[] = [];
  for (const field of PROVENANCE_FIELDS) {
    const prov = p.provenance?.[field];
    if (!prov) continue;
    out.push({ field: field === 'laterTitles' ? 'later titles' : field === 'arxiv' ? 'arXiv id' : field === 'doi' ? 'DOI' : field, how: VIA[prov.via], where: [...prov.urls, ...(prov.records ?? [])] });
  }
  return out;
}
