import * as vscode from 'vscode';
import { authorsLine, dateLine } from '../../core/corpus/display';
import type { Paper } from '../../core/corpus/schema';
import { Command, type CommandId } from '../constants';
import { Disposable } from '../util/dispose';

/** Commands the details page may link to: the same allow-list idea as hover cards. */
const PAGE_COMMANDS: readonly CommandId[] = [Command.insertCitation, Command.copyBibtex, Command.revealInSidebar, Command.openUrl, Command.searchRelated];

/** Escapes text for HTML; paper text never becomes markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const link = (label: string, command: CommandId, ...args: unknown[]): string =>
  `<a href="command:${command}?${escapeHtml(encodeURIComponent(JSON.stringify(args)))}">${escapeHtml(label)}</a>`;

/**
 * The details of a paper in a webview: abstract and metadata, with a strict
 * Content-Security-Policy (no scripts at all, styles only with a nonce),
 * resources limited to media/, and links only to allow-listed commands.
 */
export class DetailsPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly mediaRoot: vscode.Uri) {
    super();
  }

  /** The paper shown now, if any (for tests and for refreshing). */
  shownPaperId: string | undefined;

  show(p: Paper, key: string | undefined): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('paperlens.details', 'PaperLens', vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableCommandUris: [...PAGE_COMMANDS],
        localResourceRoots: [this.mediaRoot],
        retainContextWhenHidden: false,
      });
      this.register(this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shownPaperId = undefined;
      }));
      this.register(this.panel);
    }
    this.panel.title = p.shortName ?? p.title.slice(0, 40);
    this.panel.webview.html = this.html(this.panel.webview, p, key);
    this.shownPaperId = p.id;
    this.panel.reveal(undefined, true);
  }

  private html(webview: vscode.Webview, p: Paper, key: string | undefined): string {
    const n = nonce();
    const rows: [string, string][] = [
      ['Authors', escapeHtml(authorsLine(p))],
      ['Date', escapeHtml(dateLine(p))],
    ];
    if (key) rows.push(['Citation key', `<code>${escapeHtml(key)}</code>`]);
    if (p.category) rows.push(['Category', escapeHtml(p.category)]);
    if (p.affiliations) rows.push(['Affiliations', escapeHtml(p.affiliations.join(', '))]);
    if (p.codeUrl) rows.push(['Code', link(p.codeUrl, Command.openUrl, p.codeUrl)]);
    if (p.upvotes !== undefined) rows.push(['Upvotes', String(p.upvotes)]);
    rows.push(['Sources', escapeHtml(p.sources.map((s) => `${s.file}:${s.line} (${s.role})`).join(', '))]);
    const missing = p.authors.length === 0 || p.year === undefined;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource}; style-src 'nonce-${n}';">
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
<div class="actions">${link('Insert citation', Command.insertCitation, p.id)} ${link('Copy BibTeX', Command.copyBibtex, p.id)} ${link('Show in sidebar', Command.revealInSidebar, p.id)}</div>
<table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
${missing ? '<p class="note">The listings this paper came from give no authors or year; the BibTeX entry leaves them out rather than guess.</p>' : ''}
<h2>Abstract</h2>
<p class="abstract">${escapeHtml(p.abstract || 'No abstract in the corpus.')}</p>
${p.abstractNote ? `<p class="note">${escapeHtml(p.abstractNote)}</p>` : ''}
${p.metadataNote ? `<p class="note">${escapeHtml(p.metadataNote)}</p>` : ''}
</body>
</html>`;
  }
}
