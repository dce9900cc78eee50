import * as vscode from 'vscode';
import { yearAndAuthors } from '../../core/corpus/display';
import type { PaperDetailsStore } from '../../core/data/details';
import { commandCall } from '../commands/args';
import { Command, ItemKind } from '../constants';
import { paperCard } from '../hover/card';
import { type DetailNode, type PaperNode, type TreeNode, nodeId } from './nodes';

/** A paper row: title, year and authors; it expands to its details. */
export function paperItem(n: PaperNode, citationKey: string | undefined): vscode.TreeItem {
  const p = n.paper;
  const item = new vscode.TreeItem(p.title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = nodeId(n);
  item.description = yearAndAuthors(p, { introduces: n.role === 'introduces' });
  item.tooltip = paperCard(p, { key: citationKey });
  item.contextValue = p.arxiv === undefined ? ItemKind.paper : ItemKind.paperOnArxiv;
  item.iconPath = new vscode.ThemeIcon(n.role === 'introduces' ? 'star-full' : 'book');
  item.command = commandCall('Open Details', Command.openDetails, p.id);
  return item;
}

export function detailItem(n: DetailNode): vscode.TreeItem {
  const item = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.None);
  item.id = nodeId(n);
  item.description = n.value;
  // Left unset for the abstract: VS Code then asks resolveTreeItem when it is hovered.
  if (!n.abstractTooltip) item.tooltip = n.tooltip ?? n.value;
  item.iconPath = new vscode.ThemeIcon(n.icon);
  item.contextValue = n.url ? ItemKind.link : ItemKind.detail;
  if (n.url) item.command = commandCall('Open Link', Command.openUrl, n.url);
  return item;
}

/**
 * Fills in the whole abstract as the tooltip of an Abstract detail, for a
 * provider's resolveTreeItem: abstracts load on demand, when hovered.
 */
export async function resolveAbstractTooltip(item: vscode.TreeItem, n: TreeNode, details: PaperDetailsStore | undefined): Promise<vscode.TreeItem> {
  if (n.kind !== 'detail' || !n.abstractTooltip) return item;
  try {
    item.tooltip = (await details?.get(n.paper.id))?.abstract ?? n.paper.lead;
  } catch {
    // A details file that cannot be read leaves the first sentence as the tooltip.
    item.tooltip = n.paper.lead;
  }
  return item;
}
