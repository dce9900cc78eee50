import * as vscode from 'vscode';
import { CITING_LANGUAGES, citationKeyAt } from '../../core/editor/citations';
import type { CitationKeys } from '../citations/citationKeys';
import type { PaperDataService } from '../dataService';
import { paperCard } from './card';

/** A card over a citation key (`\cite{key}`, `[@key]`): the paper it cites, by its key or one an earlier release gave it. */
export function registerCitationHover(data: PaperDataService, keys: CitationKeys): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    CITING_LANGUAGES.map((language) => ({ language })),
    {
      async provideHover(doc, pos) {
        const line = doc.lineAt(pos.line).text;
        const key = citationKeyAt(line, pos.character);
        if (!key) return undefined;
        await data.getComplete().catch(() => undefined);
        const p = keys.paperByKey(key);
        if (!p) return undefined;
        const current = keys.keyOf(p.id) ?? key;
        return new vscode.Hover(paperCard(p, { key: current, citedAs: current === key ? undefined : key }));
      },
    },
  );
}
