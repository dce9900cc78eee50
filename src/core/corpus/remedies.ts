/**
 * What PaperLens tells people to do when its shipped data is missing or
 * damaged, in one place: a clone is rebuilt, an installed extension is
 * reinstalled. The data loader, the CLI and the extension all say it in
 * these words, so a message can be turned from one audience's into the
 * other's without guessing at its wording.
 */

/** The command that builds the data in a clone. */
export const BUILD_COMMAND = 'npm run build';

/** The advice for a clone whose data is damaged: the loader's words. */
export const REBUILD = `rebuild with "${BUILD_COMMAND}"`;

/** The advice for a clone whose data was never built: the CLI's words. */
export const BUILD_FIRST = `run "${BUILD_COMMAND}" first`;

/** The advice for an installed extension, whose data can only be replaced whole. */
export const REINSTALL = 'reinstall PaperLens';

/**
 * A data error in the words of someone who installed the extension: the
 * clone's advice to rebuild becomes advice to reinstall (still naming the
 * build command, for a clone run from source).
 *
 * @example
 * forInstalledUsers('manifest.json is damaged; rebuild with "npm run build"')
 * // => 'manifest.json is damaged; reinstall PaperLens (in a clone, "npm run build")'
 */
export function forInstalledUsers(message: string): string {
  return message.split(REBUILD).join(`${REINSTALL} (in a clone, "${BUILD_COMMAND}")`);
}
