import { MAX_TITLE, looksLikeAbstract } from '../shapes';
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
