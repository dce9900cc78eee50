import * as vscode from 'vscode';
import { arxivReferenceAt, papersByArxiv } from '../../core/corpus/arxiv';
import type { PaperData, PaperRecord } from '../../core/data/load';
import type { CitationKeys } from '../citations/citationKeys';
import type { PaperDataService } from '../dataService';
import { Setting } from '../settingKeys';
import type { Settings } from '../settings';
import { paperCard } from './card';

const byArxiv = new WeakMap<PaperData, Map<string, PaperRecord>>();

/**
 * A paper card over an arXiv link or id (`https://arxiv.org/abs/2205.13213`,
 * `arXiv:2205.13213v2`, a Hugging Face paper page) that names a bundled
 * paper, in any file: offline, from the corpus.
 */
export function registerArxivHover(data: PaperDataService, settings: Settings, keys: CitationKeys): vscode.Disposable {
  return vscode.languages.registerHoverProvider(
    { scheme: '*' },
    {
      async provideHover(doc, pos, token) {
        if (!settings.get(Setting.hoverEnabled, doc)) return undefined;
        const ref = arxivReferenceAt(doc.lineAt(pos.line).text, pos.character);
        if (!ref) return undefined;
        const d = data.completed ?? (await data.getComplete().catch(() => undefined));
        if (!d || token.isCancellationRequested) return undefined;
        let index = byArxiv.get(d);
        if (!index) byArxiv.set(d, (index = papersByArxiv(d.corpus.papers)));
        const p = index.get(ref.id);
        return p ? new vscode.Hover(paperCard(p, { key: keys.keyOf(p.id) }), new vscode.Range(pos.line, ref.start, pos.line, ref.end)) : undefined;
      },
    },
  );
}
