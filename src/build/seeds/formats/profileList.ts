import { isPersonName, splitTitleAuthors } from '../authors';
import { abstractText, isChrome, looksLikeAbstract, parseProfileMeta } from '../shapes';
import { type Line, type SeedRecord, SeedParseError } from '../types';
import type { FormatParser } from './parser';
import { notAnAbstract } from './titled';

/**
 * A researcher's profile list, three lines a paper:
 *   "CVMay 26, 2022Code"                         category, date, Code badge
 *   "Fast Vision … AttentionZizheng Pan, …"       title glued to authors
 *   abstract
 */
export const profileList: FormatParser = {
  format: 'profile-list',
  detect(_body, content) {
    const metas = content.filter((l) => parseProfileMeta(l.text)).length;
    return metas > 0 && metas * 6 >= content.length ? `${metas} category+date lines such as "CVMay 26, 2022Code"` : undefined;
  },
  parse(body, file) {
    const lines = body.filter((l) => l.text.trim() !== '' && !isChrome(l.text));
    const out: SeedRecord[] = [];
    for (let i = 0; i < lines.length; i += 3) {
      const m = lines[i] as Line;
      const meta = parseProfileMeta(m.text);
      if (!meta) {
        throw new SeedParseError(file, m.n, `expected a category+date line such as "CVMay 26, 2022Code", found "${m.text.trim().slice(0, 60)}"`);
      }
      const ta = lines[i + 1];
      if (!ta) throw new SeedParseError(file, m.n, 'category+date line has no title after it; is the file cut off?');
      const split = splitTitleAuthors(ta.text);
      if (!split) {
        const why = looksLikeAbstract(ta.text)
          ? `expected a title glued to its authors after the category+date line on line ${m.n}, found an abstract-like line; is the title line missing?`
          : 'cannot find where the title ends and the author list begins';
        throw new SeedParseError(file, ta.n, why);
      }
      const a = lines[i + 2];
      if (!a) throw new SeedParseError(file, ta.n, 'title has no abstract after it; is the file cut off?');
      if (!looksLikeAbstract(a.text)) throw notAnAbstract(a, ta, file, i + 3 >= lines.length);
      const rec: SeedRecord = {
        file,
        line: m.n,
        format: 'profile-list',
        titleRaw: split.title,
        abstractRaw: abstractText(a.text),
        abstractLine: a.n,
        authors: split.authors,
        authorsTruncated: split.truncated,
        date: meta.date,
        category: meta.category,
        codeFlag: meta.codeFlag,
      };
      if (!split.truncated) rec.authorCount = split.authors.length;
      if (split.affiliations.length > 0) rec.affiliations = split.affiliations;
      const org = split.authors.find((n) => !isPersonName(n));
      if (org !== undefined) rec.organization = org;
      out.push(rec);
    }
    return out;
  },
};
