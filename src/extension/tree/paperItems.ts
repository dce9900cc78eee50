import * as vscode from 'vscode';
import { authorsLine, dateLine, snippet, yearLine } from '../../core/corpus/display';
import type { Paper } from '../../core/corpus/schema';
import { Command, ItemKind } from '../constants';
import { paperCard } from '../hover/card';
import { type TreeNode, nodeId } from './nodes';

/** A paper row: title, year and authors; it expands to its details. */
export function paperItem(n: Extract<TreeNode, { kind: 'paper' }>, citationKey: string | undefined): vscode.TreeItem {
  const p = n.paper;
  const item = new vscode.TreeItem(p.title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = nodeId(n);
  const role = n.role === 'introduces' ? 'introduces · ' : '';
  item.description = `${role}${yearLine(p)} · ${authorsLine(p)}`;
  item.tooltip = paperCard(p, { key: citationKey });
  item.contextValue = ItemKind.paper;
  item.iconPath = new vscode.ThemeIcon(n.role === 'introduces' ? 'star-full' : 'book');
  item.command = { command: Command.openDetails, title: 'Open Details', arguments: [p.id] };
  return item;
}

/** The details under a paper: authors, date, key, code, abstract, sources. */
export function paperDetails(p: Paper, parentId: string, citationKey: string | undefined): TreeNode[] {
  const d = (label: string, value: string, icon: string, extra: { tooltip?: string; url?: string } = {}): TreeNode => ({
    kind: 'detail',
    paper: p,
    parentId,
    label,
    value,
    icon,
    ...extra,
  });
  const out: TreeNode[] = [d('Authors', authorsLine(p), 'person'), d('Date', dateLine(p), 'calendar')];
  if (citationKey) out.push(d('Key', citationKey, 'key'));
  if (p.codeUrl) out.push(d('Code', p.codeUrl, 'github', { url: p.codeUrl }));
  if (p.abstract) out.push(d('Abstract', snippet(p.abstract, 120), 'note', { tooltip: p.abstract }));
  out.push(d('Sources', p.sources.map((s) => `${s.file}:${s.line}`).join(', '), 'file-text'));
  return out;
}

export function detailItem(n: Extract<TreeNode, { kind: 'detail' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.None);
  item.id = nodeId(n);
  item.description = n.value;
  item.tooltip = n.tooltip ?? n.value;
  item.iconPath = new vscode.ThemeIcon(n.icon);
  item.contextValue = n.url ? ItemKind.link : ItemKind.detail;
  if (n.url) item.command = { command: Command.openUrl, title: 'Open Link', arguments: [n.url] };
  return item;
}
