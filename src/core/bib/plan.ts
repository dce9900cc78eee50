/**
 * How a paper's entry goes into a user's .bib file without ever changing
 * what is there, in time linear in the file's size: the file is indexed
 * once (sliced, so the extension host never blocks), then each plan is a
 * few map lookups.
 */
import { runNow, type Sliced } from '../util/sliced';
import { type BibBlock, type BibProblem, SPECIAL_TYPES, problemOf, scanBlocks } from './blocks';
import { bibField, bibYear, comparableTitle } from './fields';

/** What planning needs to know about a .bib file's text. */
export interface BibIndex {
  /** The entries (not @string, @preamble or @comment), in file order. */
  readonly entries: readonly BibBlock[];
  /** Set when appending would not be safe: a block never closes. */
  readonly problem: BibProblem | undefined;
  /** The first entry of each key: the one BibTeX and Biber read. */
  readonly byKey: ReadonlyMap<string, BibBlock>;
  /** First-of-their-key entries by {@link comparableTitle}, in file order, with the year each gives. */
  readonly byTitle: ReadonlyMap<string, readonly { block: BibBlock; year: string | undefined }[]>;
}

/** Entries read between points where indexing may pause. */
const STEP_ENTRIES = 500;

/**
 * Indexes a .bib text for {@link planBibEntry}, as sliced work.
 *
 * @example
 * const index = await runSliced(indexBib(doc.getText()));
 * planBibEntry(index, 'pan2022fast', entryFor);
 */
export function* indexBib(text: string): Sliced<BibIndex> {
  const blocks = yield* scanBlocks(text);
  const entries = blocks.filter((b) => !SPECIAL_TYPES.has(b.type));
  const byKey = new Map<string, BibBlock>();
  const byTitle = new Map<string, { block: BibBlock; year: string | undefined }[]>();
  let n = 0;
  for (const e of entries) {
    if (++n % STEP_ENTRIES === 0) yield;
    if (byKey.has(e.key)) continue;
    byKey.set(e.key, e);
    const body = text.slice(e.start, e.end);
    const title = comparableTitle(bibField(body, 'title') ?? '');
    if (title === '') continue;
    const list = byTitle.get(title) ?? [];
    list.push({ block: e, year: bibYear(body) });
    byTitle.set(title, list);
  }
  return { entries, problem: problemOf(blocks), byKey, byTitle };
}

/** How one paper's entry goes into a .bib file's text. */
export type BibPlan =
  /** The paper is already there, under `key` (which may be another key than the one wanted). */
  | { kind: 'present'; key: string }
  /** Append `text`, the entry under `key`. `clash` is the wanted key when another entry already had it. */
  | { kind: 'append'; key: string; text: string; clash?: string }
  /** Appending would not be safe: the file does not parse. Nothing may be written. */
  | { kind: 'refuse'; problem: BibProblem };

/**
 * Decides how a paper's BibTeX entry goes into a .bib file, without ever
 * changing what is there:
 *
 * 1. A file that does not parse (a block whose braces never close, which
 *    would swallow anything appended) is refused, with the line at fault.
 * 2. If the paper is already in the file, under the wanted key or any other
 *    (same title, and the same year when both give one), it is cited under
 *    that key and nothing is added: the user's version of the entry stays,
 *    edits and all. Of several entries with one key only the first counts,
 *    as in BibTeX.
 * 3. Otherwise the entry is appended under the wanted key, or, when another
 *    paper's entry already has that key, under the key plus the first
 *    suffix `a`, `b`, …, `aa`, … that neither the file nor `isTaken`
 *    (the keys of other papers in the corpus) uses, so the entry already
 *    there is never overwritten and the new key never later clashes.
 *
 * @param existing the file's text, or its {@link indexBib} index.
 * @param entryFor the entry's text under a given key, exactly as it would be written.
 * @example
 * planBibEntry('', 'pan2022fast', (k) => `@misc{${k},\n  title = {HiLo}\n}`)
 * // => { kind: 'append', key: 'pan2022fast', text: '@misc{pan2022fast,\n  title = {HiLo}\n}' }
 * planBibEntry('@misc{pan2022fast, title = {Other}}', 'pan2022fast', (k) => `@misc{${k},\n  title = {HiLo}\n}`)
 * // => { kind: 'append', key: 'pan2022fasta', text: '@misc{pan2022fasta, …', clash: 'pan2022fast' }
 */
export function planBibEntry(
  existing: string | BibIndex,
  wanted: string,
  entryFor: (key: string) => string,
  isTaken: (key: string) => boolean = () => false,
): BibPlan {
  const index = typeof existing === 'string' ? runNow(indexBib(existing)) : existing;
  if (index.problem) return { kind: 'refuse', problem: index.problem };
  const ours = entryFor(wanted);
  const title = comparableTitle(bibField(ours, 'title') ?? '');
  const year = bibYear(ours);
  const same = (title === '' ? [] : (index.byTitle.get(title) ?? [])).filter((c) => year === undefined || c.year === undefined || c.year === year);
  const found = same.find((c) => c.block.key === wanted) ?? same[0];
  if (found) return { kind: 'present', key: found.block.key };
  if (!index.byKey.has(wanted)) return { kind: 'append', key: wanted, text: ours };
  for (let n = 0; ; n++) {
    const key = wanted + keySuffix(n);
    if (!index.byKey.has(key) && !isTaken(key)) return { kind: 'append', key, text: entryFor(key), clash: wanted };
  }
}

/** 0 → a, 25 → z, 26 → aa, … */
function keySuffix(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : keySuffix(Math.floor(n / 26) - 1) + letter;
}

/**
 * Text to append an entry to a .bib file: separated from what is there by a
 * blank line, in the file's own line ending, ending in a newline.
 *
 * @example
 * appendText('@misc{a,\n}', '@misc{b,\n}') // => '\n\n@misc{b,\n}\n'
 */
export function appendText(existing: string, entry: string): string {
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = entry.replace(/\r?\n/g, eol);
  if (!/\S/.test(existing)) return `${body}${eol}`;
  const lead = existing.endsWith(`${eol}${eol}`) ? '' : existing.endsWith(eol) ? eol : `${eol}${eol}`;
  return `${lead}${body}${eol}`;
}
