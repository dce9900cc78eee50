import { MAX_TITLE, looksLikeAbstract, looksLikeTitle } from '../shapes';
import { type Line, SeedParseError } from '../types';

/** Stops the build when a line in a title position cannot be a title. */
export function expectTitle(l: Line, file: string): void {
  const t = l.text.trim();
  if (looksLikeAbstract(t)) {
    const why = t.length >= MAX_TITLE ? `${t.length} characters long` : 'made of sentences';
    throw new SeedParseError(file, l.n, `expected a title, found an abstract-like line (${why}) with no title before it`);
  }
  if (!/\p{L}/u.test(t)) throw new SeedParseError(file, l.n, `expected a title, found "${t.slice(0, 40)}"`);
}

/**
 * The error for a line (or paragraph) where the abstract of the title on
 * `title.n` should be. When it is the last one in the file, the file was
 * most likely cut off, and the message says so.
 */
export function notAnAbstract(a: Line, title: Line, file: string, last: boolean, unit: 'line' | 'paragraph' = 'line'): SeedParseError {
  const t = a.text.trim();
  const what = looksLikeTitle(t) ? `another title-like ${unit}` : `a ${unit} that is not an abstract`;
  const end = last ? ` (${t.length} characters) at the end of the file; is the file cut off?` : '';
  return new SeedParseError(file, a.n, `expected the abstract of the title on line ${title.n}, found ${what}${end}`);
}
