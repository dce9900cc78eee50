/**
 * Finding a document's bibliography file and reading the keys in a .bib
 * file, without a vscode import. Paths are returned as written (relative to
 * the document); the extension resolves them.
 */

/**
 * The bibliography files a document names: `\bibliography{refs,more}` and
 * `\addbibresource{refs.bib}` in LaTeX; the YAML front matter's
 * `bibliography:` key (a string or a list) in Markdown and Quarto.
 *
 * @example
 * bibliographyFiles('\\bibliography{refs, extra}', 'latex') // => ['refs.bib', 'extra.bib']
 * bibliographyFiles('---\ntitle: x\nbibliography: refs.bib\n---\n', 'markdown') // => ['refs.bib']
 */
export function bibliographyFiles(text: string, languageId: string): string[] {
  const out: string[] = [];
  if (languageId === 'latex' || languageId === 'tex') {
    const body = text.replace(/(^|[^\\])%.*$/gm, '$1'); // ignore commented-out lines
    for (const m of body.matchAll(/\\bibliography\s*\{([^}]*)\}/g)) {
      for (const f of (m[1] ?? '').split(',')) {
        const name = f.trim();
        if (name !== '') out.push(name.endsWith('.bib') ? name : `${name}.bib`);
      }
    }
    for (const m of body.matchAll(/\\addbibresource\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}/g)) {
      const name = (m[1] ?? '').trim();
      if (name !== '') out.push(name);
    }
  } else {
    const fm = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
    if (fm) out.push(...yamlBibliography(fm[1] ?? ''));
  }
  return [...new Set(out)];
}

function yamlBibliography(yaml: string): string[] {
  const lines = yaml.split(/\r?\n/);
  const i = lines.findIndex((l) => /^bibliography\s*:/.test(l));
  if (i < 0) return [];
  const value = (lines[i] ?? '').replace(/^bibliography\s*:\s*/, '').trim();
  const unquote = (s: string): string => s.trim().replace(/^["']|["']$/g, '');
  if (value.startsWith('[')) {
    return value
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map(unquote)
      .filter((s) => s !== '');
  }
  if (value !== '') return [unquote(value)];
  const out: string[] = [];
  for (const l of lines.slice(i + 1)) {
    const m = /^\s+-\s+(.+)$/.exec(l);
    if (!m) break;
    out.push(unquote(m[1] ?? ''));
  }
  return out;
}

/** One entry of a .bib file: its key and where its text is. */
export interface BibEntrySpan {
  type: string;
  key: string;
  /** Offsets of the whole entry, from "@" to the closing brace. */
  start: number;
  end: number;
  /** False when the entry's braces never close: it runs to the end of the text. */
  closed: boolean;
}

/**
 * The entries of a .bib file, with their spans. Tolerant: an entry whose
 * braces never close runs to the end of the text; @comment, @string and
 * @preamble are skipped.
 *
 * @example
 * bibEntries('@misc{a,\n title={x}}\n@article{b, title={{y}}}').map((e) => e.key) // => ['a', 'b']
 */
export function bibEntries(text: string): BibEntrySpan[] {
  return scanEntries(text).filter((e) => e.type !== 'comment' && e.type !== 'string' && e.type !== 'preamble');
}

/** Every `@type{…}` or `@type(…)` block, @comment, @string and @preamble included. */
function scanEntries(text: string): BibEntrySpan[] {
  const out: BibEntrySpan[] = [];
  const re = /@([A-Za-z]+)\s*([{(])\s*([^,\s{}()]*)\s*(,|(?=[})]))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const type = (m[1] ?? '').toLowerCase();
    const start = m.index;
    const open = m[2] === '{' ? '{' : '(';
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = text.length;
    let closed = false;
    for (let i = start + m[0].indexOf(open); i < text.length; i++) {
      const c = text[i];
      if (c === '\\') {
        i++;
        continue;
      }
      if (c === open || (open === '(' && c === '{')) depth++;
      else if (c === close || (open === '(' && c === '}')) {
        depth--;
        if (depth === 0) {
          end = i + 1;
          closed = true;
          break;
        }
      }
    }
    re.lastIndex = Math.max(re.lastIndex, end);
    out.push({ type, key: m[3] ?? '', start, end, closed });
  }
  return out;
}

/** The keys in a .bib file. */
export function bibKeys(text: string): Set<string> {
  return new Set(bibEntries(text).map((e) => e.key));
}

/**
 * Text to append an entry to a .bib file: separated from what is there by a
 * blank line, in the file's own line ending, ending in a newline.
 *
 * @example
 * appendText('@misc{a,\n}', '@misc{b,\n}') // => '\n\n@misc{b,\n}\n'
 */
export function appendText(existing: string, entry: string): string {
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = entry.replace(/\r?\n/g, eol);
  if (existing.trim() === '') return `${body}${eol}`;
  const lead = existing.endsWith(`${eol}${eol}`) ? '' : existing.endsWith(eol) ? eol : `${eol}${eol}`;
  return `${lead}${body}${eol}`;
}

/** 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Why appending to a .bib file would not be safe, and where. */
export interface BibProblem {
  /** 1-based line of the entry at fault. */
  line: number;
  reason: string;
}

/**
 * What in a .bib file would swallow an entry appended to its end: an entry
 * (or @string, @preamble, @comment) whose braces never close, so that
 * BibTeX reads everything after it, an appended entry included, as part of
 * it. Undefined when the file is safe to append to. Text outside entries,
 * which BibTeX ignores, is no problem.
 *
 * @example
 * bibProblem('@misc{a,\n  title = {A}\n}\n') // => undefined
 * bibProblem('@misc{a,\n  title = {A\n}\n') // => { line: 1, reason: 'the entry "a" that starts on line 1 never closes (its braces do not balance)' }
 */
export function bibProblem(text: string): BibProblem | undefined {
  const open = scanEntries(text).find((e) => !e.closed);
  if (!open) return undefined;
  const line = lineOf(text, open.start);
  const special = open.type === 'comment' || open.type === 'string' || open.type === 'preamble';
  const what = special || open.key === '' ? `the @${open.type}${open.key === '' ? '' : ` "${open.key}"`}` : `the entry "${open.key}"`;
  return { line, reason: `${what} that starts on line ${line} never closes (its braces do not balance)` };
}

/**
 * The raw value of a field in one entry's text (`title = {…}`, `title =
 * "…"` or a bare number or macro), outer delimiters removed; undefined when
 * the entry has no such field.
 *
 * @example
 * bibField('@misc{k,\n  title = {A {B} c},\n  year = 2022\n}', 'title') // => 'A {B} c'
 * bibField('@misc{k, year = 2022}', 'year') // => '2022'
 */
export function bibField(entry: string, name: string): string | undefined {
  const head = /^@[A-Za-z]+\s*[{(][^,]*,/.exec(entry);
  let i = head ? head[0].length : 0;
  const fieldRe = /\s*([A-Za-z][\w:.+-]*)\s*=\s*/y;
  while (i < entry.length) {
    fieldRe.lastIndex = i;
    const m = fieldRe.exec(entry);
    if (!m) return undefined;
    let j = fieldRe.lastIndex;
    const start = j;
    const c = entry[j];
    let value: string;
    if (c === '{' || c === '"') {
      let depth = 0;
      for (; j < entry.length; j++) {
        const d = entry[j];
        if (d === '\\') {
          j++;
          continue;
        }
        if (d === '{') depth++;
        else if (d === '}') depth--;
        if ((c === '{' && depth === 0) || (c === '"' && d === '"' && depth === 0 && j > start)) break;
      }
      value = entry.slice(start + 1, j);
      j++;
    } else {
      while (j < entry.length && !/[,})]/.test(entry[j] as string)) j++;
      value = entry.slice(start, j).trim();
    }
    // Concatenations (`a # "b"`) are rare in titles; the first part is enough to compare.
    while (j < entry.length && entry[j] !== ',' && !/[})]/.test(entry[j] as string)) j++;
    if ((m[1] ?? '').toLowerCase() === name.toLowerCase()) return value;
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

/** How one paper's entry goes into a .bib file's text. */
export type BibPlan =
  /** The paper is already there, under `key` (which may be another key than the one wanted). */
  | { kind: 'present'; key: string }
  /** Append `text`, the entry under `key`. `clash` is the wanted key when another entry already had it. */
  | { kind: 'append'; key: string; text: string; clash?: string }
  /** Appending would not be safe: the file does not parse. Nothing may be written. */
  | { kind: 'refuse'; problem: BibProblem };

/**
 * Decides how a paper's BibTeX entry goes into a .bib file, without ever
 * changing what is there:
 *
 * 1. A file that does not parse (an entry whose braces never close, which
 *    would swallow anything appended) is refused, with the line at fault.
 * 2. If the paper is already in the file, under the wanted key or any other
 *    (same title, and the same year when both give one), it is cited under
 *    that key and nothing is added: the user's version of the entry stays,
 *    edits and all. Of several entries with one key only the first counts,
 *    as in BibTeX.
 * 3. Otherwise the entry is appended under the wanted key, or, when another
 *    paper's entry already has that key, under the key plus the first
 *    suffix `a`, `b`, …, `aa`, … that neither the file nor `isTaken`
 *    (the keys of other papers in the corpus) uses, so the entry already
 *    there is never overwritten and the new key never later clashes.
 *
 * @param entryFor the entry's text under a given key.
 * @example
 * planBibEntry('', 'pan2022fast', (k) => `@misc{${k},\n  title = {HiLo}\n}`)
 * // => { kind: 'append', key: 'pan2022fast', text: '@misc{pan2022fast,\n  title = {HiLo}\n}' }
 * planBibEntry('@misc{pan2022fast, title = {Other}}', 'pan2022fast', (k) => `@misc{${k},\n  title = {HiLo}\n}`)
 * // => { kind: 'append', key: 'pan2022fasta', text: '@misc{pan2022fasta, …', clash: 'pan2022fast' }
 */
export function planBibEntry(existing: string, wanted: string, entryFor: (key: string) => string, isTaken: (key: string) => boolean = () => false): BibPlan {
  const problem = bibProblem(existing);
  if (problem) return { kind: 'refuse', problem };
  const entries = bibEntries(existing);
  const ours = entryFor(wanted);
  const title = comparableTitle(bibField(ours, 'title') ?? '');
  const year = bibField(ours, 'year') ?? bibField(ours, 'date')?.slice(0, 4);
  const samePaper = (e: BibEntrySpan): boolean => {
    const text = existing.slice(e.start, e.end);
    if (title === '' || comparableTitle(bibField(text, 'title') ?? '') !== title) return false;
    const theirYear = bibField(text, 'year') ?? bibField(text, 'date')?.slice(0, 4);
    return year === undefined || theirYear === undefined || year.trim() === theirYear.trim();
  };
  // BibTeX and Biber read the first of several entries with one key: only that one can be what a key cites.
  const first = entries.filter((e, i) => entries.findIndex((x) => x.key === e.key) === i);
  const same = first.find((e) => e.key === wanted && samePaper(e)) ?? first.find(samePaper);
  if (same) return { kind: 'present', key: same.key };
  const keys = new Set(entries.map((e) => e.key));
  if (!keys.has(wanted)) return { kind: 'append', key: wanted, text: ours };
  for (let n = 0; ; n++) {
    const key = wanted + keySuffix(n);
    if (!keys.has(key) && !isTaken(key)) return { kind: 'append', key, text: entryFor(key), clash: wanted };
  }
}

/** 0 → a, 25 → z, 26 → aa, … */
function keySuffix(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : keySuffix(Math.floor(n / 26) - 1) + letter;
}
