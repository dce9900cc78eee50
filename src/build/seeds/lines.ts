import { type Line, SeedParseError } from './types';

/**
 * Decodes a seed file's bytes as strict UTF-8. A byte sequence that is not
 * UTF-8 stops the build at the line that holds it, rather than turning into
 * U+FFFD and silently corrupting a title. A UTF-16 file and a file cut off
 * inside a multi-byte character are named as such. A UTF-8 byte order mark
 * is dropped.
 *
 * @example
 * decodeSeed(new TextEncoder().encode('\uFEFFTitle\nAbstract'), 'a.txt') // => 'Title\nAbstract'
 * decodeSeed(new Uint8Array([0x41, 0x0a, 0xff]), 'a.txt') // throws SeedParseError 'a.txt:2: invalid UTF-8 at byte 2 (0xff); save the file as UTF-8'
 */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new SeedParseError(file, 1, 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < bad.offset; i++) if (bytes[i] === 0x0a) line++;
    const hex = `0x${(bytes[bad.offset] ?? 0).toString(16).padStart(2, '0')}`;
    throw new SeedParseError(
      file,
      line,
      bad.truncated
        ? `the file ends inside a multi-byte UTF-8 character (byte ${bad.offset}, ${hex}); is the file cut off?`
        : `invalid UTF-8 at byte ${bad.offset} (${hex}); save the file as UTF-8`,
    );
  }
}

/**
 * The offset of the first byte that starts an ill-formed UTF-8 sequence, by
 * the Unicode Standard's table of well-formed byte sequences (Table 3-7): no
 * overlong forms, no surrogates, nothing above U+10FFFF. `truncated` says the
 * sequence was well formed up to the end of the bytes.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; truncated: boolean } {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // [number of continuation bytes, allowed range of the first continuation byte]
    const spec: [number, number, number] | undefined =
      b >= 0xc2 && b <= 0xdf ? [1, 0x80, 0xbf]
      : b === 0xe0 ? [2, 0xa0, 0xbf]
      : (b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef ? [2, 0x80, 0xbf]
      : b === 0xed ? [2, 0x80, 0x9f]
      : b === 0xf0 ? [3, 0x90, 0xbf]
      : b >= 0xf1 && b <= 0xf3 ? [3, 0x80, 0xbf]
      : b === 0xf4 ? [3, 0x80, 0x8f]
      : undefined;
    if (!spec) return { offset: i, truncated: false };
    const [need, lo, hi] = spec;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return { offset: i, truncated: true };
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c < min || c > max) return { offset: i, truncated: false };
    }
    i += need + 1;
  }
  return { offset: bytes.length, truncated: false };
}

/**
 * Splits text into numbered lines; tolerates a BOM and CRLF or CR line ends.
 * The line break that ends the last line does not start another, empty one.
 *
 * @example
 * toLines('\uFEFFa\r\nb\n') // => [{ n: 1, text: 'a' }, { n: 2, text: 'b' }]
 */
export function toLines(text: string): Line[] {
  const body = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/(?:\r\n|\r|\n)$/, '');
  return body === '' ? [] : body.split(/\r\n|\r|\n/).map((t, i) => ({ n: i + 1, text: t }));
}

export const isBlank = (l: Line): boolean => l.text.trim() === '';

/** Groups consecutive non-blank lines into paragraphs. */
export function paragraphs(lines: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    if (isBlank(l)) {
      if (cur.length > 0) out.push(cur);
      cur = [];
    } else {
      cur.push(l);
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
