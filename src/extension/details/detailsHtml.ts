import { describeMissing } from '../../core/cite/bibtex';
import { arxivUrl } from '../../core/corpus/arxiv';
import { authorsLine, dateLine, provenanceLines, venueLine } from '../../core/corpus/display';
import type { Paper } from '../../schema/corpus';
import { type CommandArgs, commandUri } from '../commands/args';
import { Command, type CommandId } from '../constants';

/**
 * The HTML of the paper details page. No `vscode` import: it is tested in
 * plain Node. Paper text is escaped and never becomes markup; the page
 * has no scripts, a Content-Security-Policy that allows nothing but its own
 * nonce'd style and images from the extension, and links only to the
 * commands in {@link PAGE_COMMANDS}, with arguments we encode.
 */

/** Commands the details page links to: the only command URIs its webview enables. */
export const PAGE_COMMANDS: readonly CommandId[] = [Command.insertCitation, Command.copyBibtex, Command.revealInSidebar, Command.openOnArxiv, Command.openUrl];

/**
 * Escapes text for HTML element content and quoted attribute values; paper
 * text never becomes markup.
 *
 * @example
 * escapeHtml('<img src=x onerror="a(1)">') // => '&lt;img src=x onerror=&quot;a(1)&quot;&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A link that runs one of our commands with arguments of its type (see {@link commandUri}). */
const link = <C extends CommandId>(label: string, command: C, ...args: CommandArgs[C]): string => `<a href="${escapeHtml(commandUri(command, ...args))}">${escapeHtml(label)}</a>`;

/** What the page needs from its webview. */
export interface PageContext {
  /** A fresh random nonce for this render: the only style the CSP allows carries it. */
  nonce: string;
  /** The webview's `cspSource`, the only origin images may come from. */
  cspSource: string;
}

/**
 * The Content-Security-Policy of the page: nothing by default (so no
 * scripts, frames, fonts, connections or remote content), images only from
 * the extension's own resources, styles only with the nonce.
 *
 * @example
 * detailsCsp({ nonce: 'abc', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' })
 * // => "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net; style-src 'nonce-abc';"
 */
export function detailsCsp(ctx: PageContext): string {
  return `default-src 'none'; img-src ${ctx.cspSource}; style-src 'nonce-${ctx.nonce}';`;
}

/**
 * The details of a paper as a page: title, actions, metadata (venue, arXiv
 * page, DOI), abstract, the notes on what its sources disagreed about, and
 * where each fact came from.
 */
export function detailsHtml(p: Paper, key: string | undefined, ctx: PageContext): string {
  const n = escapeHtml(ctx.nonce);
  const rows: [string, string][] = [
    ['Authors', escapeHtml(authorsLine(p))],
    ['Date', escapeHtml(dateLine(p))],
  ];
  const venue = venueLine(p);
  if (venue && p.venue) rows.push(['Published', escapeHtml(venue === p.venue.name ? venue : `${venue}, ${p.venue.name}`)]);
  if (key) rows.push(['Citation key', `<code>${escapeHtml(key)}</code>${p.formerKeys ? ` <span class="note">(earlier releases: ${p.formerKeys.map((k) => `<code>${escapeHtml(k)}</code>`).join(', ')}; they still resolve)</span>` : ''}`]);
  const page = arxivUrl(p);
  if (page) rows.push(['arXiv', link(p.arxiv ?? page, Command.openUrl, page)]);
  if (p.doi) rows.push(['DOI', link(p.doi, Command.openUrl, `https://doi.org/${p.doi}`)]);
  if (p.laterTitles) rows.push(['Later title', escapeHtml(p.laterTitles.join('; '))]);
  if (p.category) rows.push(['Category', escapeHtml(p.category)]);
  if (p.affiliations) rows.push(['Affiliations', escapeHtml(p.affiliations.join(', '))]);
  if (p.codeUrl) rows.push(['Code', link(p.codeUrl, Command.openUrl, p.codeUrl)]);
  if (p.upvotes !== undefined) rows.push(['Upvotes', String(p.upvotes)]);
  rows.push(['Sources', escapeHtml(p.sources.map((s) => `${s.file}:${s.line} (${s.role})`).join(', '))]);
  const missing = describeMissing(p);
  const provenance = provenanceLines(p);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(detailsCsp(ctx))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(p.title)}</title>
<style nonce="${n}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.5; max-width: 60em; }
  h1 { font-size: 1.35em; margin-bottom: .3em; }
  table { border-collapse: collapse; margin: 1em 0; }
  th { text-align: left; padding: .2em 1.2em .2em 0; color: var(--vscode-descriptionForeground); font-weight: normal; vertical-align: top; }
  td { padding: .2em 0; }
  .actions a { margin-right: 1em; }
  .note { color: var(--vscode-descriptionForeground); font-style: italic; }
  p.abstract { text-align: justify; }
</style>
</head>
<body>
<h1>${escapeHtml(p.title)}</h1>
<div class="actions">${link('Insert citation', Command.insertCitation, p.id)} ${link('Copy BibTeX', Command.copyBibtex, p.id)} ${link('Show in sidebar', Command.revealInSidebar, p.id)}${page ? ` ${link('Open on arXiv', Command.openOnArxiv, p.id)}` : ''}</div>
<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
${missing ? `<p class="note">${escapeHtml(missing)}. The citation leaves it out rather than guess.</p>` : ''}
<h2>Abstract</h2>
<p class="abstract">${escapeHtml(p.abstract || 'No abstract in the corpus.')}</p>
${p.abstractNote ? `<p class="note">${escapeHtml(p.abstractNote)}</p>` : ''}
${p.metadataNote ? `<p class="note">${escapeHtml(p.metadataNote)}</p>` : ''}
${
  provenance.length > 0
    ? `<h2>Where these facts come from</h2>\n<table>${provenance
        .map(({ field, how, where }) => `<tr><th>${escapeHtml(field)}</th><td>${escapeHtml(how)}<br>${where.map((w) => (/^https?:\/\//.test(w) ? link(w, Command.openUrl, w) : escapeHtml(w))).join('<br>')}</td></tr>`)
        .join('')}</table>`
    : ''
}
</body>
</html>`;
}
