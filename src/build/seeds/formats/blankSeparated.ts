import { paragraphs } from '../lines';
import { abstractText, isChrome, isMiddleDot, looksLikeAbstract, looksLikeTitle } from '../shapes';
import { type Line, type SeedRecord, SeedParseError } from '../types';
import type { FormatParser } from './parser';
import { expectTitle, notAnAbstract } from './titled';

/**
 * Joins a paragraph's lines (a wrapped abstract) into one line. With `file`,
 * a paragraph that is not a wrapped text stops the build: wrapping cuts
 * lines far shorter than an abstract, so a paragraph of several lines that
 * holds a whole abstract on one of them is several records with the blank
 * lines between them missing, and joining it would glue them into one.
 */
export function joinParagraph(p: readonly Line[], file?: string): Line {
  const first = p[0] as Line;
  if (file !== undefined && !isWrapped(p)) {
    const whole = p.find((l) => looksLikeAbstract(l.text)) as Line;
    throw new SeedParseError(
      file,
      whole.n,
      `a whole abstract inside a paragraph of ${p.length} lines (from line ${first.n}); are the blank lines between records missing?`,
    );
  }
  return { n: first.n, text: p.map((l) => l.text.trim()).join(' ') };
}

/** One line, or lines that are each too short to be an abstract: a text wrapped over several lines. */
export const isWrapped = (p: readonly Line[]): boolean => p.length === 1 || !p.some((l) => looksLikeAbstract(l.text));

/** Title paragraph, blank line, abstract paragraph, blank line, … */
export const blankSeparated: FormatParser = {
  format: 'blank-separated',
  detect(body, content) {
    if (content.some((l) => isMiddleDot(l.text))) return undefined;
    // Judge paragraphs as the parser reads them, joined: an abstract wrapped over several lines is one abstract.
    const paras = paragraphs(body).filter((p) => !(p.length === 1 && isChrome((p[0] as Line).text)));
    const joined = paras.map((p) => joinParagraph(p));
    let pairs = 0;
    for (let i = 0; i + 1 < paras.length; i++) {
      if (looksLikeTitle((joined[i] as Line).text) && looksLikeAbstract((joined[i + 1] as Line).text) && isWrapped(paras[i + 1] as Line[])) {
        pairs++;
        i++;
      }
    }
    // At least half the paragraphs pair up; the parser then names the line where a broken one fails.
    if (pairs === 0 || pairs * 2 < 0.5 * paras.length) return undefined;
    return `${paras.length} blank-separated paragraphs, ${pairs} title + abstract pairs`;
  },
  parse(body, file) {
    const paras = paragraphs(body)
      .map((p) => joinParagraph(p, file))
      .filter((l) => !isChrome(l.text));
    const out: SeedRecord[] = [];
    for (let i = 0; i < paras.length; i += 2) {
      const t = paras[i] as Line;
      expectTitle(t, file);
      const a = paras[i + 1];
      if (!a) throw new SeedParseError(file, t.n, 'title has no abstract after it; is the file cut off?');
      if (!looksLikeAbstract(a.text)) throw notAnAbstract(a, t, file, i + 2 >= paras.length, 'paragraph');
      out.push({ file, line: t.n, format: 'blank-separated', titleRaw: t.text, abstractRaw: abstractText(a.text), abstractLine: a.n });
    }
    return out;
  },
};
