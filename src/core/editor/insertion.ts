import { type BibIndex, planBibEntry } from '../bib/plan';
import type { CitationFormat } from '../cite/formats';
import { type InsertFormat, citeEdit, commentLine } from './citations';

/**
 * What inserting a citation changes in the document cited in, decided
 * without vscode: the citation (merged into a `\cite{…}` or `[@…]` at the
 * cursor), a comment line above the cursor's line in code, the entry itself
 * in a .bib file, and which key is cited. The extension turns the plan into
 * a WorkspaceEdit, beside the bibliography file's own (see
 * `src/core/bib/plan.ts`).
 */

/** A change to one line: replace columns [start, end) of `line` with `text` (start === end: an insertion). */
export interface LineEdit {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** Where the citation goes: the cursor, its line, and the document's language and line break. */
export interface CiteSite {
  languageId: string;
  /** The cursor's line (0-based) and column, and that line's text. */
  line: number;
  col: number;
  text: string;
  /** The document's line break, ending a comment line put above the cursor's line. */
  eol: string;
  /**
   * Set when citing right after a technique name: what goes between the name
   * and a new citation (`MLA~\cite{…}`, `MLA [@…]`); nothing goes when the
   * key joins a citation already there.
   */
  lead?: { latex: string; pandoc: string };
}

/** What is cited, and how. */
export interface CiteRequest {
  /** The form the document wants (see `insertFormatFor`). */
  format: InsertFormat;
  /** The paper's citation key. */
  key: string;
  /**
   * The key the document's bibliography file cites the paper by, when an
   * entry went there or was there already (another key, or a suffixed one):
   * that key is cited.
   */
  bibliographyKey?: string | undefined;
  /** The LaTeX command of a new citation: `cite`, `citep`, … */
  latexCommand: string;
  /** The citation in a format under a key; a comment without its marker (the language's is added). */
  render: (format: CitationFormat, key: string) => string;
  /** For an entry put into a .bib file at the cursor: that file (its text or index), and the keys other papers use. */
  bibFile?: string | BibIndex;
  isTaken?: (key: string) => boolean;
}

/** The change, and what the user is told of it. */
export interface CitePlan {
  /** The key cited. */
  key: string;
  /** The change to make; none when the paper is already cited there. */
  edit: LineEdit | undefined;
  /** The paper is already cited at the cursor, or (a .bib file) its entry is already in the file, under `key`. */
  alreadyCited: boolean;
  /** A .bib file at the cursor that does not parse: the entry still goes in where it was asked for; this says what is wrong. */
  problem?: string;
}

/**
 * The key a citation cites: the one the bibliography file gave the paper,
 * else its own.
 *
 * @example
 * citedKey('pan2022fast', undefined) // => 'pan2022fast'
 * citedKey('pan2022fast', 'hilo') // => 'hilo' (the file already had the paper as "hilo")
 */
export const citedKey = (key: string, bibliographyKey: string | undefined): string => bibliographyKey ?? key;

/**
 * Plans a citation at the cursor, in the form the document wants:
 *
 * - `latex`, `pandoc`: the key joins the `\cite{…}` or `[@…]` the cursor is
 *   in, or a new citation goes at the cursor (after `lead` when citing a
 *   technique name); nothing changes when the key is already there;
 * - `comment`: a one-line comment in the language's syntax, indented like
 *   the cursor's line, above it (or in it, when it is blank);
 * - `bibtex`, `biblatex`: the entry at the cursor, by the rules of a
 *   bibliography file (`planBibEntry`): the paper already there is cited
 *   under its key, a taken key gets a suffix; a file that does not parse
 *   still gets the entry where it was asked for, with `problem` set;
 * - any other form: the citation's text at the cursor.
 *
 * @example
 * planCitation({ languageId: 'latex', line: 4, col: 12, text: 'as in \\cite{a} we', eol: '\n' }, { format: 'latex', key: 'pan2022fast', latexCommand: 'cite', render })
 * // => { key: 'pan2022fast', edit: { line: 4, start: 13, end: 13, text: ', pan2022fast' }, alreadyCited: false }
 * planCitation({ languageId: 'python', line: 9, col: 4, text: '    x = mla(x)', eol: '\n' }, { format: 'comment', key: 'k', latexCommand: 'cite', render })
 * // => { key: 'k', edit: { line: 9, start: 0, end: 0, text: '    # See: …\n' }, alreadyCited: false }
 */
export function planCitation(site: CiteSite, req: CiteRequest): CitePlan {
  const key = citedKey(req.key, req.bibliographyKey);
  const at = (text: string, start = site.col, end = start): LineEdit => ({ line: site.line, start, end, text });
  switch (req.format) {
    case 'latex':
    case 'pandoc': {
      const c = citeEdit(site.text, site.col, key, req.format, req.latexCommand);
      if (c.alreadyCited) return { key, edit: undefined, alreadyCited: true };
      const lead = site.lead && c.start === site.col && !/^[,;] /.test(c.text) ? site.lead[req.format] : '';
      return { key, edit: at(lead + c.text, c.start, c.end), alreadyCited: false };
    }
    case 'comment': {
      const line = `${/^\s*/.exec(site.text)?.[0] ?? ''}${commentLine(site.languageId, req.render('comment', key))}`;
      const edit = site.text.trim() === '' ? at(line, 0, site.text.length) : at(`${line}${site.eol}`, 0, 0);
      return { key, edit, alreadyCited: false };
    }
    case 'bibtex':
    case 'biblatex': {
      const format = req.format;
      const entryFor = (k: string): string => req.render(format, k);
      const plan = planBibEntry(req.bibFile ?? '', key, entryFor, req.isTaken);
      if (plan.kind === 'present') return { key: plan.key, edit: undefined, alreadyCited: true };
      if (plan.kind === 'append') return { key: plan.key, edit: at(plan.text), alreadyCited: false };
      return { key, edit: at(entryFor(key)), alreadyCited: false, problem: plan.problem.reason };
    }
    default:
      return { key, edit: at(req.render(req.format, key)), alreadyCited: false };
  }
}
