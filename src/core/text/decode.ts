/**
 * A user's file as text, from its bytes: UTF-8 (a byte-order mark dropped,
 * so columns on line 1 are right), or UTF-16 with a byte-order mark. Binary
 * files and UTF-16 without a mark get a plain reason instead of garbage.
 */

export type Decoded = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { error: string };

/**
 * @example
 * decodeUserText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // => { text: 'a', encoding: 'utf-8' }
 * decodeUserText(new Uint8Array([0xff, 0xfe, 0x61, 0x00])) // => { text: 'a', encoding: 'utf-16le' }
 */
export function decodeUserText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // A NUL byte never occurs in UTF-8 text; in UTF-16 without a byte-order mark every other byte of ASCII is one.
  const head = body.subarray(0, 4096);
  const nul = head.indexOf(0);
  if (nul >= 0) {
    let even = 0;
    let odd = 0;
    for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 === 0 ? even++ : odd++;
    // UTF-16: NULs on one side only (the high bytes of ASCII), on much of that side.
    const half = head.length / 2;
    const utf16 = head.length >= 4 && ((odd >= 0.4 * half && even === 0) || (even >= 0.4 * half && odd === 0));
    return { error: utf16 ? 'is UTF-16 without a byte-order mark; save it as UTF-8' : 'is not text (it holds NUL bytes)' };
  }
  return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
}
