import * as vscode from 'vscode';
import { type BibIndex, indexBib } from '../../core/bib/plan';
import { runSliced } from '../../core/util/sliced';

/** Documents whose index is kept: the bibliographies a user is citing into. */
const KEEP = 8;

/**
 * The {@link indexBib} index of open .bib documents, made in slices (a
 * 90,000-entry file never blocks the extension host) and kept until the
 * document changes or closes, so citing again costs a few map lookups.
 */
export class BibIndexCache implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; text: string; index: Promise<BibIndex> }>();
  private readonly onClose = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));

  /**
   * The index of a document's current text, and that text. The document
   * may change while a large file is indexed: compare `version` with the
   * document's before using offsets.
   */
  async indexOf(doc: vscode.TextDocument): Promise<{ index: BibIndex; text: string; version: number }> {
    const id = doc.uri.toString();
    let hit = this.cache.get(id);
    if (!hit || hit.version !== doc.version) {
      const text = doc.getText();
      hit = { version: doc.version, text, index: runSliced(indexBib(text)) };
      this.cache.delete(id);
      this.cache.set(id, hit);
      while (this.cache.size > KEEP) this.cache.delete(this.cache.keys().next().value as string);
    }
    return { index: await hit.index, text: hit.text, version: hit.version };
  }

  dispose(): void {
    this.onClose.dispose();
    this.cache.clear();
  }
}
