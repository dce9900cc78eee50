import * as vscode from 'vscode';
import { authorsLine, yearLine } from '../../core/corpus/display';
import { keyCompletionAt } from '../../core/editor/citations';
import type { CitationService } from '../citations/citationService';
import type { PaperDataService } from '../dataService';
import { paperCard } from '../hover/card';

/**
 * Citation keys after `\cite{` (any \cite variant) and `[@`: every key, its
 * title and authors in the list, the paper's card as documentation. Typing
 * title words finds a paper too (they are part of the filter text).
 */
export function registerCitationCompletion(data: PaperDataService, citations: CitationService): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    ['latex', 'tex', 'markdown', 'quarto', 'rmd'].map((language) => ({ language })),
    {
      async provideCompletionItems(doc, pos) {
        const ctx = keyCompletionAt(doc.lineAt(pos.line).text.slice(0, pos.character), doc.languageId);
        if (!ctx) return undefined;
        const d = await data.getComplete().catch(() => undefined);
        if (!d) return undefined;
        const range = new vscode.Range(pos.line, ctx.start, pos.line, pos.character);
        const ranked = ctx.prefix.length >= 2 ? d.search.search(ctx.prefix, { limit: 50 }).map((h) => h.paper.id) : [];
        const rank = new Map(ranked.map((id, i) => [id, i]));
        const items: vscode.CompletionItem[] = [];
        for (const [id, key] of citations.allKeys()) {
          const p = d.papersById.get(id);
          if (!p) continue;
          const item = new vscode.CompletionItem({ label: key, description: p.title }, vscode.CompletionItemKind.Reference);
          item.range = range;
          item.insertText = key;
          item.filterText = `${key} ${p.title}`;
          item.detail = `${yearLine(p)} · ${authorsLine(p)}`;
          item.documentation = paperCard(p, { key, actions: false });
          const r = rank.get(id);
          item.sortText = r === undefined ? `1${key}` : `0${String(r).padStart(3, '0')}`;
          items.push(item);
        }
        return new vscode.CompletionList(items, false);
      },
    },
    '{',
    ',',
    '@',
  );
}
