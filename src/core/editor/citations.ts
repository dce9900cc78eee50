/**
 * Where citations go in a document and what is already there: the pure
 * logic behind "insert a citation that fits the active editor". No vscode
 * import; offsets are 0-based columns within one line.
 */

/** How a citation is written into a file of a given language. */
export type InsertFormat = 'latex' | 'pandoc' | 'bibtex' | 'biblatex' | 'comment' | 'text' | 'markdown';

export const INSERT_FORMATS: readonly InsertFormat[] = ['latex', 'pandoc', 'bibtex', 'biblatex', 'comment', 'text', 'markdown'];

/** The languages whose citations are LaTeX's `\cite{key}`. */
export const LATEX_LANGUAGES: readonly string[] = ['latex', 'tex', 'latex-expl3', 'doctex', 'context'];
/** The languages whose citations are Pandoc's `[@key]`: Markdown and its dialects. */
export const PANDOC_LANGUAGES: readonly string[] = ['markdown', 'quarto', 'rmd', 'pandoc'];
/** Every language citations are written in by key: where key completion and hovers over keys apply. */
export const CITING_LANGUAGES: readonly string[] = [...LATEX_LANGUAGES, ...PANDOC_LANGUAGES];

const LATEX_LANGS = new Set(LATEX_LANGUAGES);
const PANDOC_LANGS = new Set(PANDOC_LANGUAGES);

/**
 * Whether a language cites with LaTeX's `\cite{…}` and names its
 * bibliography with `\bibliography{…}`.
 *
 * @example
 * isLatexLanguage('doctex') // => true
 * isLatexLanguage('markdown') // => false
 */
export const isLatexLanguage = (languageId: string): boolean => LATEX_LANGS.has(languageId);
const TEXT_LANGS = new Set(['plaintext', 'restructuredtext', 'asciidoc']);

/**
 * The citation form a file wants: `\cite{key}` in LaTeX, `[@key]` in
 * Markdown and Quarto, the full entry in a .bib file, a one-line comment in
 * source code. A per-language override (the `paperlens.citation.insertFormat`
 * setting) wins.
 *
 * @example
 * insertFormatFor('latex') // => 'latex'
 * insertFormatFor('python') // => 'comment'
 * insertFormatFor('markdown', { markdown: 'markdown' }) // => 'markdown'
 */
export function insertFormatFor(languageId: string, overrides: Readonly<Record<string, InsertFormat>> = {}): InsertFormat {
  const o = overrides[languageId];
  if (o) return o;
  if (LATEX_LANGS.has(languageId)) return 'latex';
  if (PANDOC_LANGS.has(languageId)) return 'pandoc';
  if (languageId === 'bibtex' || languageId === 'bibtex-style') return 'bibtex';
  if (TEXT_LANGS.has(languageId)) return 'text';
  return 'comment';
}

/** Whether citations in this language also need the entry in a bibliography file. */
export const needsBibliography = (format: InsertFormat): boolean => format === 'latex' || format === 'pandoc';

/**
 * The line-comment syntax of a language, for the comment citation form.
 *
 * @example
 * commentSyntax('python') // => { start: '# ', end: '' }
 * commentSyntax('css') // => { start: '/* ', end: ' *\/' }
 */
export function commentSyntax(languageId: string): { start: string; end: string } {
  if (HASH.has(languageId)) return { start: '# ', end: '' };
  if (DASH.has(languageId)) return { start: '-- ', end: '' };
  if (PERCENT.has(languageId)) return { start: '% ', end: '' };
  if (languageId === 'vb') return { start: "' ", end: '' };
  if (languageId === 'bat') return { start: 'REM ', end: '' };
  if (languageId === 'clojure' || languageId === 'lisp' || languageId === 'scheme') return { start: ';; ', end: '' };
  if (BLOCK.has(languageId)) return { start: '/* ', end: ' */' };
  if (HTML.has(languageId)) return { start: '<!-- ', end: ' -->' };
  return { start: '// ', end: '' };
}
/**
 * One comment holding `text` in a language's comment syntax, on one line.
 * Paper text cannot end the comment early and turn the rest of the line into
 * code or markup: line breaks of every kind become spaces, `*\/` in a block
 * comment becomes `* /`, and `--` in an HTML or XML comment (which `-->` and
 * `--!>` would close) becomes `- -`.
 *
 * @example
 * commentLine('python', 'See: A\nB') // => '# See: A B'
 * commentLine('css', 'See: a *\/ b') // => '/* See: a * / b *\/'
 * commentLine('html', 'See: x --> <script>') // => '<!-- See: x - -> <script> -->'
 */
export function commentLine(languageId: string, text: string): string {
  const { start, end } = commentSyntax(languageId);
  let body = text.replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, ' ');
  if (end.includes('*/')) body = body.replace(/\*\//g, '* /');
  if (end.includes('-->')) body = body.replace(/--/g, '- -');
  return `${start}${body}${end}`;
}

const HASH = new Set(['python', 'shellscript', 'yaml', 'r', 'julia', 'ruby', 'perl', 'makefile', 'dockerfile', 'toml', 'cmake', 'powershell', 'coffeescript', 'elixir', 'nim', 'ini', 'properties']);
const DASH = new Set(['lua', 'sql', 'haskell', 'elm', 'ada']);
const PERCENT = new Set(['matlab', 'erlang', 'prolog', 'bibtex']);
const BLOCK = new Set(['css', 'scss', 'less']);
const HTML = new Set(['html', 'xml', 'svg', 'vue-html']);

/** A citation the cursor is inside: `\citep[p.~3]{a, b}` or `[@a; @b]`. */
export interface CiteGroup {
  /** Offset just after the opening `{` or `[`. */
  innerStart: number;
  /** Offset of the closing `}` or `]`. */
  innerEnd: number;
  keys: string[];
  kind: 'latex' | 'pandoc';
}

const LATEX_CITE = /\\(?:[a-zA-Z]*cite[a-zA-Z]*|nocite)\*?(?:\[[^\]]*\]){0,2}\{([^}]*)\}/g;

/**
 * The `\cite…{…}` group the cursor is in or touching, if any.
 *
 * @example
 * latexCiteAt('see \\cite{a, b} here', 12) // => { innerStart: 10, innerEnd: 14, keys: ['a', 'b'], kind: 'latex' }
 */
export function latexCiteAt(line: string, col: number): CiteGroup | undefined {
  for (const m of line.matchAll(LATEX_CITE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (col < start || col > end) continue;
    const innerEnd = end - 1;
    const innerStart = innerEnd - (m[1] ?? '').length;
    const keys = (m[1] ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '');
    return { innerStart, innerEnd, keys, kind: 'latex' };
  }
  return undefined;
}

const PANDOC_CITE = /\[([^\[\]]*@[^\[\]]*)\]/g;

/** The `[@a; @b]` group the cursor is in or touching, if any. */
export function pandocCiteAt(line: string, col: number): CiteGroup | undefined {
  for (const m of line.matchAll(PANDOC_CITE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (col < start || col > end) continue;
    const keys = [...(m[1] ?? '').matchAll(/-?@([\w:.#$%&\-+?<>~/]+)/g)].map((k) => (k[1] ?? '').replace(/[.,;:]+$/, ''));
    if (keys.length === 0) continue;
    return { innerStart: start + 1, innerEnd: end - 1, keys, kind: 'pandoc' };
  }
  return undefined;
}

/** The text edit that adds a key to a citation: merged into the group at the cursor, or a new citation. */
export interface CiteEdit {
  /** Replace [start, end) of the line with text (start === end: insert). */
  start: number;
  end: number;
  text: string;
  /** The key was already cited there; nothing to do. */
  alreadyCited: boolean;
}

/**
 * Adds `key` at the cursor: into the `\cite{…}` or `[@…]` the cursor is in,
 * or as a new `\cite{key}` / `[@key]` at the cursor.
 *
 * @example
 * citeEdit('x \\cite{a} y', 8, 'b', 'latex', 'citep') // => { start: 9, end: 9, text: ', b', alreadyCited: false }
 * citeEdit('x y', 2, 'b', 'latex', 'citep') // => { start: 2, end: 2, text: '\\citep{b}', alreadyCited: false }
 */
export function citeEdit(line: string, col: number, key: string, kind: 'latex' | 'pandoc', latexCommand = 'cite'): CiteEdit {
  const group = kind === 'latex' ? latexCiteAt(line, col) : pandocCiteAt(line, col);
  if (group) {
    if (group.keys.includes(key)) return { start: col, end: col, text: '', alreadyCited: true };
    const inner = line.slice(group.innerStart, group.innerEnd);
    const sep = kind === 'latex' ? ', ' : '; ';
    const text = kind === 'latex' ? `${inner.trim() === '' ? '' : sep}${key}` : `${sep}@${key}`;
    const at = group.innerStart + inner.trimEnd().length;
    return { start: at, end: at, text, alreadyCited: false };
  }
  const text = kind === 'latex' ? `\\${latexCommand}{${key}}` : `[@${key}]`;
  return { start: col, end: col, text, alreadyCited: false };
}

/**
 * Adds several keys at the cursor at once: into the `\cite{…}` or `[@…]`
 * the cursor is in (keys already there are left out), or as one new
 * `\cite{a,b}` / `[@a; @b]`.
 *
 * @example
 * citeKeysEdit('x y', 2, ['a', 'b'], 'latex', 'cite') // => { start: 2, end: 2, text: '\\cite{a,b}', alreadyCited: false }
 * citeKeysEdit('see [@a]', 6, ['a', 'b'], 'pandoc') // => { start: 7, end: 7, text: '; @b', alreadyCited: false }
 */
export function citeKeysEdit(line: string, col: number, keys: readonly string[], kind: 'latex' | 'pandoc', latexCommand = 'cite'): CiteEdit {
  const group = kind === 'latex' ? latexCiteAt(line, col) : pandocCiteAt(line, col);
  const fresh = [...new Set(keys)].filter((k) => !group?.keys.includes(k));
  if (fresh.length === 0) return { start: col, end: col, text: '', alreadyCited: true };
  if (group) {
    const inner = line.slice(group.innerStart, group.innerEnd);
    const at = group.innerStart + inner.trimEnd().length;
    const text = kind === 'latex' ? `${inner.trim() === '' ? '' : ', '}${fresh.join(', ')}` : fresh.map((k) => `; @${k}`).join('');
    return { start: at, end: at, text, alreadyCited: false };
  }
  const text = kind === 'latex' ? `\\${latexCommand}{${fresh.join(',')}}` : `[${fresh.map((k) => `@${k}`).join('; ')}]`;
  return { start: col, end: col, text, alreadyCited: false };
}

/**
 * The citation key under the cursor, in `\cite{a, b}` or `[@a; @b]`, for
 * hovers over citations.
 *
 * @example
 * citationKeyAt('see \\cite{pan2022fast, b}', 12) // => 'pan2022fast'
 */
export function citationKeyAt(line: string, col: number): string | undefined {
  const g = latexCiteAt(line, col) ?? pandocCiteAt(line, col);
  if (!g) {
    // A bare Pandoc citation: @key in running text.
    for (const m of line.matchAll(/(^|[\s(;[])-?@([\w][\w:.#$%&\-+?<>~/]*\w|\w)/g)) {
      const s = (m.index ?? 0) + (m[1] ?? '').length;
      const e = s + m[0].length - (m[1] ?? '').length;
      if (col >= s && col <= e) return m[2];
    }
    return undefined;
  }
  const inner = line.slice(g.innerStart, g.innerEnd);
  const pattern = g.kind === 'latex' ? /[^,\s]+/g : /-?@([\w:.#$%&\-+?<>~/]*[\w])/g;
  for (const m of inner.matchAll(pattern)) {
    const s = g.innerStart + (m.index ?? 0);
    if (col >= s && col <= s + m[0].length) return g.kind === 'latex' ? m[0] : m[1];
  }
  return undefined;
}

/** Where a completion of citation keys applies: after `\cite{`, `\citep{a, `, `[@` or `@`. */
export interface KeyCompletionContext {
  /** The partial key typed so far. */
  prefix: string;
  /** Offset where the partial key starts (the range to replace ends at the cursor). */
  start: number;
  kind: 'latex' | 'pandoc';
}

/**
 * Whether the text before the cursor asks for a citation key.
 *
 * @example
 * keyCompletionAt('as in \\citep{pan20', 'latex') // => { prefix: 'pan20', start: 13, kind: 'latex' }
 * keyCompletionAt('see [@pa', 'markdown') // => { prefix: 'pa', start: 6, kind: 'pandoc' }
 */
export function keyCompletionAt(before: string, languageId: string): KeyCompletionContext | undefined {
  if (LATEX_LANGS.has(languageId)) {
    const m = /\\(?:[a-zA-Z]*cite[a-zA-Z]*|nocite)\*?(?:\[[^\]]*\]){0,2}\{([^}]*)$/.exec(before);
    if (!m) return undefined;
    const typed = m[1] ?? '';
    const prefix = /[^,\s]*$/.exec(typed)?.[0] ?? '';
    return { prefix, start: before.length - prefix.length, kind: 'latex' };
  }
  if (PANDOC_LANGS.has(languageId)) {
    const m = /(?:^|[\s[;(])-?@([\w:.#$%&\-+?<>~/]*)$/.exec(before);
    if (!m) return undefined;
    const prefix = m[1] ?? '';
    return { prefix, start: before.length - prefix.length, kind: 'pandoc' };
  }
  return undefined;
}
