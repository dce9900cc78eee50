/**
 * Reading single fields of a BibTeX entry and comparing titles: enough to
 * recognise a paper already in a user's .bib file, under any key.
 */

const HEAD = /@[A-Za-z][\w-]*\s*[{(][^,{}()]*,/g;
const FIELD = /\s*([A-Za-z][\w:.+-]*)\s*=\s*/y;

/**
 * The raw value of a field in an entry's text (`title = {…}`, `title =
 * "…"` or a bare number or macro), outer delimiters removed; undefined when
 * the entry has no such field. Text before the entry, such as the
 * `% Missing …` comment PaperLens writes above an entry, is skipped.
 *
 * @example
 * bibField('@misc{k,\n  title = {A {B} c},\n  year = 2022\n}', 'title') // => 'A {B} c'
 * bibField('% Missing: year\n@misc{k, year = 2022}', 'year') // => '2022'
 */
export function bibField(entry: string, name: string): string | undefined {
  HEAD.lastIndex = 0;
  const head = HEAD.exec(entry);
  if (!head) return undefined;
  let i = head.index + head[0].length;
  const wanted = name.toLowerCase();
  while (i < entry.length) {
    FIELD.lastIndex = i;
    const m = FIELD.exec(entry);
    if (!m) return undefined;
    let j = FIELD.lastIndex;
    const start = j;
    const c = entry[j];
    let value: string;
    if (c === '{' || c === '"') {
      // As BibTeX: braces nest, a backslash escapes nothing, and a quote ends a quoted value only at depth 0.
      let depth = 0;
      for (; j < entry.length; j++) {
        const d = entry[j];
        if (d === '{') depth++;
        else if (d === '}') depth--;
        if ((c === '{' && depth === 0) || (c === '"' && d === '"' && depth === 0 && j > start)) break;
      }
      value = entry.slice(start + 1, j);
      j++;
    } else {
      while (j < entry.length && !/[,})#]/.test(entry[j] as string)) j++;
      value = entry.slice(start, j).trim();
    }
    // Concatenations (`a # "b"`) are rare in titles; the first part is enough to compare.
    while (j < entry.length && entry[j] !== ',' && !/[})]/.test(entry[j] as string)) j++;
    if ((m[1] ?? '').toLowerCase() === wanted) return value;
    i = j + 1;
  }
  return undefined;
}

/**
 * A title in a form two spellings of it share: LaTeX commands, math, braces,
 * accents, case and punctuation dropped, letters of every script kept.
 * `Rozi{\`e}re` and `Rozière`, `{TransMLA}: Multi-head` and `TransMLA:
 * Multi-Head` compare equal.
 *
 * @example
 * comparableTitle('{S$^{2}$FT}: Rozi{\\`e}re') // => 's2ftroziere'
 */
export function comparableTitle(tex: string): string {
  return tex
    .replace(/\\[A-Za-z]+\s*|\\./g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The year an entry gives: `year`, or the start of a BibLaTeX `date`. */
export function bibYear(entry: string): string | undefined {
  return (bibField(entry, 'year') ?? bibField(entry, 'date')?.slice(0, 4))?.trim();
}
