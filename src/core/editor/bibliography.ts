import { isLatexLanguage } from './citations';

/**
 * Finding a document's bibliography files, without a vscode import. Paths
 * are returned as written (relative to the document), with `/` as the
 * separator; the extension resolves them.
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
  if (isLatexLanguage(languageId)) {
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
  // TeX on Windows takes `\` as a separator too; one separator makes `..` visible to the workspace check.
  return [...new Set(out.map((f) => f.replace(/\\/g, '/')))];
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
