/**
 * The web build's `diskAccess.ts`: a web worker has no local disk to check,
 * so only VS Code's own file-system answers count (undefined: not known).
 * No `vscode` import, like the file it stands in for.
 */
export async function diskWritable(_fsPath: string): Promise<boolean | undefined> {
  return undefined;
}

/** The web build's `diskRealPath`: no local disk, so links cannot be followed here (undefined: not known). */
export async function diskRealPath(_fsPath: string): Promise<string | undefined> {
  return undefined;
}
