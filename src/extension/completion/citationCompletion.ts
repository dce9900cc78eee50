import * as vscode from 'vscode';
import { yearAndAuthors } from '../../core/corpus/display';
import type { PaperRecord } from '../../core/data/load';
import { CITING_LANGUAGES, keyCompletionAt } from '../../core/editor/citations';
import type { CitationKeys } from '../citations/citationKeys';
import type { RecentPapers } from '../citations/recentPapers';
import type { PaperDataService } from '../dataService';
import type { LibraryReferences } from '../../core/library/references';
import { entryCard, paperCard } from '../hover/card';

/** How many keys one completion list offers; the list is re-asked as the user types. */
export const COMPLETION_LIMIT = 100;

/**
 * Citation keys after `\cite{` (any \cite variant) and `[@`. With nothing
 * typed: the recently cited papers, then the rest in corpus order; as the
 * user types, the best search matches for what they typed (a key prefix,
 * title words or an author), so the list stays short at any corpus size.
 * Each item shows title and authors, with the paper's card as documentation.
 */
export function registerCitationCompletion(data: PaperDataService, citationKeys: CitationKeys, recent: RecentPapers, library: () => LibraryReferences | undefined): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    CITING_LANGUAGES.map((language) => ({ language })),
    {
      async provideCompletionItems(doc, pos) {
        const ctx = keyCompletionAt(doc.lineAt(pos.line).text.slice(0, pos.character), doc.languageId);
        if (!ctx) return undefined;
        const d = await data.getComplete().catch(() => undefined);
        if (!d) return undefined;
        const range = new vscode.Range(pos.line, ctx.start, pos.line, pos.character);
        const keys = citationKeys.all();
        const papers: PaperRecord[] = [];
        const seen = new Set<string>();
        const add = (p: PaperRecord | undefined): void => {
          if (p && !seen.has(p.id) && papers.length < COMPLETION_LIMIT) {
            seen.add(p.id);
            papers.push(p);
          }
        };
        if (ctx.prefix === '') {
          for (const id of recent.list()) add(d.papersById.get(id));
          for (const p of d.corpus.papers) add(p);
        } else {
          const byKey = citationKeys.paperByKey(ctx.prefix);
          add(byKey);
          for (const [id, key] of keys) if (papers.length < COMPLETION_LIMIT / 2 && key.startsWith(ctx.prefix.toLowerCase())) add(d.papersById.get(id));
          for (const h of d.search.search(ctx.prefix, { limit: COMPLETION_LIMIT })) add(h.paper);
        }
        const refs = library();
        // The user's own entries first: their keys are the ones they cite.
        const own = refs ? (ctx.prefix === '' ? refs.library.all().slice(0, COMPLETION_LIMIT / 2) : [...refs.library.keysStartingWith(ctx.prefix, 20), ...refs.library.search(ctx.prefix, COMPLETION_LIMIT / 2).map((h) => h.entry)]) : [];
        const ownItems: vscode.CompletionItem[] = [];
        const ownKeys = new Set<string>();
        for (const e of own) {
          if (ownKeys.has(e.key)) continue;
          ownKeys.add(e.key);
          const item = new vscode.CompletionItem({ label: e.key, description: e.title }, vscode.CompletionItemKind.Reference);
          item.range = range;
          item.insertText = e.key;
          item.filterText = `${ctx.prefix} ${e.key} ${e.title}`;
          item.sortText = `0${String(ownItems.length).padStart(4, '0')}`;
          item.detail = `your library · ${e.year ?? 'year unknown'}${e.authors[0] ? ` · ${e.authors[0].name}${e.authors.length > 1 || e.authorsTruncated ? ' et al.' : ''}` : ''}`;
          // A bundled paper the user has: its card, as the hover shows it, under their key.
          const paper = refs?.byKey(e.key);
          item.documentation = paper?.kind === 'paper' ? paperCard(paper.paper, { key: e.key, actions: false }) : entryCard(e, { actions: false });
          ownItems.push(item);
        }
        // A bundled paper the user has is offered once, under their key.
        const items = papers.filter((p) => !ownKeys.has(refs?.entryForPaper(p.id)?.key ?? keys.get(p.id) ?? p.id)).map((p, i) => {
          const key = keys.get(p.id) ?? p.id;
          const item = new vscode.CompletionItem({ label: key, description: p.title }, vscode.CompletionItemKind.Reference);
          item.range = range;
          item.insertText = key;
          // Title words find a paper too: "\cite{hilo" offers pan2022fast.
          item.filterText = `${ctx.prefix} ${key} ${p.title}`;
          item.sortText = `1${String(i).padStart(4, '0')}`;
          item.detail = yearAndAuthors(p);
          item.documentation = paperCard(p, { key, actions: false });
          return item;
        });
        return new vscode.CompletionList([...ownItems, ...items], true);
      },
    },
    '{',
    ',',
    '@',
  );
}
