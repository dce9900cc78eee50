/**
 * Reading a .bib text again after an edit: which of the last read's blocks
 * the new text still holds, found by comparing the two texts (their common
 * start and end) and scanning only the part between. The blocks before the
 * change are kept, the changed part is scanned, and as soon as the scan is
 * between blocks inside the unchanged end where the last scan was between
 * blocks too, the rest are the last read's blocks, shifted.
 */
import { type BibBlock, scanFrom } from '../bib/blocks';
import type { Sliced } from '../util/sliced';

/** The last read of a text: its blocks, whether every one closed. */
export interface ScannedText {
  text: string;
  blocks: BibBlock[];
  /** Every block closed, so a re-read may reuse the scan. */
  complete: boolean;
}

/** The blocks of a re-read text, and for each the block of the last read it is (or -1 for a block the edit touched). */
export interface Rescan {
  blocks: BibBlock[];
  from: Int32Array;
  /** An @string block was in the part read again (in the last text or this one). */
  stringsChanged: boolean;
}

/**
 * The blocks of `text`, from the last read's: the blocks before the first
 * changed character are kept, the changed part is scanned, and as soon as
 * the scan is between blocks inside the unchanged end of the text where the
 * last scan was between blocks too, the rest are the last read's blocks,
 * shifted. Undefined when the changed part does not scan cleanly (a block
 * that never closes): the caller reads the whole text, with recovery.
 */
export function* rescanChanged(last: ScannedText, text: string): Sliced<Rescan | undefined> {
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
  // After the join, the last read's blocks, shifted.
  for (let k = rest; k < oldBlocks.length; k++) {
    const b = oldBlocks[k] as BibBlock;
    blocks.push(shift === 0 && lineShift === 0 ? b : { ...b, start: b.start + shift, end: b.end + shift, line: b.line + lineShift });
    origin.push(k);
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

/** How many line breaks `s` has in `[from, to)`. */
export function countLines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
