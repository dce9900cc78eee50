import * as vscode from 'vscode';
import { Command } from '../constants';
import type { LibraryService, LibrarySource } from '../library/libraryService';
import { counted } from '../../core/util/counted';

interface SourceItem extends vscode.QuickPickItem {
  source?: LibrarySource;
  line?: number;
}

const ORIGINS = { document: 'named by a document', setting: 'paperlens.library.files', path: 'paperlens.library.paths' } as const;

/**
 * PaperLens: Show Library Sources. Every bibliography PaperLens reads, with
 * how many entries it gave, why it is read, and its problems; picking one
 * opens the file, at the problem's line for a problem.
 */
export function registerShowLibrary(library: LibraryService): vscode.Disposable {
  return vscode.commands.registerCommand(Command.showLibrary, async () => {
    const sources = library.all().sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    const items: SourceItem[] = [];
    for (const s of sources) {
      const problems = s.problems.length + (s.error ? 1 : 0);
      items.push({
        label: `$(${s.error ? 'warning' : 'book'}) ${vscode.workspace.asRelativePath(s.uri)}`,
        description: s.error ?? `${counted(s.entries, 'entry', 'entries')}${problems > 0 ? ` · ${counted(problems, 'problem')}` : ''}`,
        detail: [...s.origins].map((o) => ORIGINS[o]).join(', '),
        source: s,
      });
      for (const p of s.problems.slice(0, 50)) items.push({ label: `    $(${p.severity === 'error' ? 'error' : 'warning'}) line ${p.line}`, description: p.reason, source: s, line: p.line });
    }
    if (items.length === 0) {
      void vscode.window.showInformationMessage('PaperLens found no bibliographies: no document names one, and no file matches paperlens.library.files.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title: `PaperLens library: ${library.summary()}`, matchOnDescription: true });
    if (!picked?.source) return undefined;
    const at = new vscode.Position(Math.max(0, (picked.line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(picked.source.uri, { selection: new vscode.Range(at, at) });
    return picked.source.uri.toString();
  });
}
