/**
 * A user's BibTeX or BibLaTeX file → library entries, as BibTeX reads it:
 * `@string` macros (and the month macros), `#` concatenation, quoted and
 * braced values, `crossref` inheritance, BibLaTeX `date`, `journaltitle`
 * and `eprinttype`, `and others`. Linear in the file's length and sliced,
 * so a 50,000-entry file never blocks the extension host.
 *
 * Nothing is dropped silently. An entry that cannot be read becomes a
 * problem at its line, with the reason, and the rest of the file still
 * loads: an entry whose braces never balance ends, for PaperLens, where the
 * next line starting with `@` begins (BibTeX itself would read the rest of
 * the file into it).
 */
import { type BibBlock, scanBlocks } from '../bib/blocks';
import { arxivReferences, parseArxivReference } from '../corpus/arxiv';
import { type Sliced, runNow } from '../util/sliced';
import type { LibraryEntry, LibraryFile, LibraryProblem } from './entry';
import { parseNames } from './names';
import { type Fields, readFields } from './bibFields';
import { type Rescan, type ScannedText, countLines, rescanChanged } from './rescan';
import { texToUnicode } from './tex';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** How many blocks are read between points where the work may pause. */
const STEP_BLOCKS = 100;

interface RawEntry {
  type: string;
  key: string;
  line: number;
  fields: Map<string, string>;
  /** What the cache keeps for the entry's text. */
  cached: CachedBlock;
}

/**
 * What reading a file learnt, kept for reading it again after an edit: the
 * text, its blocks, and what each block was read as. A re-read scans only
 * the part of the new text that differs from the last (the rest of the
 * blocks are where they were, shifted), and an entry whose text is the same
 * (and whose `@string` macros are the same) is not read again. So an edit to
 * one entry of a large file costs a comparison of the two texts and the
 * reading of that entry, not a parse of the file.
 */
export class BibtexCache {
  /** The text of every `@string` block the cached entries were read with. */
  macros = '';
  last?: LastRead;
}

interface LastRead extends ScannedText {
  /** Per block, what it was read as (undefined for @comment and @preamble). */
  cached: (CachedBlock | undefined)[];
}

interface CachedBlock {
  parsed: Fields;
  /** The entry, when it has no crossref (an inherited field can change without its text changing). */
  entry?: LibraryEntry;
}

/**
 * Every entry of a BibTeX or BibLaTeX text, and every problem, as sliced
 * work (see `runSliced`). With a {@link BibtexCache} kept for the file, a
 * re-read after an edit reuses what did not change.
 *
 * @example
 * runNow(parseBibtex('@string{nips = "NeurIPS"}\n@inproceedings{pan2022, author = {Pan, Zizheng}, title = {Fast {HiLo}}, booktitle = nips, year = 2022}', 'refs.bib')).entries[0]
 * // => { key: 'pan2022', type: 'inproceedings', title: 'Fast HiLo', authors: [{ name: 'Zizheng Pan', … }], venue: 'NeurIPS', year: 2022, … }
 */
export function* parseBibtex(text: string, file: string, cache?: BibtexCache): Sliced<LibraryFile> {
  const problems: LibraryProblem[] = [];
  const problem = (line: number, reason: string, key?: string, severity: LibraryProblem['severity'] = 'error'): void => {
    problems.push({ file, line, reason, severity, ...(key ? { key } : {}) });
  };
  const macros = new Map(MONTHS.map((m, i) => [m.slice(0, 3), String(i + 1)]));
  const raw: RawEntry[] = [];
  const byKey = new Map<string, RawEntry>();
  let n = 0;
  const last = cache?.last;
  const rescan = last?.complete ? yield* rescanChanged(last, text) : undefined;
  let complete = true;
  const blocks =
    rescan?.blocks ??
    (yield* blocksWithRecovery(text, (line, reason, key) => {
      complete = false;
      problem(line, reason, key);
    }));
  // The @string macros are the last read's when no @string block was in the part a rescan read again.
  const macrosKept = rescan !== undefined && cache !== undefined && !rescan.stringsChanged;
  const strings = macrosKept ? cache.macros : blocks.filter((b) => b.type === 'string').map((b) => text.slice(b.start, b.end)).join('\u0000');
  const sameMacros = cache !== undefined && cache.macros === strings;
  // Without a rescan, the last read's blocks are found by their text.
  const byBody = sameMacros && last && !rescan ? bodies(last) : undefined;
  const cachedNow: (CachedBlock | undefined)[] = [];
  let stringsBefore = 0;
  for (const [b, block] of blocks.entries()) {
    if (++n % STEP_BLOCKS === 0) yield;
    if (block.type === 'comment' || block.type === 'preamble') {
      cachedNow.push(undefined);
      continue;
    }
    // A block (an @string block too) reads as before when its text and the @string blocks before it are the same.
    const reused = !sameMacros ? undefined : rescan ? reusedBlock(rescan, last, b) : byBody?.get(`${stringsBefore}\u0000${text.slice(block.start, block.end)}`);
    if (block.type === 'string') stringsBefore++;
    const hit: CachedBlock = reused ?? { parsed: readFields(text.slice(block.start, block.end), block.type === 'string', macros) };
    cachedNow.push(hit);
    const parsed = hit.parsed;
    if (parsed.warnings.length > 0 || parsed.error) {
      const body = text.slice(block.start, block.end);
      for (const w of parsed.warnings) problem(block.line + lineOffset(body, w.at), w.reason, block.key || undefined, 'warning');
      if (parsed.error) {
        problem(block.line + lineOffset(body, parsed.error.at), parsed.error.reason, block.key || undefined);
        continue;
      }
    }
    if (block.type === 'string') {
      for (const [name, value] of parsed.fields) macros.set(name, value);
      continue;
    }
    if (block.key === '') {
      problem(block.line, `the @${block.type} entry has no citation key`);
      continue;
    }
    const lower = block.key.toLowerCase();
    const first = byKey.get(lower);
    if (first) {
      problem(block.line, `the key "${block.key}" is used again (first on line ${first.line}); this entry is skipped`, block.key);
      continue;
    }
    const entry = { type: block.type, key: block.key, line: block.line, fields: parsed.fields, cached: hit };
    raw.push(entry);
    byKey.set(lower, entry);
  }
  const entries: LibraryEntry[] = [];
  for (const e of raw) {
    if (++n % STEP_BLOCKS === 0) yield;
    const parent = e.fields.get('crossref');
    if (parent !== undefined) {
      const p = byKey.get(parent.trim().toLowerCase());
      // A copy: the fields read from the entry's own text stay as they are, for the cache.
      e.fields = new Map(e.fields);
      if (p) inherit(e, p);
      else problem(e.line, `crossref to "${parent}", which is not in this file`, e.key, 'warning');
      entries.push(toEntry(e, file));
      continue;
    }
    const c = e.cached;
    if (c.entry?.file !== file) c.entry = toEntry(e, file);
    // The entry moved (lines were added or removed above it): the same entry, at its new line.
    else if (c.entry.line !== e.line) c.entry = { ...c.entry, line: e.line };
    entries.push(c.entry);
  }
  if (cache) {
    cache.macros = strings;
    cache.last = { text, blocks, cached: cachedNow, complete: rescan !== undefined || complete };
  }
  return { file, format: 'bibtex', entries, problems };
}

function reusedBlock(rescan: Rescan, last: LastRead | undefined, b: number): CachedBlock | undefined {
  const k = rescan.from[b] as number;
  return k < 0 ? undefined : last?.cached[k];
}

/** The last read's blocks by their text and the number of @string blocks before them: how a full re-read finds what did not change. */
function bodies(last: LastRead): Map<string, CachedBlock> {
  const out = new Map<string, CachedBlock>();
  let strings = 0;
  last.blocks.forEach((b, k) => {
    const c = last.cached[k];
    if (c) out.set(`${strings}\u0000${last.text.slice(b.start, b.end)}`, c);
    if (b.type === 'string') strings++;
  });
  return out;
}

/** The same, at once (the CLI and tests). */
export function parseBibtexNow(text: string, file: string): LibraryFile {
  return runNow(parseBibtex(text, file));
}

/** The blocks of the text; an unclosed block is a problem, and reading resumes at the next line starting with `@`. */
function* blocksWithRecovery(text: string, problem: (line: number, reason: string, key?: string) => void): Sliced<BibBlock[]> {
  const out: BibBlock[] = [];
  let offset = 0;
  let lineBase = 0;
  for (;;) {
    const part = offset === 0 ? text : text.slice(offset);
    const blocks = yield* scanBlocks(part);
    const last = blocks[blocks.length - 1];
    for (const b of blocks) {
      if (b === last && !b.closed) break;
      out.push(offset === 0 ? b : { ...b, start: b.start + offset, end: b.end + offset, line: b.line + lineBase });
    }
    if (!last || last.closed) return out;
    const line = last.line + lineBase;
    const what = last.key === '' ? `the @${last.type}` : `the entry "${last.key}"`;
    problem(line, `${what} never closes (its braces do not balance); reading resumes at the next line that starts with @`, last.key || undefined);
    const next = part.indexOf('\n@', last.start + 1);
    if (next < 0) return out;
    lineBase = line - 1 + countLines(part, last.start, next + 1);
    offset += next + 1;
  }
}

function lineOffset(body: string, at: number): number {
  return countLines(body, 0, at);
}

/** BibTeX's crossref: fields the entry lacks come from the one it names; its title is the entry's booktitle. */
function inherit(e: RawEntry, parent: RawEntry): void {
  // A date is one fact: an entry with its own year keeps it, whatever `date` its parent has.
  const dated = e.fields.has('date') || e.fields.has('year');
  for (const [k, v] of parent.fields) {
    if (dated && (k === 'date' || k === 'year' || k === 'month' || k === 'day')) continue;
    if (k === 'title') {
      if (!e.fields.has('booktitle')) e.fields.set('booktitle', v);
    } else if (!e.fields.has(k) && k !== 'crossref' && k !== 'ids') e.fields.set(k, v);
  }
}

function toEntry(e: RawEntry, file: string): LibraryEntry {
  const f = e.fields;
  const text = (k: string): string | undefined => {
    const v = f.get(k);
    if (v === undefined) return undefined;
    const t = texToUnicode(v);
    return t === '' ? undefined : t;
  };
  const names = parseNames(f.get('author') ?? f.get('editor') ?? '');
  // BibLaTeX splits a title from its subtitle; a reader sees them joined.
  const main = text('title');
  const sub = text('subtitle');
  const title = main && sub ? `${main}${/[.:?!]$/.test(main) ? '' : ':'} ${sub}` : main;
  const out: LibraryEntry = { key: e.key, type: e.type, title: title ?? e.key, authors: names.authors, authorsTruncated: names.truncated, file, line: e.line };
  const date = dateOf(f);
  if (date) {
    out.date = date;
    out.year = date.year;
  }
  const venue = text('journaltitle') ?? text('journal') ?? text('booktitle') ?? text('eventtitle');
  if (venue) out.venue = venue;
  const doi = f.get('doi')?.trim().replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  if (doi) out.doi = doi;
  const arxiv = arxivOf(f);
  if (arxiv) out.arxiv = arxiv;
  const url = f.get('url')?.trim();
  if (url) out.url = url;
  const abstract = text('abstract');
  if (abstract) out.abstract = abstract;
  return out;
}

/** `date = {2022-05-26}` (BibLaTeX; a range's start), or `year` with `month` and `day`. */
function dateOf(f: ReadonlyMap<string, string>): LibraryEntry['date'] {
  const iso = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(f.get('date') ?? '');
  if (iso) return datePart(Number(iso[1]), iso[2], iso[3]);
  // As printed: `{\noopsort{1973c}}1981` is 1981.
  const year = /\d{4}/.exec(texToUnicode(f.get('year') ?? ''))?.[0];
  if (year === undefined) return undefined;
  const m = (f.get('month') ?? '').trim().toLowerCase();
  const month = /^\d{1,2}$/.test(m) ? m : MONTHS.findIndex((name) => m.length >= 3 && name.startsWith(m.replace(/\.$/, ''))) + 1 || undefined;
  return datePart(Number(year), month === undefined ? undefined : String(month), f.get('day')?.trim());
}

function datePart(year: number, month?: string, day?: string): LibraryEntry['date'] {
  const out: NonNullable<LibraryEntry['date']> = { year };
  const m = Number(month);
  if (m >= 1 && m <= 12) {
    out.month = m;
    const d = Number(day);
    if (d >= 1 && d <= 31) out.day = d;
  }
  return out;
}

const MAY_NAME_ARXIV = /arxiv|\d{4}\.\d{4,5}v\d/i;

/** The arXiv id: `eprint` with `archivePrefix`/`eprinttype` arXiv, or an arXiv reference in the url, journal or note. */
function arxivOf(f: ReadonlyMap<string, string>): string | undefined {
  const prefix = (f.get('archiveprefix') ?? f.get('eprinttype') ?? '').trim().toLowerCase();
  const eprint = f.get('eprint')?.trim();
  if (eprint && (prefix === 'arxiv' || prefix === '')) {
    const id = parseArxivReference(eprint);
    if (id) return id;
  }
  for (const k of ['url', 'journal', 'journaltitle', 'note', 'howpublished']) {
    const text = f.get(k);
    // Every arXiv reference names arXiv or is a versioned new-style id: most fields are neither, and skip the full pattern.
    if (text === undefined || !MAY_NAME_ARXIV.test(text)) continue;
    const ref = arxivReferences(text)[0];
    if (ref) return ref.id;
  }
  return undefined;
}
