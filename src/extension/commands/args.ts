import { GROUPINGS, type Grouping } from '../../core/browse/grouping';
import { CITATION_FORMATS, type CitationFormat } from '../../core/cite/formats';
import type { Command, CommandId } from '../constants';

/**
 * The arguments of every PaperLens command, as types, with one guard per
 * argument shape. The links that run commands (hover cards, the details
 * page, tree items) are built from these types, and each handler checks
 * what it was given with the guard of the same type, so a link and its
 * handler cannot drift apart. No `vscode` import: links are built and
 * tested in plain Node.
 *
 * Handlers receive `unknown`: a command link in someone else's Markdown,
 * another extension or a keybinding may pass anything. An argument no guard
 * accepts is answered with a warning or ignored, never a throw.
 */

/** A paper: its id (card and page links, the quick pick, other extensions) or a node of the views, which holds it. */
export type PaperArg = string | { readonly paper: { readonly id: string } };

/** What to search for: the text, or `{ query }`. */
export type QueryArg = string | { readonly query: string };

/** A technique to search papers for: its name (cards) or a node of the Techniques view. */
export type TechniqueArg = string | { readonly technique: { readonly name: string } };

/** A web page to open: its URL, or a link row of the views, which holds it. Only http(s) URLs are opened. */
export type UrlArg = string | { readonly url: string };

/** An entry of the user's library: its file (a URI string) and 1-based line, as cards and the sidebar link to it. */
export type EntryArg = { readonly file: string; readonly line: number };

/** Each command's arguments, in order; every one may be left out unless the command is only run from links. */
interface ArgsByCommand {
  [Command.searchPapers]: [query?: QueryArg];
  [Command.insertCitation]: [paper?: PaperArg];
  [Command.copyBibtex]: [paper?: PaperArg];
  [Command.copyCitation]: [paper?: PaperArg, format?: CitationFormat];
  [Command.citeTechniqueAtCursor]: [];
  [Command.openDetails]: [paper?: PaperArg];
  [Command.openOnArxiv]: [paper?: PaperArg];
  [Command.revealInSidebar]: [paper?: PaperArg];
  [Command.searchRelated]: [technique?: TechniqueArg];
  [Command.groupPapersBy]: [grouping?: Grouping];
  [Command.filterPapers]: [query?: string];
  [Command.clearPapersFilter]: [];
  [Command.openUrl]: [url: UrlArg];
  [Command.showOutput]: [];
  [Command.tryHover]: [];
  [Command.showLibrary]: [];
  [Command.citeSeveral]: [];
  [Command.openLibraryEntry]: [entry: EntryArg];
}

// Every command has its arguments declared: a command added to constants.ts without them fails to compile here.
type Declared<T extends Record<CommandId, unknown[]>> = T;

/** The arguments of each command (`CommandArgs[typeof Command.copyCitation]`: `[paper?, format?]`). */
export type CommandArgs = Declared<ArgsByCommand>;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * Whether a command argument is a paper (see {@link PaperArg}).
 *
 * @example
 * isPaperArg('transmla') // => true
 * isPaperArg({ kind: 'paper', paper: { id: 'transmla' } }) // => true
 * isPaperArg({ paper: { id: 7 } }) // => false
 */
export const isPaperArg = (arg: unknown): arg is PaperArg => typeof arg === 'string' || (isRecord(arg) && isRecord(arg['paper']) && typeof arg['paper']['id'] === 'string');

/**
 * The id of the paper a {@link PaperArg} names.
 *
 * @example
 * paperIdOf({ paper: { id: 'transmla' } }) // => 'transmla'
 */
export const paperIdOf = (arg: PaperArg): string => (typeof arg === 'string' ? arg : arg.paper.id);

/**
 * Whether a command argument is a search (see {@link QueryArg}).
 *
 * @example
 * isQueryArg({ query: 'kv cache' }) // => true
 */
export const isQueryArg = (arg: unknown): arg is QueryArg => typeof arg === 'string' || (isRecord(arg) && typeof arg['query'] === 'string');

/**
 * The text of a {@link QueryArg}.
 *
 * @example
 * queryOf({ query: 'kv cache' }) // => 'kv cache'
 */
export const queryOf = (arg: QueryArg): string => (typeof arg === 'string' ? arg : arg.query);

/**
 * Whether a command argument is a technique (see {@link TechniqueArg}).
 *
 * @example
 * isTechniqueArg({ kind: 'technique', technique: { name: 'MLA' } }) // => true
 */
export const isTechniqueArg = (arg: unknown): arg is TechniqueArg =>
  typeof arg === 'string' || (isRecord(arg) && isRecord(arg['technique']) && typeof arg['technique']['name'] === 'string');

/**
 * The technique name a {@link TechniqueArg} names.
 *
 * @example
 * techniqueNameOf({ technique: { name: 'MLA' } }) // => 'MLA'
 */
export const techniqueNameOf = (arg: TechniqueArg): string => (typeof arg === 'string' ? arg : arg.technique.name);

/**
 * Whether a command argument is a web page to open (see {@link UrlArg}): an http(s) URL, or a row holding one.
 *
 * @example
 * isUrlArg('https://arxiv.org/abs/2205.13213') // => true
 * isUrlArg('command:workbench.action.quit') // => false
 */
export const isUrlArg = (arg: unknown): arg is UrlArg => {
  const url = isRecord(arg) ? arg['url'] : arg;
  return typeof url === 'string' && /^https?:\/\//i.test(url);
};

/**
 * The URL of a {@link UrlArg}.
 *
 * @example
 * urlOf({ url: 'https://github.com/ziplab/LITv2' }) // => 'https://github.com/ziplab/LITv2'
 */
export const urlOf = (arg: UrlArg): string => (typeof arg === 'string' ? arg : arg.url);

/**
 * Whether a command argument is an entry of the user's library (see {@link EntryArg}), or a node of the sidebar holding one.
 *
 * @example
 * isEntryArg({ file: 'file:///w/refs.bib', line: 12 }) // => true
 * isEntryArg({ file: 'file:///w/refs.bib', line: 0 }) // => false
 */
export const isEntryArg = (arg: unknown): arg is EntryArg => {
  const e = isRecord(arg) && isRecord(arg['entry']) ? arg['entry'] : arg;
  return isRecord(e) && typeof e['file'] === 'string' && Number.isInteger(e['line']) && (e['line'] as number) >= 1;
};

/**
 * The file and line of an {@link EntryArg}, or of the entry a sidebar node holds.
 *
 * @example
 * entryOf({ entry: { file: 'file:///w/refs.bib', line: 12, key: 'a' } }) // => { file: 'file:///w/refs.bib', line: 12 }
 */
export const entryOf = (arg: EntryArg | { entry: EntryArg }): EntryArg => {
  const e = 'entry' in arg ? arg.entry : arg;
  return { file: e.file, line: e.line };
};

/**
 * Whether a command argument is one of the Papers view's groupings.
 *
 * @example
 * isGrouping('year') // => true
 */
export const isGrouping = (arg: unknown): arg is Grouping => GROUPINGS.some((g) => g === arg);

/**
 * Whether a command argument is a citation format.
 *
 * @example
 * isCitationFormat('csl-json') // => true
 */
export const isCitationFormat = (arg: unknown): arg is CitationFormat => CITATION_FORMATS.some((f) => f === arg);

/**
 * A `command:` URI that runs one of our commands with the given arguments,
 * JSON-encoded as VS Code expects. Besides what `encodeURIComponent`
 * encodes, `( ) ' ! *` are encoded too: a `)` would end a Markdown link
 * early, a `'` an HTML attribute.
 *
 * @example
 * commandUri(Command.copyBibtex, 'transmla') // => 'command:paperlens.copyBibtex?%5B%22transmla%22%5D'
 * commandUri(Command.showOutput) // => 'command:paperlens.showOutput'
 */
export function commandUri<C extends CommandId>(command: C, ...args: CommandArgs[C]): string {
  if (args.length === 0) return `command:${command}`;
  return `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** A command with its arguments, as a tree item runs it (a `vscode.Command`). */
export interface CommandCall<C extends CommandId = CommandId> {
  title: string;
  command: C;
  arguments: CommandArgs[C];
}

/**
 * The command a tree item runs when clicked.
 *
 * @example
 * commandCall('Open Details', Command.openDetails, 'transmla')
 * // => { title: 'Open Details', command: 'paperlens.openDetails', arguments: ['transmla'] }
 */
export function commandCall<C extends CommandId>(title: string, command: C, ...args: CommandArgs[C]): CommandCall<C> {
  return { title, command, arguments: args };
}
