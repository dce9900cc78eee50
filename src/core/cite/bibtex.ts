import type { Author, CitablePaper } from '../../schema/corpus';
import { arxivUrl } from '../corpus/arxiv';
import { protect, toLatex, toLatexTitle } from './latex';

/**
 * BibTeX and BibLaTeX entries: a paper with a venue (and its authors) is an
 * `@inproceedings` or `@article`; any other is `@misc` (BibTeX) or
 * `@online` (BibLaTeX). Every fact comes from the corpus and its metadata,
 * with the arXiv id as an `eprint`; nothing is guessed.
 */

export interface BibEntryOptions {
  /** Add `abstract = {…}`. Off by default: styles rarely print it and it makes entries long. */
  abstract?: boolean;
  /**
   * Where an entry says which metadata the corpus lacks (see {@link describeMissing}):
   * `'comment'` (default) puts a `%` line above the entry, which BibTeX and
   * Biber ignore; `'note'` puts it in the `note` field, so it is printed in
   * the bibliography until someone fills the gap.
   */
  missing?: 'comment' | 'note';
}

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A BibTeX entry: `@inproceedings` (`booktitle`) or `@article` (`journal`)
 * for a paper published at a venue, with the venue's year; else `@misc`,
 * with `year` and the `month` macro of the first version when known.
 * `title` has acronyms and CamelCase braced; `author` is `Last, First and …`
 * (`and others` when the listing said "et al.", organisations braced) or,
 * with no author, BibTeX's `key` field (the coined name or the title, which
 * styles sort and label by instead). The arXiv id is an `eprint` with
 * `archivePrefix` and `primaryClass`, as arXiv's own BibTeX gives it, and
 * the arXiv page the `url`; without an arXiv id the code URL found in the
 * abstract is `howpublished`. Then `doi`, and `abstract` on request. Fields
 * the corpus does not know are left out, never guessed; a `%` comment above
 * the entry (or the `note` field) says what is missing.
 *
 * @example
 * toBibtex(hilo, 'pan2022fast')
 * // @inproceedings{pan2022fast,
 * //   title         = {Fast Vision Transformers with {HiLo} Attention},
 * //   author        = {Pan, Zizheng and Cai, Jianfei and Zhuang, Bohan},
 * //   booktitle     = {Advances in Neural Information Processing Systems},
 * //   year          = {2022},
 * //   eprint        = {2205.13213},
 * //   archivePrefix = {arXiv},
 * //   primaryClass  = {cs.CV},
 * //   url           = {https://arxiv.org/abs/2205.13213}
 * // }
 */
export function toBibtex(paper: CitablePaper, key: string, options: BibEntryOptions = {}): string {
  const fields: Field[] = [['title', `{${toLatexTitle(paper.title)}}`]];
  const author = bibAuthors(paper);
  const venue = author !== undefined ? paper.venue : undefined;
  if (author !== undefined) fields.push(['author', `{${author}}`]);
  // BibTeX's own field for sorting and labelling an entry with no author; styles warn without it.
  else fields.push(['key', `{${toLatex(paper.shortName ?? paper.title, { atomic: true })}}`]);
  if (venue) fields.push([venue.type === 'journal' ? 'journal' : 'booktitle', `{${toLatex(venue.name)}}`]);
  else if (paper.codeUrl !== undefined && paper.arxiv === undefined) fields.push(['howpublished', `{\\url{${bibUrl(paper.codeUrl)}}}`]);
  const year = venue?.year ?? paper.year;
  if (year !== undefined) {
    fields.push(['year', `{${year}}`]);
    // The month is the first version's; a venue's month is not known.
    const month = paper.date?.month;
    if (month !== undefined && year === paper.year && !venue) fields.push(['month', MONTH_MACROS[month - 1] as string]);
  }
  fields.push(...eprintFields(paper, 'bibtex'));
  return entry(venue ? (venue.type === 'journal' ? 'article' : 'inproceedings') : 'misc', key, paper, fields, options);
}

/** The arXiv link, DOI and URL fields both formats share: BibTeX's `archivePrefix`, BibLaTeX's `eprinttype`. */
function eprintFields(paper: CitablePaper, style: 'bibtex' | 'biblatex'): Field[] {
  const out: Field[] = [];
  if (paper.arxiv !== undefined) {
    out.push(['eprint', `{${paper.arxiv}}`]);
    if (style === 'bibtex') {
      out.push(['archivePrefix', '{arXiv}']);
      if (paper.category !== undefined) out.push(['primaryClass', `{${paper.category}}`]);
    } else {
      out.push(['eprinttype', '{arxiv}']);
      if (paper.category !== undefined) out.push(['eprintclass', `{${paper.category}}`]);
    }
  }
  if (paper.doi !== undefined) out.push(['doi', `{${bibUrl(paper.doi)}}`]);
  const url = arxivUrl(paper) ?? (style === 'biblatex' ? paper.codeUrl : undefined);
  if (url !== undefined) out.push(['url', `{${bibUrl(url)}}`]);
  return out;
}


/**
 * A BibLaTeX entry, for Biber: like {@link toBibtex}, `@online` rather
 * than `@misc`, `journaltitle` for a journal, the date as one ISO 8601
 * `date` field (`2022-05-26`, `2022-05` or `2022`; the venue's year for a
 * published paper), the arXiv id as `eprint` with `eprinttype = {arxiv}`,
 * and the code URL as `url` when there is no arXiv page.
 *
 * @example
 * toBiblatex(hilo, 'pan2022fast')
 * // @inproceedings{pan2022fast,
 * //   title       = {Fast Vision Transformers with {HiLo} Attention},
 * //   author      = {Pan, Zizheng and Cai, Jianfei and Zhuang, Bohan},
 * //   booktitle   = {Advances in Neural Information Processing Systems},
 * //   date        = {2022},
 * //   eprint      = {2205.13213},
 * //   eprinttype  = {arxiv},
 * //   eprintclass = {cs.CV},
 * //   url         = {https://arxiv.org/abs/2205.13213}
 * // }
 */
export function toBiblatex(paper: CitablePaper, key: string, options: BibEntryOptions = {}): string {
  const fields: Field[] = [['title', `{${toLatexTitle(paper.title)}}`]];
  const author = bibAuthors(paper);
  const venue = author !== undefined ? paper.venue : undefined;
  if (author !== undefined) fields.push(['author', `{${author}}`]);
  if (venue) fields.push([venue.type === 'journal' ? 'journaltitle' : 'booktitle', `{${toLatex(venue.name)}}`]);
  const date = venue?.year !== undefined ? String(venue.year) : isoDate(paper);
  if (date !== undefined) fields.push(['date', `{${date}}`]);
  fields.push(...eprintFields(paper, 'biblatex'));
  return entry(venue ? (venue.type === 'journal' ? 'article' : 'inproceedings') : 'online', key, paper, fields, options);
}

/**
 * The BibTeX name list: `Last, First` per person, an organisation braced as
 * one literal name, a person known only by a display name braced too, and
 * `and others` when the listing cut the list short. Undefined when no author
 * is known.
 *
 * @example
 * bibAuthors(deepseekV3) // => '{DeepSeek-AI} and Liu, Aixin and Feng, Bei and others'
 */
export function bibAuthors(paper: CitablePaper): string | undefined {
  if (paper.authors.length === 0) return undefined;
  const names = paper.authors.map(bibName);
  if (paper.authorsTruncated) names.push('others');
  return names.join(' and ');
}

function bibName(a: Author): string {
  if (a.organization || a.family === undefined) return protect(toLatex(a.name));
  // Judged on the LaTeX, not the input: „ and ‚ become commas there, and a bare comma would split the name.
  const part = (s: string) => {
    const tex = toLatex(s);
    return /,|\band\b/i.test(tex) || /^others$/i.test(s.trim()) ? protect(tex) : tex;
  };
  return a.given === undefined ? part(a.family) : `${part(a.family)}, ${part(a.given)}`;
}

/**
 * What the corpus does not know about a paper's citation metadata, as one
 * sentence, or undefined when nothing is missing: no authors (with the count
 * when a listing gave one), an author list cut short, no year (with the
 * month and day when a listing gave only those).
 *
 * @example
 * describeMissing(transmla) // => 'Missing from the PaperLens corpus: authors, year'
 * describeMissing(matformer) // => 'Missing from the PaperLens corpus: authors (the listing counts 11, names not given)'
 * describeMissing(hilo) // => undefined
 */
export function describeMissing(paper: CitablePaper): string | undefined {
  const gaps: string[] = [];
  if (paper.authors.length === 0) {
    gaps.push(paper.authorCount ? `authors (the listing counts ${paper.authorCount}, names not given)` : 'authors');
  } else if (paper.authorsTruncated) {
    const n = paper.authors.length;
    gaps.push(`authors after the first ${n === 1 ? 'one' : n} (the listing says "et al.")`);
  }
  if (paper.year === undefined && (paper.authors.length === 0 || paper.venue?.year === undefined)) {
    const d = paper.date;
    const known = d?.month ? `${MONTH_NAMES[d.month - 1]}${d.day ? ` ${d.day}` : ''}` : '';
    gaps.push(known ? `year (the listing gives only ${known})` : 'year');
  }
  return gaps.length === 0 ? undefined : `Missing from the PaperLens corpus: ${gaps.join(', ')}`;
}

/**
 * The date in ISO 8601 for BibLaTeX and CSL: as precise as the corpus knows,
 * or undefined without a year (a month alone is not a date).
 *
 * @example
 * isoDate(hilo) // => '2022-05-26'
 * isoDate(transmla) // => undefined
 */
export function isoDate(paper: CitablePaper): string | undefined {
  if (paper.year === undefined) return undefined;
  const d = paper.date;
  const two = (n: number) => String(n).padStart(2, '0');
  if (d?.year !== paper.year || d.month === undefined) return String(paper.year);
  return d.day === undefined ? `${paper.year}-${two(d.month)}` : `${paper.year}-${two(d.month)}-${two(d.day)}`;
}

type Field = [name: string, value: string];

function entry(type: string, key: string, paper: CitablePaper, fields: Field[], options: BibEntryOptions): string {
  const missing = describeMissing(paper);
  if (missing !== undefined && options.missing === 'note') fields.push(['note', `{${toLatex(missing)}}`]);
  const abstract = options.abstract ? abstractOf(paper) : '';
  if (abstract !== '') fields.push(['abstract', `{${toLatex(abstract)}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n');
  const comment = missing !== undefined && options.missing !== 'note' ? `% ${missing}. Add them before you publish.\n` : '';
  return `${comment}@${type}{${key},\n${body}\n}`;
}

/** Braces and backslashes would end or break the field; they are percent-encoded, which a URL allows. */
function bibUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The abstract of a paper asked to carry one. A catalog record has none:
 * load the full paper first (data.details.get); asking without it is a bug.
 *
 * @example
 * abstractOf(await data.details.get(id)) // => 'Vision Transformers (ViTs) have …'
 */
export function abstractOf(paper: CitablePaper): string {
  if (paper.abstract === undefined) throw new Error(`the abstract of ${paper.id} was asked for but not loaded`);
  return paper.abstract;
}
