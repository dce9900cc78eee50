import * as vscode from 'vscode';
import { type Sliced, runSliced } from '../../core/util/sliced';

/**
 * Something computed from a document's whole text (a .bib file's index, a
 * source file's comments and strings), made in slices so a large file never
 * blocks the extension host, and kept until the document changes or closes.
 */
export class DocumentCache<T> implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; text: string; value: Promise<T> }>();
  private readonly onClose = vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()));

  /**
   * @param compute the sliced work, from the document's text and language.
   * @param keep how many documents' results to keep (least recently used go first).
   */
  constructor(
    private readonly compute: (text: string, languageId: string) => Sliced<T>,
    private readonly keep = 8,
  ) {}

  /**
   * The result for a document's current text, and that text. The document
   * may change while a large file is read: compare `version` with the
   * document's before using offsets.
   */
  async get(doc: vscode.TextDocument): Promise<{ value: T; text: string; version: number }> {
    const id = doc.uri.toString();
    let hit = this.cache.get(id);
    if (!hit || hit.version !== doc.version) {
      const text = doc.getText();
      hit = { version: doc.version, text, value: runSliced(this.compute(text, doc.languageId)) };
    }
    // Most recently used last.
    this.cache.delete(id);
    this.cache.set(id, hit);
    while (this.cache.size > this.keep) this.cache.delete(this.cache.keys().next().value as string);
    return { value: await hit.value, text: hit.text, version: hit.version };
  }

  dispose(): void {
    this.onClose.dispose();
    this.cache.clear();
  }
}
