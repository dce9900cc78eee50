import type { PaperRecord } from '../../core/data/load';
import type { PaperGroup } from '../../core/browse/grouping';
import type { Technique } from '../../schema/lexicon';

/** The nodes of both PaperLens trees. Plain data; the providers turn them into TreeItems. */
export type TreeNode =
  | { kind: 'group'; group: PaperGroup }
  | { kind: 'technique'; technique: Technique }
  | { kind: 'paper'; paper: PaperRecord; parentId: string; role?: 'introduces' | 'mentions' }
  | {
      kind: 'detail';
      paper: PaperRecord;
      parentId: string;
      label: string;
      value: string;
      tooltip?: string;
      /** The tooltip is the paper's whole abstract, loaded when hovered. */
      abstractTooltip?: true;
      url?: string;
      icon: string;
    };

/** A tree item id: unique across the tree, stable across refreshes (for reveal and expansion state). */
export function nodeId(n: TreeNode): string {
  switch (n.kind) {
    case 'group':
      return n.group.id;
    case 'technique':
      return `technique:${n.technique.id}`;
    case 'paper':
      return `${n.parentId}/paper:${n.paper.id}`;
    case 'detail':
      return `${n.parentId}/${n.label}`;
  }
}
