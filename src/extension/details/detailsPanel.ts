import * as vscode from 'vscode';
import type { Paper } from '../../schema/corpus';
import { Disposable } from '../util/dispose';
import { PAGE_COMMANDS, detailsHtml } from './detailsHtml';

/** 128 random bits, hex: a fresh nonce for every render. */
function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

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
    this.panel.webview.html = detailsHtml(p, key, { nonce: nonce(), cspSource: this.panel.webview.cspSource });
    this.shownPaperId = p.id;
    this.panel.reveal(undefined, true);
  }

  /** The webview, while the page is open (for tests: its options and HTML). */
  get webview(): vscode.Webview | undefined {
    return this.panel?.webview;
  }
}
