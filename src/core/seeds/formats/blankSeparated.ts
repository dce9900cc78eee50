import { paragraphs } from '../lines';
import { isChrome, isMiddleDot, looksLikeAbstract } from '../shapes';
import { type Line, type SeedRecord, SeedParseError } from '../types';
import type { FormatParser } from './parser';
import { expectTitle, notAnAbstract } from './titled';

/** Joins a paragraph's lines (a wrapped abstract) into one line. */
export function joinParagraph(p: readonly Line[]): Line {
  const first = p[0] as Line;
  return { n: first.n, text: p.map((l) => l.text.trim()).join(' ') };
}

/** Title paragraph, blank line, abstract paragraph, blank line, … */
export const blankSeparated: FormatParser = {
  format: 'blank-separated',
  detect(body, content) {
    const paras = paragraphs(body);
    const abstracts = content.filter((l) => looksLikeAbstract(l.text)).length;
    if (abstracts === 0 || paras.length < 0.8 * content.length || content.some((l) => isMiddleDot(l.text))) return undefined;
    return `${paras.length} blank-separated paragraphs, ${abstracts} of them abstracts`;
  },
  parse(body, file) {
    const paras = paragraphs(body)
      .map(joinParagraph)
      .filter((l) => !isChrome(l.text));
    const out: SeedRecord[] = [];
    for (let i = 0; i < paras.length; i += 2) {
      const t = paras[i] as Line;
      expectTitle(t, file);
      const a = paras[i + 1];
      if (!a) throw new SeedParseError(file, t.n, 'title has no abstract after it; is the file cut off?');
      if (!looksLikeAbstract(a.text)) throw notAnAbstract(a, t, file, i + 2 >= paras.length, 'paragraph');
      out.push({ file, line: t.n, format: 'blank-separated', titleRaw: t.text, abstractRaw: a.text, abstractLine: a.n });
    }
    return out;
  },
};
