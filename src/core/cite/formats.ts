import type { Author, CitablePaper } from '../../schema/corpus';
import { arxivUrl } from '../corpus/arxiv';
import { type BibEntryOptions, abstractOf, describeMissing, toBiblatex, toBibtex } from './bibtex';

/**
 * Every citation form PaperLens writes, all from the same paper record and
 * the same key.
 */

export const CITATION_FORMATS = ['bibtex', 'biblatex', 'latex', 'pandoc', 'markdown', 'text', 'comment', 'csl-json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** The formats that describe a whole paper and so make a bibliography file. */
export const BIBLIOGRAPHY_FORMATS = ['bibtex', 'biblatex', 'csl-json'] as const;
export type BibliographyFormat = (typeof BIBLIOGRAPHY_FORMATS)[number];

export const LATEX_CITE_COMMANDS = ['cite', 'citep', 'citet', 'autocite', 'parencite', 'textcite'] as const;
export type LatexCiteCommand = (typeof LATEX_CITE_COMMANDS)[number];

export interface CitationOptions extends BibEntryOptions {
  /** The LaTeX command for the `latex` format: `cite` (default), natbib's `citep`/`citet`, BibLaTeX's `autocite`/`parencite`/`textcite`. */
  latexCommand?: LatexCiteCommand;
  /** What starts the line in the `comment` format: `#` (default), `//`, `--`, `%`, … */
  commentPrefix?: string;
}

/** A CSL-JSON name: a person, or an organisation (or Pandoc's `others`) as a literal. */
export type CslName = { family: string; given?: string } | { literal: string };

/** The CSL-JSON item PaperLens writes; see https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html */
export interface CslItem {
  id: string;
  /** `article` (a preprint or other work), `paper-conference` or `article-journal` when published. */
  type: 'article' | 'paper-conference' | 'article-journal';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [number[]] };
  /** The venue's name. */
  'container-title'?: string;
  /** "arXiv", with the id as `number`. */
  archive?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  note?: string;
}

/**
 * Type guard for a format name typed by a user.
 *
 * @example
 * isCitationFormat('csl-json') // => true
 * isCitationFormat('ris') // => false
 */
export function isCitationFormat(name: string): name is CitationFormat {
  return (CITATION_FORMATS as readonly string[]).includes(name);
}

/**
 * Formats one paper's citation. `bibtex`, `biblatex` and `csl-json` describe
 * the paper; `latex` and `pandoc` cite it by key; `markdown`, `text` and
 * `comment` are for reading.
 *
 * | format     | HiLo (full metadata)                                                    |
 * |------------|-------------------------------------------------------------------------|
 * | `latex`    | `\cite{pan2022fast}`                                                    |
 * | `pandoc`   | `[@pan2022fast]`                                                        |
 * | `markdown` | `Pan, Z., Cai, J., & Zhuang, B. (2022). [Fast Vision …](https://…).`    |
 * | `text`     | `Pan, Z., Cai, J., & Zhuang, B. (2022). Fast Vision … https://…`       |
 * | `comment`  | `# See: Fast Vision Transformers with HiLo Attention (2022), pan2022fast` |
 *
 * @example
 * formatCitation(hilo, 'pan2022fast', 'latex', { latexCommand: 'citep' }) // => '\\citep{pan2022fast}'
 * formatCitation(transmla, 'transmla', 'comment', { commentPrefix: '//' })
 * // => '// See: TransMLA: Multi-head Latent Attention Is All You Need, transmla'
 */
export function formatCitation(paper: CitablePaper, key: string, format: CitationFormat, options: CitationOptions = {}): string {
  switch (format) {
    case 'bibtex':
      return toBibtex(paper, key, options);
    case 'biblatex':
      return toBiblatex(paper, key, options);
    case 'latex':
      return `\\${options.latexCommand ?? 'cite'}{${key}}`;
    case 'pandoc':
      return `[@${key}]`;
    case 'markdown':
      return toMarkdown(paper);
    case 'text':
      return toText(paper);
    case 'comment':
      return toComment(paper, key, options.commentPrefix ?? '#');
    case 'csl-json':
      return JSON.stringify(toCslJson(paper, key, options), null, 2);
  }
}

/**
 * A whole bibliography, one entry per paper, sorted by key so the file
 * diffs well between builds: BibTeX or BibLaTeX entries separated by blank
 * lines under a `%` header, or CSL-JSON as one array.
 *
 * @example
 * formatBibliography(corpus.papers, assignKeys(corpus.papers), 'csl-json')
 * // => '[\n  {\n    "id": "70size100", …'
 */
export function formatBibliography(
  papers: readonly CitablePaper[],
  keys: ReadonlyMap<string, string>,
  format: BibliographyFormat,
  options: BibEntryOptions = {},
): string {
  const keyed = papers
    .map((paper) => ({ paper, key: keys.get(paper.id) }))
    .map(({ paper, key }) => {
      if (key === undefined) throw new Error(`no citation key for ${paper.id}`);
      return { paper, key };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (format === 'csl-json') return JSON.stringify(keyed.map(({ paper, key }) => toCslJson(paper, key, options)), null, 2);
  const thin = keyed.filter(({ paper }) => describeMissing(paper) !== undefined).length;
  const header =
    `% PaperLens bibliography: ${keyed.length} entries. ${thin} lack some metadata; ` +
    (options.missing === 'note' ? 'their note field says what.' : 'a comment above each says what.');
  return [header, ...keyed.map(({ paper, key }) => formatCitation(paper, key, format, options))].join('\n\n');
}

/**
 * The CSL-JSON item for Pandoc, Quarto and Zotero. `type` is
 * `paper-conference` or `article-journal` for a paper published at a venue
 * (its year is then the venue's), else `article`, which CSL defines as "a
 * preprint, working paper, or other type of article". The arXiv id goes in
 * `archive` and `number`, and the arXiv page is the `URL`. Organisations are
 * literal names; an author list cut short ends in `{"literal": "others"}`,
 * which is what Pandoc itself produces from BibTeX's `and others` and
 * renders as "et al.". Unknown authors and dates are left out. `abstract`
 * only with `options.abstract`, `note` (what is missing) only with
 * `options.missing === 'note'`.
 *
 * @example
 * toCslJson(hilo, 'pan2022fast')
 * // => { id: 'pan2022fast', type: 'paper-conference', title: 'Fast Vision Transformers with HiLo Attention',
 * //      author: [{ family: 'Pan', given: 'Zizheng' }, …], issued: { 'date-parts': [[2022]] },
 * //      'container-title': 'Advances in Neural Information Processing Systems',
 * //      archive: 'arXiv', number: '2205.13213', URL: 'https://arxiv.org/abs/2205.13213' }
 */
export function toCslJson(paper: CitablePaper, key: string, options: BibEntryOptions = {}): CslItem {
  const venue = paper.authors.length > 0 ? paper.venue : undefined;
  const item: CslItem = { id: key, type: venue ? (venue.type === 'journal' ? 'article-journal' : 'paper-conference') : 'article', title: paper.title };
  if (paper.authors.length > 0) {
    item.author = paper.authors.map(cslName);
    if (paper.authorsTruncated) item.author.push({ literal: 'others' });
  }
  if (venue?.year !== undefined) item.issued = { 'date-parts': [[venue.year]] };
  else if (paper.year !== undefined) {
    const d = paper.date?.year === paper.year ? paper.date : undefined;
    const parts = [paper.year];
    if (d?.month !== undefined) parts.push(d.month, ...(d.day !== undefined ? [d.day] : []));
    item.issued = { 'date-parts': [parts] };
  }
  if (venue) item['container-title'] = venue.name;
  if (paper.arxiv !== undefined) {
    item.archive = 'arXiv';
    item.number = paper.arxiv;
  }
  if (paper.doi !== undefined) item.DOI = paper.doi;
  const url = paperUrl(paper);
  if (url !== undefined) item.URL = url;
  const abstract = options.abstract ? abstractOf(paper) : '';
  if (abstract !== '') item.abstract = abstract;
  const missing = describeMissing(paper);
  if (missing !== undefined && options.missing === 'note') item.note = missing;
  return item;
}

function cslName(a: Author): CslName {
  if (a.organization || a.family === undefined) return { literal: a.name };
  return a.given === undefined ? { family: a.family } : { family: a.family, given: a.given };
}

/**
 * `Pan, Z., Cai, J., & Zhuang, B.`: APA-style author names with initials;
 * `et al.` when the listing cut the list short; undefined when unknown.
 *
 * @example
 * apaAuthors(hilo) // => 'Pan, Z., Cai, J., & Zhuang, B.'
 * apaAuthors(deepseekV3) // => 'DeepSeek-AI, Liu, A., Feng, B., et al.'
 */
export function apaAuthors(paper: CitablePaper): string | undefined {
  const names = paper.authors.map((a) =>
    a.organization || a.family === undefined ? a.name : a.given === undefined ? a.family : `${a.family}, ${initials(a.given)}`,
  );
  if (names.length === 0) return undefined;
  if (paper.authorsTruncated) return `${names.join(', ')}, et al.`;
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]}`;
}

/** `Zizheng` → `Z.`, `De-An` → `D.-A.`, `Jean Paul` → `J. P.` */
function initials(given: string): string {
  return given
    .split(/\s+/)
    .map((w) =>
      w
        .split('-')
        .map((p) => (p.endsWith('.') && p.length <= 3 ? p : `${[...p][0] ?? ''}.`))
        .join('-'),
    )
    .join(' ');
}

/** `Title.` unless the title already ends in `.`, `?` or `!`. */
function sentence(s: string): string {
  return /[.?!]$/.test(s) ? s : `${s}.`;
}

/**
 * A plain-text reference in APA style: authors, year (`n.d.` when unknown),
 * title, the venue when the paper was published after review, and its link
 * (the arXiv page, else the code URL). With no authors the title leads, as APA does.
 *
 * @example
 * toText(hilo) // => 'Pan, Z., Cai, J., & Zhuang, B. (2022). Fast Vision Transformers with HiLo Attention. Advances in Neural Information Processing Systems. https://arxiv.org/abs/2205.13213'
 * toText(transmla) // => 'TransMLA: Multi-head Latent Attention Is All You Need. (2025). https://arxiv.org/abs/2502.07864'
 */
export function toText(paper: CitablePaper): string {
  return apa(paper, `${sentence(paper.title)}${venueOf(paper, (v) => ` ${sentence(v)}`)}`, paperUrl(paper));
}

/**
 * A Markdown reference: the APA-style text with the title linked to the
 * paper (its arXiv page, else its code URL; in italics when there is neither),
 * the venue in italics, Markdown characters escaped.
 *
 * @example
 * toMarkdown(hilo) // => 'Pan, Z., Cai, J., & Zhuang, B. (2022). [Fast Vision Transformers with HiLo Attention](https://arxiv.org/abs/2205.13213). *Advances in Neural Information Processing Systems*.'
 */
export function toMarkdown(paper: CitablePaper): string {
  const title = escapeMarkdown(paper.title);
  const end = /[.?!]$/.test(title) ? '' : '.';
  const url = paperUrl(paper);
  const linked = url === undefined ? `*${title}${end}*` : `[${title}](${markdownUrl(url)})${end}`;
  return apa(paper, `${linked}${venueOf(paper, (v) => ` *${escapeMarkdown(v)}*.`)}`, undefined);
}

/** Where a reader finds the paper: its arXiv page, else its code or project page. */
export function paperUrl(paper: CitablePaper): string | undefined {
  return arxivUrl(paper) ?? paper.codeUrl;
}

/** The venue's name, formatted, or nothing (a venue is only cited with its authors, as in BibTeX). */
function venueOf(paper: CitablePaper, format: (name: string) => string): string {
  return paper.venue === undefined || paper.authors.length === 0 ? '' : format(paper.venue.name);
}

function apa(paper: CitablePaper, title: string, url: string | undefined): string {
  // A published paper is dated by its venue, as APA cites the version of record.
  const year = `(${(paper.authors.length > 0 ? paper.venue?.year : undefined) ?? paper.year ?? 'n.d.'}).`;
  const authors = apaAuthors(paper);
  const head = authors === undefined ? `${title} ${year}` : `${sentence(authors)} ${year} ${title}`;
  return url === undefined ? head : `${head} ${url}`;
}

/**
 * One line for a source file: `# See: Title (Year), key`. The year is left
 * out when unknown; the prefix is the language's line comment.
 *
 * @example
 * toComment(hilo, 'pan2022fast', '#') // => '# See: Fast Vision Transformers with HiLo Attention (2022), pan2022fast'
 * toComment(transmla, 'transmla', '//') // => '// See: TransMLA: Multi-head Latent Attention Is All You Need, transmla'
 */
export function toComment(paper: CitablePaper, key: string, prefix: string): string {
  const title = paper.title.replace(/\s+/g, ' ').trim(); // one line, whatever the record holds
  const line = `See: ${title}${paper.year === undefined ? '' : ` (${paper.year})`}, ${key}`;
  return prefix === '' ? line : `${prefix} ${line}`;
}

function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

/** A URL with spaces or parentheses goes in angle brackets, which CommonMark allows. */
function markdownUrl(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}
