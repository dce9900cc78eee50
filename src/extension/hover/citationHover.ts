import * as vscode from 'vscode';
import { CITING_LANGUAGES, citationKeyAt } from '../../core/editor/citations';
import type { CitationKeys } from '../citations/citationKeys';
import type { PaperDataService } from '../dataService';
import type { LibraryReferences } from '../../core/library/references';
import { entryCard, paperCard } from './card';

/**
 * A card over a citation key (`\cite{key}`, `[@key]`): the entry of the
 * user's library with that key (as the bundled paper it is, when it is
 * one), else the bundled paper, by its key or one an earlier release gave it.
 */
export function registerCitationHover(data: PaperDataService, keys: CitationKeys, library: () => LibraryReferences | undefined): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    CITING_LANGUAGES.map((language) => ({ language })),
    {
      async provideHover(doc, pos) {
        const line = doc.lineAt(pos.line).text;
        const key = citationKeyAt(line, pos.character);
        if (!key) return undefined;
        await data.getComplete().catch(() => undefined);
        const own = library()?.byKey(key);
        if (own?.kind === 'entry') return new vscode.Hover(entryCard(own.entry));
        if (own?.kind === 'paper') return new vscode.Hover(paperCard(own.paper, { key }));
        const p = keys.paperByKey(key);
        if (!p) return undefined;
        const current = keys.keyOf(p.id) ?? key;
        return new vscode.Hover(paperCard(p, { key: current, citedAs: current === key ? undefined : key }));
      },
    },
  );
}
