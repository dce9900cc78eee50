import * as vscode from 'vscode';
import type { PaperDataService } from '../dataService';
import { Setting } from '../settingKeys';
import type { Settings } from '../settings';
import { libraryTechniqueCard, techniqueCard } from './card';
import type { LibraryEntry } from '../../core/library/entry';
import type { TechniqueMatcher } from '../../core/techniques/matcher';
import { techniqueAt } from './techniqueAt';
import type { DocumentFacts } from '../../core/techniques/document';
import type { DocumentCache } from '../util/documentCache';
import type { LibraryReferences } from '../../core/library/references';

/** How many of the user's own papers a technique card lists. */
const YOUR_ENTRIES = 3;

/**
 * Hover cards on technique names, in every language unless the user limits
 * them. The matcher looks at the identifier under the cursor only, so a
 * hover costs a few map lookups (and, once per version of a file, a sliced
 * pass that finds its comments and strings).
 */
export function registerTechniqueHover(
  data: PaperDataService,
  settings: Settings,
  documents: DocumentCache<DocumentFacts>,
  library: () => { matcher: TechniqueMatcher; entries: ReadonlyMap<string, LibraryEntry> } | undefined = () => undefined,
  references: () => LibraryReferences | undefined = () => undefined,
): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { scheme: '*' },
    {
      async provideHover(doc, pos, token) {
        if (!settings.get(Setting.hoverEnabled, doc)) return undefined;
        const langs = settings.get(Setting.hoverLanguages, doc);
        if (langs.length > 0 && !langs.includes(doc.languageId)) return undefined;
        const d = data.completed ?? (await data.getComplete().catch(() => undefined));
        if (!d || token.isCancellationRequested) return undefined;
        const m = await techniqueAt(d.techniques, doc, pos, documents);
        if (token.isCancellationRequested) return undefined;
        if (m) {
          const yours = references()?.entriesNaming([m.technique.name, ...m.technique.expansions], YOUR_ENTRIES) ?? [];
          return new vscode.Hover(techniqueCard(m, d.papersById, yours), new vscode.Range(pos.line, m.start, pos.line, m.end));
        }
        // A name one of the user's own papers coins, which the bundled lexicon does not have.
        const own = library();
        const mine = own ? await techniqueAt(own.matcher, doc, pos, documents) : undefined;
        if (!own || !mine || token.isCancellationRequested) return undefined;
        return new vscode.Hover(libraryTechniqueCard(mine, own.entries), new vscode.Range(pos.line, mine.start, pos.line, mine.end));
      },
    },
  );
}
