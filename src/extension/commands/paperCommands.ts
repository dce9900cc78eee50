import * as vscode from 'vscode';
import { CITATION_FORMATS, type CitationFormat } from '../../core/cite/formats';
import { arxivUrl } from '../../core/corpus/arxiv';
import type { PaperRecord } from '../../core/data/load';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import type { PaperDataService } from '../dataService';
import type { DetailsPanel } from '../details/detailsPanel';
import { pickPaper } from './paperPicker';

/**
 * A paper from a command argument: a paper id (hover link, test) or a tree
 * node `{ paper }`; with no argument, picked with the search quick pick. Any
 * other argument (a command link or another extension may pass anything) is
 * refused with a warning, never a crash.
 */
export async function paperFromArg(data: PaperDataService, arg: unknown, title: string, recent?: () => string[]): Promise<PaperRecord | undefined> {
  if (arg === undefined) return pickPaper(data, { title, ...(recent ? { recent } : {}) });
  const d = await data.forCommand();
  if (!d) return undefined;
  const node = typeof arg === 'object' && arg !== null ? (arg as { paper?: unknown }).paper : undefined;
  const id = typeof arg === 'string' ? arg : typeof node === 'object' && node !== null && typeof (node as { id?: unknown }).id === 'string' ? (node as { id: string }).id : undefined;
  if (id === undefined) {
    void vscode.window.showWarningMessage(`PaperLens: "${title}" expects a paper id, not ${JSON.stringify(arg)?.slice(0, 60) ?? typeof arg}.`);
    return undefined;
  }
  const p = d.papersById.get(id);
  if (!p) void vscode.window.showWarningMessage(`PaperLens has no paper with id "${id.slice(0, 100)}".`);
  return p;
}

/** Insert Citation: from a hover card, the tree, or the palette (then pick a paper). */
export function registerInsertCitation(data: PaperDataService, citations: CitationService): vscode.Disposable {
  return vscode.commands.registerCommand(Command.insertCitation, async (arg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const p = await paperFromArg(data, arg, 'PaperLens: Insert Citation', () => citations.recent());
    return p ? citations.insert(p, editor) : undefined;
  });
}

/** Copy BibTeX: the entry of a paper, to the clipboard. */
export function registerCopyBibtex(data: PaperDataService, citations: CitationService): vscode.Disposable {
  return vscode.commands.registerCommand(Command.copyBibtex, async (arg?: unknown) => {
    const p = await paperFromArg(data, arg, 'PaperLens: Copy BibTeX', () => citations.recent());
    if (!p) return undefined;
    await citations.copy(p, 'bibtex');
    vscode.window.setStatusBarMessage(`$(check) Copied BibTeX for ${citations.keyOf(p.id) ?? p.id}`, 3000);
    return citations.keyOf(p.id);
  });
}

const FORMAT_LABELS: Record<CitationFormat, string> = {
  bibtex: 'BibTeX entry',
  biblatex: 'BibLaTeX entry',
  latex: 'LaTeX \\cite{key}',
  pandoc: 'Pandoc/Quarto [@key]',
  markdown: 'Markdown reference with title and link',
  text: 'Plain text (APA-like)',
  comment: 'Code comment: See: Title (Year), key',
  'csl-json': 'CSL-JSON',
};

/** Copy Citation: any format, chosen from a list. */
export function registerCopyCitation(data: PaperDataService, citations: CitationService): vscode.Disposable {
  return vscode.commands.registerCommand(Command.copyCitation, async (arg?: unknown, format?: unknown) => {
    const p = await paperFromArg(data, arg, 'PaperLens: Copy Citation', () => citations.recent());
    if (!p) return undefined;
    let f = CITATION_FORMATS.find((x) => x === format);
    if (!f) {
      const pick = await vscode.window.showQuickPick(
        CITATION_FORMATS.map((x) => ({ label: FORMAT_LABELS[x], description: x, format: x })),
        { title: `Copy citation of ${citations.keyOf(p.id) ?? p.id}` },
      );
      f = pick?.format;
    }
    if (!f) return undefined;
    await citations.copy(p, f);
    vscode.window.setStatusBarMessage(`$(check) Copied ${FORMAT_LABELS[f]}`, 3000);
    return f;
  });
}

/** Open on arXiv: the paper's arXiv abstract page, in the browser; says so when no arXiv id is known. */
export function registerOpenOnArxiv(data: PaperDataService, citations: CitationService): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openOnArxiv, async (arg?: unknown) => {
    const p = await paperFromArg(data, arg, 'PaperLens: Open on arXiv', () => citations.recent());
    if (!p) return undefined;
    const page = arxivUrl(p);
    if (!page) {
      void vscode.window.showInformationMessage(`PaperLens knows no arXiv id for "${p.title.slice(0, 120)}".`);
      return undefined;
    }
    await vscode.env.openExternal(vscode.Uri.parse(page, true));
    return page;
  });
}

/** Open Details: the paper's abstract and metadata in a webview. */
export function registerOpenDetails(data: PaperDataService, citations: CitationService, panel: DetailsPanel): vscode.Disposable {
  return vscode.commands.registerCommand(Command.openDetails, async (arg?: unknown) => {
    const p = await paperFromArg(data, arg, 'PaperLens: Open Paper Details', () => citations.recent());
    if (!p) return undefined;
    const full = await data.current?.details.get(p.id);
    if (full) panel.show(full, citations.keyOf(p.id));
    return full?.id;
  });
}
