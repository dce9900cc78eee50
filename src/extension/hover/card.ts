import * as vscode from 'vscode';
import type { PaperRecord } from '../../core/data/load';
import type { LibraryEntry } from '../../core/library/entry';
import type { TechniqueMatch } from '../../core/techniques/matcher';
import { HOVER_COMMANDS } from '../constants';
import { type CardOptions, entryCardMarkdown, libraryTechniqueCardMarkdown, paperCardMarkdown, techniqueCardMarkdown } from './cardMarkdown';

/**
 * Hover cards, completion docs and tree tooltips as MarkdownStrings. The
 * Markdown comes from cardMarkdown.ts, where paper text is escaped; here it
 * is wrapped so that HTML is off, theme icons are off, and the only command
 * links that work are PaperLens's own allow-listed commands.
 */

/** A MarkdownString that trusts only our hover commands and never renders HTML or `$(icon)` syntax. */
export function safeMarkdown(value = ''): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, false);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  return md;
}

/** The card of one paper: title, year and authors, a snippet, the citation key, actions. */
export function paperCard(p: PaperRecord, opts: CardOptions = {}): vscode.MarkdownString {
  return safeMarkdown(paperCardMarkdown(p, opts));
}

/** The card of a technique: its name and expansion, actions, its top papers and "+N more", then the user's own papers that name it. */
export function techniqueCard(m: TechniqueMatch, papersById: ReadonlyMap<string, PaperRecord>, yours: readonly LibraryEntry[] = []): vscode.MarkdownString {
  return safeMarkdown(techniqueCardMarkdown(m, papersById, yours));
}

/** The card of a technique one of the user's own papers introduces. */
export function libraryTechniqueCard(m: TechniqueMatch, entries: ReadonlyMap<string, LibraryEntry>): vscode.MarkdownString {
  return safeMarkdown(libraryTechniqueCardMarkdown(m, entries));
}

/** The card of an entry of the user's library. */
export function entryCard(e: LibraryEntry, opts: { actions?: boolean } = {}): vscode.MarkdownString {
  return safeMarkdown(entryCardMarkdown(e, opts));
}
