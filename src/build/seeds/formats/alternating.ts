import { abstractText, isChrome, looksLikeAbstract } from '../shapes';
import { type Line, type SeedRecord, SeedParseError } from '../types';
import type { FormatParser } from './parser';
import { expectTitle, notAnAbstract } from './titled';

/** Title line, abstract line, title line, …, with no blank lines between. */
export const alternating: FormatParser = {
  format: 'alternating',
  detect(body, content) {
    const blank = body.filter((l) => l.text.trim() === '').length;
    const abstracts = content.filter((l) => looksLikeAbstract(l.text)).length;
    if (abstracts === 0 || blank > content.length / 4) return undefined;
    return `${abstracts} abstract lines follow title lines directly, with ${blank} blank lines`;
  },
  parse(body, file) {
    const lines: Line[] = body.filter((l) => l.text.trim() !== '' && !isChrome(l.text));
    const out: SeedRecord[] = [];
    for (let i = 0; i < lines.length; i += 2) {
      const t = lines[i] as Line;
      expectTitle(t, file);
      const a = lines[i + 1];
      if (!a) throw new SeedParseError(file, t.n, 'title has no abstract after it; is the file cut off?');
      if (!looksLikeAbstract(a.text)) throw notAnAbstract(a, t, file, i + 2 >= lines.length);
      out.push({ file, line: t.n, format: 'alternating', titleRaw: t.text.trim(), abstractRaw: abstractText(a.text), abstractLine: a.n });
    }
    return out;
  },
};
