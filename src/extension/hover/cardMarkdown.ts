import { LINE_AUTHORS, authorsLine, snippet, venueLine, yearLine } from '../../core/corpus/display';
import type { PaperRecord } from '../../core/data/load';
import type { LibraryEntry } from '../../core/library/entry';
import { techniqueCardModel } from '../../core/browse/techniqueCard';
import type { TechniqueMatch } from '../../core/techniques/matcher';
import { type CommandArgs, commandUri } from '../commands/args';
import { Command, type CommandId } from '../constants';

/**
 * The Markdown of hover cards, completion docs and tree tooltips. No
 * `vscode` import: it is tested in plain Node with a real Markdown renderer.
 * Paper text is data, never markup: every character Markdown could read as
 * syntax is escaped, line breaks become spaces, and the only links are
 * command links to PaperLens's own commands, with arguments we encode. The
 * MarkdownString around it (card.ts) trusts only those commands and renders
 * no HTML.
 */

/**
 * Backslash-escapes every character Markdown could read as syntax, so text
 * stays text: emphasis, code, links and images, autolinks (`:` and `.`),
 * HTML and entities (`<`, `&`), headings, lists, tables, math. Line breaks
 * and tabs become spaces, and leading spaces (an indented code block) go.
 *
 * @example
 * escapeMarkdown('[x](command:evil) `a` <b>') // => '\\[x\\]\\(command\\:evil\\) \\`a\\` \\<b\\>'
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]()#+\-.!|<>~$&:]/g, '\\$&')
      .replace(/\r\n|[\r\n\u2028\u2029\u0085\t]/g, ' ')
      // Leading spaces (or a tab) at the start of a line make an indented code block; Markdown drops them anyway.
      .replace(/^ +/, '')
  );
}

/**
 * A Markdown link that runs one of our commands with arguments of its type
 * (see {@link commandUri}).
 *
 * @example
 * commandLink('Copy BibTeX', Command.copyBibtex, 'transmla')
 * // => '[Copy BibTeX](command:paperlens.copyBibtex?%5B%22transmla%22%5D "Copy BibTeX")'
 */
export function commandLink<C extends CommandId>(label: string, command: C, ...args: CommandArgs[C]): string {
  return `[${escapeMarkdown(label)}](${commandUri(command, ...args)} "${escapeMarkdown(label).replace(/"/g, '\\"')}")`;
}

/** "2024 · DeepSeek-AI, Aixin Liu et al.", only what is known; undefined when nothing is. */
function knownMeta(p: PaperRecord, role: string | undefined): string | undefined {
  const parts: string[] = [];
  if (p.year !== undefined) parts.push(String(p.year));
  if (p.authors.length > 0 || p.organization) parts.push(authorsLine(p, LINE_AUTHORS));
  if (role === 'introduces') parts.push('introduces it');
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

function paperLine(p: PaperRecord, role: string | undefined, snippetLength: number): string {
  let md = `**${escapeMarkdown(p.title)}**`;
  const meta = knownMeta(p, role);
  if (meta) md += `  \n${escapeMarkdown(meta)}`;
  if (p.lead) md += `  \n_${escapeMarkdown(snippet(p.lead, snippetLength))}_`;
  return `${md}\n\n`;
}

function paperActions(p: PaperRecord): string {
  return [
    commandLink('Insert citation', Command.insertCitation, p.id),
    commandLink('Copy BibTeX', Command.copyBibtex, p.id),
    commandLink('Details', Command.openDetails, p.id),
    commandLink('Show in sidebar', Command.revealInSidebar, p.id),
    ...(p.arxiv !== undefined ? [commandLink('Open on arXiv', Command.openOnArxiv, p.id)] : []),
  ].join(' · ');
}

export interface CardOptions {
  /** The paper's citation key. */
  key?: string | undefined;
  /** The key the document cites it by, when that is one an earlier release gave it. */
  citedAs?: string | undefined;
  /** The action links; on unless false. */
  actions?: boolean;
}

/**
 * The card of one paper: title, year, venue and authors, a snippet, the
 * citation key, actions (with its arXiv page when the id is known).
 *
 * @example
 * paperCardMarkdown(transmla, { key: 'transmla2025' })
 * // => '**TransMLA\\: Multi\\-head …**  \n2025 · authors unknown  \n_Modern …_\n\nKey: `transmla2025`\n\n[Insert citation](command:…'
 */
export function paperCardMarkdown(p: PaperRecord, opts: CardOptions = {}): string {
  const venue = venueLine(p);
  let md = `**${escapeMarkdown(p.title)}**  \n${escapeMarkdown([yearLine(p), ...(venue ? [venue] : []), authorsLine(p, LINE_AUTHORS)].join(' · '))}`;
  if (p.lead) md += `  \n_${escapeMarkdown(snippet(p.lead, 200))}_`;
  md += '\n\n';
  // Keys are [a-z0-9]+; anything else is dropped rather than trusted inside a code span.
  const safeKey = (k: string): string => k.replace(/[^\w:.-]/g, '');
  if (opts.key) md += `Key: \`${safeKey(opts.key)}\`${opts.citedAs ? `, cited here by its earlier key \`${safeKey(opts.citedAs)}\`` : ''}\n\n`;
  if (opts.actions !== false) md += paperActions(p);
  return md;
}

/**
 * The card of a technique (see {@link techniqueCardModel}): its name and
 * expansion, actions (on the first paper), then the introducing or top
 * papers with what is known of them and a one-line abstract, and "+N more".
 *
 * @example
 * techniqueCardMarkdown(matcher.matchIdentifier('MultiHeadLatentAttention'), data.papersById)
 * // => '**MLA** — Multi\\-head Latent Attention  \n[Insert citation](command:paperlens.insertCitation?…'
 */
export function techniqueCardMarkdown(m: TechniqueMatch, papersById: ReadonlyMap<string, PaperRecord>, yours: readonly LibraryEntry[] = []): string {
  const card = techniqueCardModel(m, papersById);
  let md = `**${escapeMarkdown(card.name)}**${card.expansion ? ` — ${escapeMarkdown(card.expansion)}` : ''}`;
  if (card.ambiguous) md += `  \n${escapeMarkdown(`${card.name} means different things in different papers.`)}`;
  const first = card.papers[0]?.paper;
  if (first) {
    md += `  \n${[
      commandLink('Insert citation', Command.insertCitation, first.id),
      commandLink('Copy BibTeX', Command.copyBibtex, first.id),
      commandLink('Show in sidebar', Command.revealInSidebar, first.id),
      commandLink('Search related', Command.searchRelated, card.name),
    ].join(' · ')}`;
  }
  md += '\n\n---\n\n';
  for (const { paper, role } of card.papers) if (paper) md += paperLine(paper, role, 110);
  if (card.more > 0) md += commandLink(`+${card.more} more`, Command.searchRelated, card.name);
  // The user's own papers on the technique, after the bundled ones.
  if (yours.length > 0) {
    md += '\n\n---\n\nIn your library:\n\n';
    for (const e of yours) md += `${entryLine(e)}\n\n`;
  }
  return md;
}

/** One of the user's entries as a line of a card: its title, year and first author, and a link to it in its file. */
function entryLine(e: LibraryEntry): string {
  const who = e.authors[0] ? `${e.authors[0].name}${e.authors.length > 1 || e.authorsTruncated ? ' et al.' : ''}` : 'authors unknown';
  return `**${escapeMarkdown(e.title)}**  \n${escapeMarkdown(`${e.year ?? 'year unknown'} · ${who} · ${e.key}`)} · ${commandLink(`Open in ${fileName(e.file)}`, Command.openLibraryEntry, { file: e.file, line: e.line })}`;
}

/** A library file's name as cards show it: its last path segment. */
const fileName = (file: string): string => decodeURIComponent(file.replace(/[?#].*$/, '').split('/').pop() ?? file);

/**
 * The card of an entry of the user's library that is not a bundled paper:
 * title, year, venue and authors, a line of its abstract, its key and where
 * it is, and a link to it in its file.
 *
 * @example
 * entryCardMarkdown(entry)
 * // => '**A Study**  \n2021 · J\\. Mach\\. Learn\\. · Ada Lovelace  \n\nKey: `lovelace2021` · refs\\.bib, line 12\n\n[Open in refs.bib](command:paperlens.openLibraryEntry?…)'
 */
export function entryCardMarkdown(e: LibraryEntry, opts: { actions?: boolean } = {}): string {
  const authors = e.authors.length === 0 ? 'authors unknown' : `${e.authors.slice(0, LINE_AUTHORS + 1 === e.authors.length ? e.authors.length : LINE_AUTHORS).map((a) => a.name).join(', ')}${e.authorsTruncated || e.authors.length > LINE_AUTHORS + 1 ? ' et al.' : ''}`;
  const meta = [e.year === undefined ? 'year unknown' : String(e.year), ...(e.venue ? [e.venue] : []), authors].join(' · ');
  let md = `**${escapeMarkdown(e.title)}**  \n${escapeMarkdown(meta)}`;
  if (e.abstract) md += `  \n_${escapeMarkdown(snippet(e.abstract, 200))}_`;
  md += `\n\nKey: \`${e.key.replace(/[^\w:.\-/+]/g, '')}\` · ${escapeMarkdown(`${fileName(e.file)}, line ${e.line}`)}\n\n`;
  if (opts.actions !== false) md += commandLink(`Open in ${fileName(e.file)}`, Command.openLibraryEntry, { file: e.file, line: e.line });
  return md;
}

/**
 * The card of a technique one of the user's own papers introduces: its name
 * and expansion, then the paper, as its entry's card.
 *
 * @example
 * libraryTechniqueCardMarkdown(match, entries) // => '**LatentMixer** — from your library\n\n---\n\n**LatentMixer\\: Mixing…'
 */
export function libraryTechniqueCardMarkdown(m: TechniqueMatch, entries: ReadonlyMap<string, LibraryEntry>): string {
  const t = m.technique;
  const head = `**${escapeMarkdown(t.name)}**${t.expansions[0] ? ` — ${escapeMarkdown(t.expansions[0])}` : ''} · ${escapeMarkdown('from your library')}`;
  const cards = t.papers.flatMap((p) => {
    const e = entries.get(p.id);
    return e ? [entryCardMarkdown(e)] : [];
  });
  return [head, ...cards].join('\n\n---\n\n');
}
