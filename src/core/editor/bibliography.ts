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
  const out: BibEntrySpan[] = [];
  const re = /@([A-Za-z]+)\s*([{(])\s*([^,\s{}()]*)\s*,/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const type = (m[1] ?? '').toLowerCase();
    const start = m.index;
    const open = m[2] === '{' ? '{' : '(';
    const close = open === '{' ? '}' : ')';
    let depth = 0;
    let end = text.length;
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
          break;
        }
      }
    }
    re.lastIndex = Math.max(re.lastIndex, end);
    if (type === 'comment' || type === 'string' || type === 'preamble') continue;
    out.push({ type, key: m[3] ?? '', start, end });
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
