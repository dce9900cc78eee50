import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';

/**
 * Whether a file on the local disk may be written: its owner's write bit is
 * set (VS Code treats a file without it as locked, and the extension API does
 * not report that) and this process may write it. False when it cannot be
 * checked. The web build swaps in `diskAccess.web.ts`, which has no disk.
 */
export async function diskWritable(fsPath: string): Promise<boolean | undefined> {
  try {
    if (((await stat(fsPath)).mode & 0o200) === 0) return false;
    await access(fsPath, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
