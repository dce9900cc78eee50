import * as vscode from 'vscode';
import type { LibraryReferences } from '../../core/library/references';
import { commandCall } from '../commands/args';
import { Command, ItemKind } from '../constants';
import { entryCard, paperCard } from '../hover/card';
import type { LibraryEntryNode, LibraryFileNode, LibraryNode, TreeNode } from './nodes';
import { counted } from '../../core/util/counted';

/**
 * The "Your library" part of the Papers view: the user's bibliography
 * files, each with its entries. An entry that is a bundled paper shows the
 * paper's card; clicking an entry opens it in its file.
 */

/** The rows under "Your library" (its files) or under a file (its entries, in file order). */
export function libraryChildren(n: LibraryNode | LibraryFileNode, refs: LibraryReferences | undefined): TreeNode[] {
  if (!refs) return [];
  if (n.kind === 'library') return refs.library.files().sort().map((file) => ({ kind: 'libraryFile' as const, file, parent: n }));
  return refs.library.entriesOf(n.file).map((entry) => ({ kind: 'libraryEntry' as const, entry, parent: n }));
}

export function libraryItem(n: LibraryNode | LibraryFileNode | LibraryEntryNode, refs: LibraryReferences | undefined): vscode.TreeItem {
  if (n.kind === 'library') {
    const item = new vscode.TreeItem('Your library', vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'library';
    const files = refs?.library.files().length ?? 0;
    item.description = `${counted(files, 'file')} · ${counted(refs?.library.size ?? 0, 'entry', 'entries')}`;
    item.iconPath = new vscode.ThemeIcon('library');
    item.contextValue = ItemKind.group;
    return item;
  }
  if (n.kind === 'libraryFile') {
    const uri = vscode.Uri.parse(n.file, true);
    const item = new vscode.TreeItem(vscode.workspace.asRelativePath(uri), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `library/${n.file}`;
    item.resourceUri = uri;
    item.description = counted(refs?.library.entriesOf(n.file).length ?? 0, 'entry', 'entries');
    item.iconPath = new vscode.ThemeIcon('book');
    item.contextValue = ItemKind.libraryFile;
    return item;
  }
  const e = n.entry;
  const item = new vscode.TreeItem(e.title, vscode.TreeItemCollapsibleState.None);
  item.id = `library/${n.parent.file}/${e.key}`;
  const paperId = refs?.paperForEntry(e);
  const paper = paperId === undefined ? undefined : refs?.byKey(e.key);
  item.description = `${e.key}${e.year === undefined ? '' : ` · ${e.year}`}${paper ? ' · in the corpus' : ''}`;
  item.tooltip = paper?.kind === 'paper' ? paperCard(paper.paper, { key: e.key }) : entryCard(e);
  item.iconPath = new vscode.ThemeIcon(paper ? 'star-full' : 'bookmark');
  item.contextValue = ItemKind.libraryEntry;
  item.command = commandCall('Open Entry', Command.openLibraryEntry, { file: e.file, line: e.line });
  return item;
}
