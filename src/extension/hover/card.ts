import * as vscode from 'vscode';
import { authorsLine, snippet, yearLine } from '../../core/corpus/display';
import type { PaperRecord } from '../../core/data/load';
import type { TechniqueMatch } from '../../core/techniques/matcher';
import { paperCountOf } from '../../core/techniques/papers';
import { Command, type CommandId, HOVER_COMMANDS } from '../constants';

/**
 * Hover cards, completion docs and tree tooltips. Paper text is data, never
 * markup: it is escaped before it is appended, HTML is off, and the only
 * command links that work are PaperLens's own allow-listed commands, with
 * arguments we encode.
 */

/** Backslash-escapes every character Markdown could read as syntax, so text stays text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$&:]/g, '\\$&').replace(/\r?\n/g, ' ');
}

/** A `command:` link to one of our commands, with JSON arguments encoded as VS Code expects. */
export function commandLink(label: string, command: CommandId, ...args: unknown[]): string {
  const query = args.length > 0 ? `?${encodeURIComponent(JSON.stringify(args))}` : '';
  return `[${escapeMarkdown(label)}](command:${command}${query} "${escapeMarkdown(label)}")`;
}

/** A MarkdownString that trusts only our hover commands and never renders HTML. */
export function safeMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  return md;
}

/** "2024 · DeepSeek-AI, Aixin Liu et al.", only what is known; undefined when nothing is. */
function knownMeta(p: PaperRecord, role: string | undefined): string | undefined {
  const parts: string[] = [];
  if (p.year !== undefined) parts.push(String(p.year));
  if (p.authors.length > 0 || p.organization) parts.push(authorsLine(p));
  if (role === 'introduces') parts.push('introduces it');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function paperLine(md: vscode.MarkdownString, p: PaperRecord, role: string | undefined, snippetLength: number): void {
  md.appendMarkdown(`**${escapeMarkdown(p.title)}**`);
  const meta = knownMeta(p, role);
  if (meta) md.appendMarkdown(`  \n${escapeMarkdown(meta)}`);
  if (p.lead) md.appendMarkdown(`  \n_${escapeMarkdown(snippet(p.lead, snippetLength))}_`);
  md.appendMarkdown('\n\n');
}

function paperActions(md: vscode.MarkdownString, p: PaperRecord): void {
  md.appendMarkdown(
    [
      commandLink('Insert citation', Command.insertCitation, p.id),
      commandLink('Copy BibTeX', Command.copyBibtex, p.id),
      commandLink('Details', Command.openDetails, p.id),
      commandLink('Show in sidebar', Command.revealInSidebar, p.id),
    ].join(' · '),
  );
}

/** The card of one paper: title, year and authors, a snippet, the citation key, actions. */
export function paperCard(p: PaperRecord, opts: { key?: string | undefined; actions?: boolean } = {}): vscode.MarkdownString {
  const md = safeMarkdown();
  md.appendMarkdown(`**${escapeMarkdown(p.title)}**  \n${escapeMarkdown(`${yearLine(p)} · ${authorsLine(p)}`)}`);
  if (p.lead) md.appendMarkdown(`  \n_${escapeMarkdown(snippet(p.lead, 200))}_`);
  md.appendMarkdown('\n\n');
  if (opts.key) md.appendMarkdown(`Key: \`${opts.key.replace(/`/g, '')}\`\n\n`);
  if (opts.actions !== false) paperActions(md, p);
  return md;
}

/** How many papers a technique card lists before "+N more". */
export const CARD_PAPERS = 3;

/**
 * The card of a technique: its name and expansion, actions (on the first
 * paper), then the introducing or top papers with what is known of them and
 * a one-line abstract, and "+N more".
 */
export function techniqueCard(m: TechniqueMatch, papersById: ReadonlyMap<string, PaperRecord>): vscode.MarkdownString {
  const t = m.technique;
  const md = safeMarkdown();
  const expansion = m.meaning ?? (t.meanings && t.meanings.length > 1 ? t.meanings.map((x) => x.expansion).join(' | ') : t.expansions[0]);
  md.appendMarkdown(`**${escapeMarkdown(t.name)}**${expansion ? ` — ${escapeMarkdown(expansion)}` : ''}`);
  if (t.meanings && t.meanings.length > 1 && !m.meaning) md.appendMarkdown(`  \n${escapeMarkdown(`${t.name} means different things in different papers.`)}`);
  const shown = t.papers.slice(0, CARD_PAPERS);
  const first = shown[0] ? papersById.get(shown[0].id) : undefined;
  if (first) {
    md.appendMarkdown(
      `  \n${[
        commandLink('Insert citation', Command.insertCitation, first.id),
        commandLink('Copy BibTeX', Command.copyBibtex, first.id),
        commandLink('Show in sidebar', Command.revealInSidebar, first.id),
        commandLink('Search related', Command.searchRelated, t.name),
      ].join(' · ')}`,
    );
  }
  md.appendMarkdown('\n\n---\n\n');
  for (const tp of shown) {
    const p = papersById.get(tp.id);
    if (p) paperLine(md, p, tp.role, 110);
  }
  const more = paperCountOf(t) - shown.length;
  if (more > 0) md.appendMarkdown(commandLink(`+${more} more`, Command.searchRelated, t.name));
  return md;
}
