// The local disk, through Node. No `vscode` import: VS Code's file system API cannot tell these things.
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

/**
 * Where a path on the local disk really leads once every link in it is
 * followed; for a file that does not exist yet, its nearest existing folder
 * is resolved and the rest appended. Undefined when it cannot be told.
 */
export async function diskRealPath(fsPath: string): Promise<string | undefined> {
  let rest = '';
  for (let p = fsPath; ; p = dirname(p)) {
    try {
      const real = await realpath(p);
      return rest === '' ? real : join(real, rest);
    } catch {
      if (dirname(p) === p) return undefined;
      rest = rest === '' ? basename(p) : join(basename(p), rest);
    }
  }
}
