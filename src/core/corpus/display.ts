import type { PaperMeta } from './schema';

/**
 * How a paper's metadata reads in the CLI, the quick pick, hovers and the
 * tree, the same everywhere. Missing metadata is said, never guessed.
 */

/**
 * @example
 * authorsLine(paper) // => 'Zizheng Pan, Jianfei Cai, Bohan Zhuang' | 'Akide Liu, Jing Liu, Zizheng Pan et al.' | 'authors unknown'
 */
export function authorsLine(p: PaperMeta): string {
  if (p.authors.length === 0) {
    if (p.organization) return p.organization;
    return p.authorCount ? `${p.authorCount} authors, names unknown` : 'authors unknown';
  }
  const names = p.authors.map((a) => a.name).join(', ');
  return p.authorsTruncated ? `${names} et al.` : names;
}

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
