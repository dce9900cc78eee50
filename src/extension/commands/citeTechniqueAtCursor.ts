import * as vscode from 'vscode';
import { yearAndAuthors } from '../../core/corpus/display';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import { unsortableLabel } from './paperPicker';
import type { DocumentFacts } from '../../core/techniques/document';
import { techniqueAt } from '../hover/techniqueAt';
import type { DocumentCache } from '../util/documentCache';

/**
 * Insert Citation for Technique at Cursor: finds the technique named at the
 * cursor, lets the user pick one of its papers (introducing first), and
 * cites it right after the name (`MLA~\cite{…}` in LaTeX, `MLA [@…]` in
 * Markdown, a comment above the line in code).
 */
export function registerCiteTechniqueAtCursor(data: PaperDataService, citations: CitationService, documents: DocumentCache<DocumentFacts>): vscode.Disposable {
  return vscode.commands.registerCommand(Command.citeTechniqueAtCursor, async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Open a file and put the cursor on a technique name first.');
      return undefined;
    }
    const d = await data.forCommand(true);
    if (!d) return undefined;
    const pos = editor.selection.active;
    const m = await techniqueAt(d.techniques, editor.document, pos, documents);
    if (!m) {
      void vscode.window.showInformationMessage('No technique name at the cursor. Try PaperLens: Search Papers.');
      return undefined;
    }
    const items = m.technique.papers.flatMap((tp) => {
      const p = d.papersById.get(tp.id);
      return p ? [{ label: unsortableLabel(p.title), description: yearAndAuthors(p, { introduces: tp.role === 'introduces' }), alwaysShow: true, paper: p }] : [];
    });
    const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: `Cite a paper on ${m.technique.name}`, matchOnDescription: true });
    if (!pick) return undefined;
    return citations.insert(pick.paper, editor, { position: new vscode.Position(pos.line, m.end), lead: { latex: '~', pandoc: ' ' } });
  });
}
