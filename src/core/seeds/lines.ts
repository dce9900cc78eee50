import { type Line, SeedParseError } from './types';

/**
 * Decodes a seed file's bytes as strict UTF-8. A byte sequence that is not
 * UTF-8 stops the build at the line that holds it, rather than turning into
 * U+FFFD and silently corrupting a title.
 */
export function decodeSeed(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new SeedParseError(file, line, `invalid UTF-8 at byte ${bad}; save the file as UTF-8`);
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Splits text into numbered lines; tolerates a BOM and CRLF or CR line ends. */
export function toLines(text: string): Line[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((t, i) => ({ n: i + 1, text: t }));
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
