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
import { type BibBlock, scanBlocks, scanFrom } from '../bib/blocks';
import { arxivReferences, parseArxivReference } from '../corpus/arxiv';
import { type Sliced, runNow } from '../util/sliced';
import type { LibraryEntry, LibraryFile, LibraryProblem } from './entry';
import { parseNames } from './names';
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

interface LastRead {
  text: string;
  blocks: BibBlock[];
  /** Per block, what it was read as (undefined for @comment and @preamble). */
  cached: (CachedBlock | undefined)[];
  /** Every block closed, so a re-read may reuse the scan. */
  complete: boolean;
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
  for (const [b, block] of blocks.entries()) {
    if (++n % STEP_BLOCKS === 0) yield;
    if (block.type === 'comment' || block.type === 'preamble') {
      cachedNow.push(undefined);
      continue;
    }
    // With the same macros, a block with the same text reads the same: an @string block too.
    const reused = !sameMacros ? undefined : rescan ? reusedBlock(rescan, last, b) : byBody?.get(text.slice(block.start, block.end));
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

/** The blocks of a re-read text, and for each the block of the last read it is (or -1 for a block the edit touched). */
interface Rescan {
  blocks: BibBlock[];
  from: Int32Array;
  /** An @string block was in the part read again (in the last text or this one). */
  stringsChanged: boolean;
}

function reusedBlock(rescan: Rescan, last: LastRead | undefined, b: number): CachedBlock | undefined {
  const k = rescan.from[b] as number;
  return k < 0 ? undefined : last?.cached[k];
}

/** The last read's blocks by their text: how a full re-read finds what did not change. */
function bodies(last: LastRead): Map<string, CachedBlock> {
  const out = new Map<string, CachedBlock>();
  last.blocks.forEach((b, k) => {
    const c = last.cached[k];
    if (c) out.set(last.text.slice(b.start, b.end), c);
  });
  return out;
}

/**
 * The blocks of `text`, from the last read's: the blocks before the first
 * changed character are kept, the changed part is scanned, and as soon as
 * the scan is between blocks inside the unchanged end of the text where the
 * last scan was between blocks too, the rest are the last read's blocks,
 * shifted. Undefined when the changed part does not scan cleanly (a block
 * that never closes): the caller reads the whole text, with recovery.
 */
function* rescanChanged(last: LastRead, text: string): Sliced<Rescan | undefined> {
  const old = last.text;
  const prefix = commonPrefix(old, text);
  if (prefix === text.length && prefix === old.length) return { blocks: last.blocks, from: Int32Array.from(last.blocks, (_, k) => k), stringsChanged: false };
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const shift = text.length - old.length;
  const lineShift = countLines(text, prefix, text.length - suffix) - countLines(old, prefix, old.length - suffix);
  const oldBlocks = last.blocks;
  // The blocks that end before the change are kept as they are.
  let head = 0;
  while (head < oldBlocks.length && (oldBlocks[head] as BibBlock).end <= prefix) head++;
  const before = oldBlocks[head - 1];
  const from = before ? before.end : 0;
  const line = before ? before.line + countLines(old, before.start, before.end) : 1;
  // Where the last scan was between blocks: after block `next - 1` and up to block `next`.
  let next = head;
  const joins = (i: number): boolean => {
    if (i < text.length - suffix) return false;
    const o = i - shift;
    while (next < oldBlocks.length && (oldBlocks[next] as BibBlock).start < o) next++;
    const prev = oldBlocks[next - 1];
    return !prev || prev.end <= o;
  };
  const scanned = yield* scanFrom(text, from, line, joins);
  if (scanned.blocks.some((b) => !b.closed)) return undefined;
  const blocks = oldBlocks.slice(0, head);
  const origin: number[] = blocks.map((_, k) => k);
  let stringsChanged = false;
  for (const b of scanned.blocks) {
    blocks.push(b);
    origin.push(-1);
    if (b.type === 'string') stringsChanged = true;
  }
  const rest = scanned.stoppedAt === undefined ? oldBlocks.length : next;
  for (let k = head; k < rest; k++) if ((oldBlocks[k] as BibBlock).type === 'string') stringsChanged = true;
  if (scanned.stoppedAt !== undefined) {
    for (let k = next; k < oldBlocks.length; k++) {
      const b = oldBlocks[k] as BibBlock;
      blocks.push(shift === 0 && lineShift === 0 ? b : { ...b, start: b.start + shift, end: b.end + shift, line: b.line + lineShift });
      origin.push(k);
    }
  }
  return { blocks, from: Int32Array.from(origin), stringsChanged };
}

/** Characters compared at once: comparing two slices is native, and about ten times faster than a loop over character codes. */
const RUN = 4096;

/** How many characters two texts share at their start. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + RUN <= n && a.slice(i, i + RUN) === b.slice(i, i + RUN)) i += RUN;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters two texts share at their end, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + RUN <= max && a.slice(a.length - i - RUN, a.length - i) === b.slice(b.length - i - RUN, b.length - i)) i += RUN;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
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

function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOffset(body: string, at: number): number {
  return countLines(body, 0, at);
}

/** A field or macro name, as BibTeX allows it: no space, none of `"#%'(),={}`, not starting with a digit; any other character (Göttingen) is fine. */
const FIELD_NAME = /[^\s"#%'(),={}0-9][^\s"#%'(),={}]*/uy;
const SPACE = /\s*/y;
const NUMBER = /\d+/y;
const MACRO = FIELD_NAME;

interface Fields {
  fields: Map<string, string>;
  error?: { at: number; reason: string };
  warnings: { at: number; reason: string }[];
}

/** The `name = value` pairs of a block body (`@type{key, …}` or `@string{name = value}`). */
function readFields(body: string, isString: boolean, macros: ReadonlyMap<string, string>): Fields {
  const fields = new Map<string, string>();
  const warnings: Fields['warnings'] = [];
  const close = body[body.length - 1] === ')' ? ')' : '}';
  let i = body.search(/[{(]/) + 1;
  if (!isString) {
    const comma = body.indexOf(',', i);
    if (comma < 0) return { fields, warnings };
    i = comma + 1;
  }
  const end = body.length - 1;
  const skip = (): void => {
    SPACE.lastIndex = i;
    SPACE.exec(body);
    i = SPACE.lastIndex;
  };
  for (;;) {
    skip();
    while (body[i] === ',') {
      i++;
      skip();
    }
    if (i >= end) return { fields, warnings };
    FIELD_NAME.lastIndex = i;
    const name = FIELD_NAME.exec(body)?.[0];
    if (name === undefined) return { fields, warnings, error: { at: i, reason: `expected a field name, found "${body.slice(i, i + 12).split('\n')[0]}"` } };
    i = FIELD_NAME.lastIndex;
    skip();
    if (body[i] !== '=') return { fields, warnings, error: { at: i, reason: `the field "${name}" has no "=" after its name` } };
    i++;
    let value = '';
    for (;;) {
      skip();
      const c = body[i];
      if (c === '{' || c === '"') {
        const stop = valueEnd(body, i, end);
        if (stop === undefined) return { fields, warnings, error: { at: i, reason: `the value of "${name}" never ends` } };
        value += body.slice(i + 1, stop);
        i = stop + 1;
      } else if (c !== undefined && /\d/.test(c)) {
        NUMBER.lastIndex = i;
        value += NUMBER.exec(body)?.[0] ?? '';
        i = NUMBER.lastIndex;
      } else {
        MACRO.lastIndex = i;
        const macro = MACRO.exec(body)?.[0];
        if (macro === undefined) return { fields, warnings, error: { at: i, reason: `the field "${name}" has no value` } };
        const expanded = macros.get(macro.toLowerCase());
        if (expanded === undefined) warnings.push({ at: i, reason: `"${macro}" is not a defined @string; read as empty` });
        value += expanded ?? '';
        i = MACRO.lastIndex;
      }
      skip();
      if (body[i] !== '#') break;
      i++;
    }
    const k = name.toLowerCase();
    if (!fields.has(k)) fields.set(k, value);
    skip();
    if (body[i] !== ',' && i < end && body[i] !== close) {
      return { fields, warnings, error: { at: i, reason: `a comma is missing after the field "${name}"` } };
    }
  }
}

/** The index of the delimiter closing the value opening at `open` (`{…}` nesting; `"…"` ends at a quote at depth 0). */
function valueEnd(body: string, open: number, end: number): number | undefined {
  // Character codes, not one-character strings: this loop reads every character of every value.
  const quoted = body.charCodeAt(open) === QUOTE;
  let depth = quoted ? 0 : 1;
  for (let j = open + 1; j < end; j++) {
    const d = body.charCodeAt(j);
    if (d === OPEN) depth++;
    else if (d === CLOSE) {
      depth--;
      if (!quoted && depth === 0) return j;
      if (depth < 0) return undefined;
    } else if (quoted && d === QUOTE && depth === 0) return j;
  }
  return undefined;
}

const OPEN = 0x7b;
const CLOSE = 0x7d;
const QUOTE = 0x22;

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
