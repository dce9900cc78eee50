import { isChrome, looksLikeAbstract } from '../shapes';
import { type SeedRecord, SeedParseError } from '../types';
import type { FormatParser } from './parser';

const PREFIX = /^\s*Abstract:\s*/;

/** A file of "Abstract:…" lines with no titles; each is attached to its paper later. */
export const bareAbstracts: FormatParser = {
  format: 'bare-abstracts',
  detect(_body, content) {
    const n = content.filter((l) => PREFIX.test(l.text)).length;
    return n >= Math.max(1, 0.8 * content.length) ? `${n} of ${content.length} lines start with "Abstract:"` : undefined;
  },
  parse(body, file) {
    const out: SeedRecord[] = [];
    for (const l of body) {
      if (l.text.trim() === '' || isChrome(l.text)) continue;
      if (!PREFIX.test(l.text)) throw new SeedParseError(file, l.n, 'expected a line starting with "Abstract:"');
      const text = l.text.replace(PREFIX, '').trim();
      if (!looksLikeAbstract(text)) {
        throw new SeedParseError(file, l.n, `abstract is too short to be whole (${text.length} characters); was the line cut off?`);
      }
      out.push({ file, line: l.n, format: 'bare-abstracts', abstractRaw: text, abstractLine: l.n });
    }
    return out;
  },
};
