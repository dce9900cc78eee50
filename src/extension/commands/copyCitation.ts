import * as vscode from 'vscode';
import { CITATION_FORMATS, type CitationFormat } from '../../core/cite/formats';
import type { CitationKeys } from '../citations/citationKeys';
import type { CitationService } from '../citations/citationService';
import { Command } from '../constants';
import { isCitationFormat } from './args';
import type { PaperFromArg } from './paperArg';

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

/** Copy Citation: any format, given or chosen from a list. */
export function registerCopyCitation(paperFromArg: PaperFromArg, citations: CitationService, keys: CitationKeys): vscode.Disposable {
  return vscode.commands.registerCommand(Command.copyCitation, async (arg?: unknown, format?: unknown) => {
    const p = await paperFromArg(arg, 'PaperLens: Copy Citation');
    if (!p) return undefined;
    let f = isCitationFormat(format) ? format : undefined;
    if (!f) {
      const pick = await vscode.window.showQuickPick(
        CITATION_FORMATS.map((x) => ({ label: FORMAT_LABELS[x], description: x, format: x })),
        { title: `Copy citation of ${keys.keyOf(p.id) ?? p.id}` },
      );
      f = pick?.format;
    }
    if (!f) return undefined;
    await citations.copy(p, f);
    vscode.window.setStatusBarMessage(`$(check) Copied ${FORMAT_LABELS[f]}`, 3000);
    return f;
  });
}
