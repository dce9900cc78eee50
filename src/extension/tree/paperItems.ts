import * as vscode from 'vscode';
import { arxivUrl } from '../../core/corpus/arxiv';
import { authorsLine, dateLine, snippet, venueLine, yearAndAuthors } from '../../core/corpus/display';
import type { PaperDetailsStore, PaperRecord } from '../../core/data/load';
import { commandCall } from '../commands/args';
import { Command, ItemKind } from '../constants';
import { paperCard } from '../hover/card';
import { type TreeNode, nodeId } from './nodes';

/** A paper row: title, year and authors; it expands to its details. */
export function paperItem(n: Extract<TreeNode, { kind: 'paper' }>, citationKey: string | undefined): vscode.TreeItem {
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

/** The details under a paper: authors, date, venue, key, arXiv page, code, abstract, sources. */
export function paperDetails(p: PaperRecord, parentId: string, citationKey: string | undefined): TreeNode[] {
  const d = (label: string, value: string, icon: string, extra: { tooltip?: string; abstractTooltip?: true; url?: string } = {}): TreeNode => ({
    kind: 'detail',
    paper: p,
    parentId,
    label,
    value,
    icon,
    ...extra,
  });
  const out: TreeNode[] = [d('Authors', authorsLine(p), 'person'), d('Date', dateLine(p), 'calendar')];
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

export function detailItem(n: Extract<TreeNode, { kind: 'detail' }>): vscode.TreeItem {
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
