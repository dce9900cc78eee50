/** The shipped data is missing, corrupt, or from another version. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

/**
 * A reader's failure as a DataError: the reader's own DataError (which may
 * name the path), or "missing".
 *
 * @example
 * asDataError(new Error('ENOENT'), 'papers-000.json').message
 * // => 'papers-000.json is missing; rebuild with "npm run build" or reinstall PaperLens'
 */
export const asDataError = (e: unknown, name: string): DataError =>
  e instanceof DataError ? e : new DataError(`${name} is missing; rebuild with "npm run build" or reinstall PaperLens`);
