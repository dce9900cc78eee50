import * as vscode from 'vscode';
import { snippet, yearAndAuthors, yearLine } from '../../core/corpus/display';
import type { PaperData, PaperRecord } from '../../core/data/load';
import { boundQuery } from '../../core/search/engine';
import { techniquesByPaper, techniquesByPaperSteps } from '../../core/techniques/papers';
import { runSliced } from '../../core/util/sliced';
import type { Technique } from '../../schema/lexicon';
import type { LibraryEntry } from '../../core/library/entry';
import type { LibraryReferences } from '../../core/library/references';
import type { PaperDataService } from '../dataService';
import { noIcons } from '../util/text';

export type PaperAction = 'insert' | 'copyBibtex' | 'details' | 'reveal';

export interface PaperItem extends vscode.QuickPickItem {
  paper?: PaperRecord;
  /** The user's library entry: for a bundled paper, theirs (its key is cited); alone, an entry that is not a bundled paper. */
  entry?: LibraryEntry;
}

const BUTTONS: { action: PaperAction; button: vscode.QuickInputButton }[] = [
  { action: 'insert', button: { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert citation' } },
  { action: 'copyBibtex', button: { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy BibTeX' } },
  { action: 'details', button: { iconPath: new vscode.ThemeIcon('open-preview'), tooltip: 'Open details' } },
  { action: 'reveal', button: { iconPath: new vscode.ThemeIcon('list-tree'), tooltip: 'Show in sidebar' } },
];

/**
 * VS Code re-sorts quick pick items whose label matches the typed text,
 * which would undo our ranking (microsoft/vscode#73904). Zero-width spaces
 * between the characters keep the label from matching, so our order stands;
 * they are invisible and ignored by screen readers.
 */
export const unsortableLabel = (text: string): string => [...text].join('\u200b');

const techniqueNames = new WeakMap<PaperData, Map<string, string[]>>();

/**
 * The technique names a row shows: what the paper introduces first, and no
 * name that a longer one already says ("KV cache" under "KV cache compression").
 */
export function displayNames(paperId: string, ts: readonly Technique[]): string[] {
  const ordered = [...ts].sort(
    (a, b) => Number(b.papers.some((p) => p.id === paperId && p.role === 'introduces')) - Number(a.papers.some((p) => p.id === paperId && p.role === 'introduces')),
  );
  const names = [...new Set(ordered.map((t) => t.name))];
  return names.filter((n) => !names.some((m) => m !== n && m.toLowerCase().includes(n.toLowerCase())));
}

/**
 * Works out each paper's technique names in slices, once the lexicon is in,
 * so the first search does not block the host on them (at 100,000 papers
 * they take over 100 ms).
 */
export async function prepareTechniqueNames(d: PaperData): Promise<void> {
  if (techniqueNames.has(d)) return;
  const byPaper = await runSliced(techniquesByPaperSteps(d.lexicon));
  if (!techniqueNames.has(d)) techniqueNames.set(d, new Map([...byPaper].map(([id, ts]) => [id, displayNames(id, ts)])));
}

/** Each paper's technique names, once the lexicon is in (until then, none). */
function namesOf(d: PaperData, complete: boolean): Map<string, string[]> | undefined {
  if (!complete) return undefined;
  let names = techniqueNames.get(d);
  if (!names) {
    names = new Map([...techniquesByPaper(d.lexicon)].map(([id, ts]) => [id, displayNames(id, ts)]));
    techniqueNames.set(d, names);
  }
  return names;
}

/** A bundled paper with the authors and year of the user's entry for it, where the paper has none. */
function withEntryFacts(p: PaperRecord, e: LibraryEntry): PaperRecord {
  const authors = p.authors.length === 0 && e.authors.length > 0 ? { authors: e.authors, authorsTruncated: e.authorsTruncated } : {};
  const year = p.year === undefined && e.year !== undefined ? { year: e.year } : {};
  return { ...p, ...authors, ...year };
}

function item(names: Map<string, string[]> | undefined, p: PaperRecord, withButtons: boolean, entry?: LibraryEntry): PaperItem {
  const techniques = [...new Set(names?.get(p.id) ?? [])].slice(0, 4);
  return {
    label: unsortableLabel(p.title),
    // The user's key first (it is what gets cited), and their entry's authors and year where the bundled paper lacks them.
    // Until the load completes (no technique names yet) a paper is its head: its authors are not in yet.
    description: noIcons(`${entry ? `your library: ${entry.key} · ` : ''}${names === undefined ? yearLine(p) : yearAndAuthors(entry ? withEntryFacts(p, entry) : p, { short: true })}`),
    ...(entry ? { entry } : {}),
    detail: `${techniques.length ? `$(symbol-method) ${noIcons(techniques.join(', '))} · ` : ''}${noIcons(snippet(p.lead, 150))}`,
    alwaysShow: true,
    paper: p,
    ...(withButtons ? { buttons: BUTTONS.map((b) => b.button) } : {}),
  };
}

/** A row for an entry of the user's library that is not a bundled paper. */
function entryItem(e: LibraryEntry): PaperItem {
  const authors = e.authors.length === 0 ? 'authors unknown' : `${e.authors[0]?.family ?? e.authors[0]?.name ?? ''}${e.authors.length > 1 || e.authorsTruncated ? ' et al.' : ''}`;
  const file = decodeURIComponent(e.file.split('/').pop() ?? e.file);
  return {
    label: unsortableLabel(e.title),
    description: noIcons(`${e.year ?? 'year unknown'} · ${authors} · ${e.key}`),
    detail: `$(book) your library: ${noIcons(`${file}${e.venue ? ` · ${e.venue}` : ''}`)}`,
    alwaysShow: true,
    entry: e,
  };
}

export interface PickOptions {
  title: string;
  /** The user's library, searched with the corpus and ranked with it. */
  library?: () => LibraryReferences | undefined;
  /** Several rows can be picked at once (one citation for all of them). */
  many?: boolean;
  query?: string;
  /** Papers to show before anything is typed (recently cited). */
  recent?: () => string[];
  /** When given, items carry buttons and button presses call this (the pick stays open for copy). */
  onAction?: (action: PaperAction, paper: PaperRecord, pick: vscode.QuickPick<PaperItem>) => Promise<void> | void;
}

/**
 * The live search quick pick: searches the index on every keystroke with
 * PaperLens's own ranking, and resolves with the accepted paper.
 */
export async function pickPaper(service: PaperDataService, opts: PickOptions): Promise<PaperRecord | undefined> {
  return (await pickReferences(service, opts))[0]?.paper;
}

/**
 * The same quick pick over the bundled papers and (with `opts.library`) the
 * user's library, ranked together; resolves with the accepted rows (several
 * with `opts.many`): a bundled paper (with the user's entry for it, if they
 * have one), or an entry of their library.
 */
export async function pickReferences(service: PaperDataService, opts: PickOptions): Promise<PaperItem[]> {
  const d = await service.forCommand();
  if (!d) return [];
  const qp = vscode.window.createQuickPick<PaperItem>();
  qp.canSelectMany = opts.many === true;
  qp.title = opts.title;
  qp.placeholder = 'Type a title, acronym, author or topic: "kv cache compression", "MLA", "Zizheng Pan", "speculatve decodng"';
  qp.matchOnDescription = false;
  qp.matchOnDetail = false;
  qp.keepScrollPosition = false;
  const update = (value: string): void => {
    const q = value.trim();
    const names = namesOf(d, service.completed === d);
    if (q === '') {
      const recent = (opts.recent?.() ?? []).map((id) => d.papersById.get(id)).filter((p): p is PaperRecord => p !== undefined);
      const newest = [...d.corpus.papers].filter((p) => p.year !== undefined).sort((a, b) => (b.year ?? 0) - (a.year ?? 0)).slice(0, 8);
      const items: PaperItem[] = [];
      if (recent.length > 0) items.push({ label: 'Recently cited', kind: vscode.QuickPickItemKind.Separator }, ...recent.map((p) => item(names, p, !!opts.onAction)));
      items.push({ label: 'Newest in the corpus', kind: vscode.QuickPickItemKind.Separator }, ...newest.filter((p) => !recent.includes(p)).map((p) => item(names, p, !!opts.onAction)));
      qp.items = items;
      return;
    }
    const { note } = boundQuery(q);
    qp.title = note === undefined ? opts.title : `${opts.title}. ${note}`;
    const refs = opts.library?.();
    const buttons = !!opts.onAction && !opts.many;
    const rows =
      refs && refs.library.size > 0
        ? refs.search(q, (query, limit) => d.search.search(query, { limit }), 40).map((r) => (r.kind === 'paper' ? item(names, r.paper, buttons, r.entry) : entryItem(r.entry)))
        : d.search.search(q, { limit: 40 }).map((h) => item(names, h.paper, buttons));
    const shown = q.length > 60 ? `${q.slice(0, 60)}…` : q;
    // Picked rows stay picked while the query changes, so several searches can make one citation.
    const kept = opts.many ? qp.selectedItems.filter((x) => !rows.some((r) => sameRow(r, x))) : [];
    qp.items = rows.length > 0 || kept.length > 0 ? [...kept, ...rows] : [{ label: `No papers match "${shown}"`, alwaysShow: true, detail: 'Try fewer words, an acronym or an author name.' }];
    if (opts.many) qp.selectedItems = qp.items.filter((x) => kept.includes(x) || qp.selectedItems.some((y) => sameRow(x, y)));
  };
  const picked = await new Promise<PaperItem[]>((resolve) => {
    let done = false;
    const finish = (rows: PaperItem[]): void => {
      if (done) return;
      done = true;
      resolve(rows.filter((r) => r.paper !== undefined || r.entry !== undefined));
      qp.hide();
    };
    qp.onDidChangeValue(update);
    qp.onDidAccept(() => finish(opts.many ? [...qp.selectedItems] : [qp.activeItems[0] ?? qp.selectedItems[0]].filter((x): x is PaperItem => x !== undefined)));
    qp.onDidHide(() => {
      finish([]);
      qp.dispose();
    });
    qp.onDidTriggerItemButton(async (e) => {
      const action = BUTTONS.find((b) => b.button === e.button)?.action;
      const paper = e.item.paper;
      if (!action || !paper || !opts.onAction) return;
      if (action !== 'copyBibtex') finish([]);
      // An action cites or shows the paper in full: its authors, dates and key come with the complete data
      // (and if they cannot be loaded, which has been reported, nothing is cited).
      if (!(await completes(service))) return;
      await opts.onAction(action, paper, qp);
    });
    qp.value = opts.query ?? '';
    update(qp.value);
    qp.show();
    // Opened before the lexicon and the leads were in: fill the rows in when they are.
    if (service.completed !== d) void service.getComplete().then(() => !done && update(qp.value), () => undefined);
  });
  // A row picked before the load completed is a paper's head (id, title, year): what is cited of it, its
  // authors, dates and key, comes with the complete data, into the same record.
  if (picked.some((r) => r.paper !== undefined) && !(await completes(service))) return [];
  return picked;
}

/** Whether the complete data is in (or arrives): the papers' facts, without which nothing is cited. */
const completes = (service: PaperDataService): Promise<boolean> =>
  service.getComplete().then(
    () => true,
    () => false,
  );

/** Whether two rows are the same paper or the same library entry. */
function sameRow(a: PaperItem, b: PaperItem): boolean {
  if (a.paper || b.paper) return a.paper?.id === b.paper?.id;
  return a.entry !== undefined && a.entry.file === b.entry?.file && a.entry.key === b.entry.key;
}
