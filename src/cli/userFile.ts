import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeUserText } from '../core/text/decode';

/** The most of a user's file the CLI reads: `scan` and `hover` are linear, but a log of gigabytes is not source code. */
export const MAX_USER_FILE_BYTES = 64 * 1024 * 1024;

/** A user's file that PaperLens will not read, and why: a full sentence that names it. */
export class UserFileError extends Error {}

/**
 * Reads a file the user named, as text, in bounded time and memory: only a
 * regular file (not a folder, a device such as /dev/zero, or a FIFO that
 * may never be written), at most {@link MAX_USER_FILE_BYTES}, decoded by
 * {@link decodeUserText}. Throws a UserFileError that says why not.
 */
export function readUserText(path: string): string {
  // O_NONBLOCK: opening a FIFO that no one writes would otherwise wait forever before fstat could say what it is.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UserFileError(`${path} is not a regular file: it is ${kindOf(st)}`);
    if (st.size > MAX_USER_FILE_BYTES) throw new UserFileError(`${path} is ${mb(st.size)}; PaperLens reads files up to ${mb(MAX_USER_FILE_BYTES)}`);
    // The size can change while we read (a growing log): read at most one byte past the limit.
    const buf = Buffer.allocUnsafe(Math.min(st.size, MAX_USER_FILE_BYTES) + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_USER_FILE_BYTES) throw new UserFileError(`${path} is over ${mb(MAX_USER_FILE_BYTES)}; PaperLens reads files up to ${mb(MAX_USER_FILE_BYTES)}`);
    const decoded = decodeUserText(buf.subarray(0, n));
    if ('error' in decoded) throw new UserFileError(`${path} ${decoded.error}`);
    return decoded.text;
  } finally {
    closeSync(fd);
  }
}

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`;

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}
