/**
 * The identifier (or, in prose, the short phrase) under the cursor: the
 * span of a line the matcher reads words from.
 */

/** Where a match may lie in a line: [start, end) and [windowStart, windowEnd) offsets. */
export interface Span {
  /** The identifier or token under the cursor. */
  start: number;
  end: number;
  /** The words that may take part in a match: the identifier, or in prose a few neighbours too. */
  windowStart: number;
  windowEnd: number;
}

/**
 * Longest token that can be an identifier worth a card: no technique name
 * is near it, and hashes, base64 and minified blobs are longer. Bounds the
 * work of a hover or a scan on any line.
 */
export const MAX_TOKEN = 256;

const IDENT = /[\p{L}\p{N}_]/u;
const WINDOW_TOKEN = /[\p{L}\p{N}_\-]/u;
const PROSE_TOKEN = /[\p{L}\p{N}_\-²³¹⁰-₉]/u;

/**
 * The identifier around a column. In prose, a token may contain hyphens
 * (T-Stitch, SN-Net), and up to three neighbouring tokens on each side,
 * separated by single spaces, may join it ("KV cache", "speculative decoding").
 *
 * @example
 * identifierAt('x = use_mla(1)', 6, false)      // => { start: 4, end: 11, windowStart: 4, windowEnd: 11 }
 * identifierAt('we use the KV cache', 11, true) // => { start: 11, end: 13, windowStart: 0, windowEnd: 19 }
 */
export function identifierAt(line: string, col: number, prose: boolean): Span | undefined {
  // In prose a dot between digits belongs to a version: "Qwen2.5-VL", "DeepSeek-V3.2".
  const versionDot = (k: number): boolean => prose && line[k] === '.' && /\d/.test(line[k - 1] ?? '') && /\d/.test(line[k + 1] ?? '');
  const isCharAt = (k: number): boolean => {
    const c = line[k];
    return c !== undefined && ((prose ? PROSE_TOKEN : IDENT).test(c) || versionDot(k));
  };
  const isChar = (c: string | undefined): boolean => c !== undefined && (prose ? PROSE_TOKEN : IDENT).test(c);
  if (!isChar(line[col])) {
    // The cursor just after an identifier still hovers it, as in editors.
    if (col > 0 && isChar(line[col - 1])) col--;
    else return undefined;
  }
  let start = col;
  let end = col + 1;
  while (start > 0 && isCharAt(start - 1)) if (col - --start > MAX_TOKEN) return undefined;
  while (end < line.length && isCharAt(end)) if (++end - col > MAX_TOKEN) return undefined;
  if (end - start > MAX_TOKEN) return undefined;
  // Hyphens at the edges are punctuation, not part of the name.
  while (prose && line[start] === '-' && start < end) start++;
  while (prose && line[end - 1] === '-' && end > start) end--;
  if (start >= end || !/[\p{L}]/u.test(line.slice(start, end))) return undefined;
  let windowStart = start;
  let windowEnd = end;
  if (prose) {
    // Up to three neighbouring tokens each side, separated by one space. A scan, not a regex: a regex anchored
    // at the end of a long prefix backtracks over it once per start position.
    const isWordChar = (c: string | undefined): boolean => c !== undefined && WINDOW_TOKEN.test(c);
    for (let n = 0; n < 3; n++) {
      let s = windowStart - 1;
      if (line[s] !== ' ' || !isWordChar(line[s - 1])) break;
      while (isWordChar(line[s - 1]) && windowStart - s <= MAX_TOKEN) s--;
      if (windowStart - s > MAX_TOKEN) break;
      windowStart = s;
    }
    for (let n = 0; n < 3; n++) {
      let e = windowEnd + 1;
      if (line[windowEnd] !== ' ' || !isWordChar(line[e])) break;
      while (isWordChar(line[e]) && e - windowEnd <= MAX_TOKEN) e++;
      if (e - windowEnd > MAX_TOKEN) break;
      windowEnd = e;
    }
  }
  return { start, end, windowStart, windowEnd };
}
