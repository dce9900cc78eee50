import { arxivUrl } from '../../core/corpus/arxiv';
import { authorsLine, dateLine, snippet, venueLine } from '../../core/corpus/display';
import type { PaperRecord } from '../../core/data/load';
import type { PaperGroup } from '../../core/browse/grouping';
import type { LibraryEntry } from '../../core/library/entry';
import type { Technique } from '../../schema/lexicon';

/**
 * The nodes of both PaperLens trees: plain data, which the providers turn
 * into TreeItems. A node below the top level holds its parent node, so the
 * providers answer getParent() without taking ids apart. No `vscode`
 * import: the nodes and their ids are tested in plain Node.
 */

export interface GroupNode {
  kind: 'group';
  group: PaperGroup;
}

export interface TechniqueNode {
  kind: 'technique';
  technique: Technique;
}

export interface PaperNode {
  kind: 'paper';
  paper: PaperRecord;
  /** The group or technique the paper is listed under; undefined in the flat list of a filter. */
  parent: GroupNode | TechniqueNode | undefined;
  role?: 'introduces' | 'mentions';
}

export interface DetailNode {
  kind: 'detail';
  paper: PaperRecord;
  parent: PaperNode;
  label: string;
  value: string;
  tooltip?: string;
  /** The tooltip is the paper's whole abstract, loaded when hovered. */
  abstractTooltip?: true;
  url?: string;
  icon: string;
}

/** The top of the user's library in the Papers view: "Your library". */
export interface LibraryNode {
  kind: 'library';
}

/** One of the user's bibliography files. */
export interface LibraryFileNode {
  kind: 'libraryFile';
  /** The file, as a URI string. */
  file: string;
  parent: LibraryNode;
}

/** One entry of a user's bibliography. */
export interface LibraryEntryNode {
  kind: 'libraryEntry';
  entry: LibraryEntry;
  parent: LibraryFileNode;
}

export type TreeNode = GroupNode | TechniqueNode | PaperNode | DetailNode | LibraryNode | LibraryFileNode | LibraryEntryNode;

/** The id a paper of the filtered list sits under. */
const FILTER_ID = 'filter';

/**
 * A tree item id: unique across the tree, stable across refreshes (for
 * reveal and expansion state). Made from the node and its parents, and
 * never parsed back.
 *
 * @example
 * nodeId({ kind: 'paper', paper: hilo, parent: { kind: 'group', group: year2022 } }) // => 'year:2022/paper:fast-vision-transformers-with-hilo-attention'
 */
export function nodeId(n: TreeNode): string {
  switch (n.kind) {
    case 'group':
      return n.group.id;
    case 'technique':
      return `technique:${n.technique.id}`;
    case 'paper':
      return `${n.parent ? nodeId(n.parent) : FILTER_ID}/paper:${n.paper.id}`;
    case 'detail':
      return `${nodeId(n.parent)}/${n.label}`;
    case 'library':
      return 'library';
    case 'libraryFile':
      return `library/${n.file}`;
    case 'libraryEntry':
      return `library/${n.parent.file}/${n.entry.key}`;
  }
}

/**
 * A node's parent, for a provider's getParent(): none at the top level.
 *
 * @example
 * parentOf(paperDetails(hiloUnderHiLo, 'pan2022fast')[0]) // => hiloUnderHiLo, the paper node itself
 */
export const parentOf = (n: TreeNode): TreeNode | undefined => (n.kind === 'paper' || n.kind === 'detail' || n.kind === 'libraryFile' || n.kind === 'libraryEntry' ? n.parent : undefined);

/**
 * The details under a paper: authors, date, venue, key, arXiv page, code,
 * abstract, sources; only what is known.
 *
 * @example
 * paperDetails({ kind: 'paper', paper: hilo, parent: undefined }, 'pan2022fast').map((n) => n.label)
 * // => ['Authors', 'Date', 'Published', 'Key', 'arXiv', 'Code', 'Abstract', 'Sources']
 */
export function paperDetails(parent: PaperNode, citationKey: string | undefined): DetailNode[] {
  const p = parent.paper;
  const d = (label: string, value: string, icon: string, extra: { tooltip?: string; abstractTooltip?: true; url?: string } = {}): DetailNode => ({
    kind: 'detail',
    paper: p,
    parent,
    label,
    value,
    icon,
    ...extra,
  });
  const out: DetailNode[] = [d('Authors', authorsLine(p), 'person'), d('Date', dateLine(p), 'calendar')];
  const venue = venueLine(p);
  if (venue) out.push(d('Published', venue, 'mortar-board', { tooltip: p.venue?.name ?? venue }));
  if (citationKey) out.push(d('Key', citationKey, 'key'));
  const page = arxivUrl(p);
  if (page) out.push(d('arXiv', p.arxiv ?? page, 'link-external', { url: page, tooltip: page }));
  if (p.codeUrl) out.push(d('Code', p.codeUrl, 'github', { url: p.codeUrl }));
  // The whole abstract loads when the tooltip is asked for (resolveAbstractTooltip).
  if (p.lead) out.push(d('Abstract', snippet(p.lead, 120), 'note', { abstractTooltip: true }));
  out.push(d('Sources', p.sources.map((s) => `${s.file}:${s.line}`).join(', '), 'file-text'));
  return out;
}
