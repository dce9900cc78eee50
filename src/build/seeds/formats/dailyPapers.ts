import { paragraphs } from '../lines';
import { abstractText, isChrome, isMiddleDot, looksLikeAbstract, parseAuthorCount, parseDateLine } from '../shapes';
import { type Line, type SeedRecord, SeedParseError } from '../types';
import { joinParagraph } from './blankSeparated';
import type { FormatParser } from './parser';
import { expectTitle, notAnAbstract } from './titled';

/**
 * Hugging Face daily-papers page: title, abstract, then usually a metadata
 * block of three lines: "• 9 authors" (or an organisation such as
 * "nvidia NVIDIA"), "·", and a date that may lack a year and may end in an
 * upvote count ("Jun 4, 2024 1", "Apr 15 5"). Some records have no block.
 */
export const dailyPapers: FormatParser = {
  format: 'daily-papers',
  detect(_body, content) {
    let blocks = 0;
    content.forEach((l, i) => {
      const next = content[i + 1];
      if (isMiddleDot(l.text) && next && parseDateLine(next.text)) blocks++;
    });
    return blocks > 0 ? `${blocks} "·" + date metadata blocks` : undefined;
  },
  parse(body, file) {
    const paras = paragraphs(body).filter((p) => !(p.length === 1 && isChrome((p[0] as Line).text)));
    const out: SeedRecord[] = [];
    let i = 0;
    while (i < paras.length) {
      const tp = paras[i] as Line[];
      if (tp.some((l) => isMiddleDot(l.text))) {
        throw new SeedParseError(file, (tp[0] as Line).n, 'metadata block with no title and abstract before it');
      }
      const t = joinParagraph(tp, file);
      expectTitle(t, file);
      const ap = paras[i + 1];
      if (!ap) throw new SeedParseError(file, t.n, 'title has no abstract after it; is the file cut off?');
      const a = joinParagraph(ap, file);
      if (!looksLikeAbstract(a.text)) throw notAnAbstract(a, t, file, i + 2 >= paras.length, 'paragraph');
      const rec: SeedRecord = { file, line: t.n, format: 'daily-papers', titleRaw: t.text, abstractRaw: abstractText(a.text), abstractLine: a.n };
      i += 2;
      const mp = paras[i];
      if (mp && mp.some((l) => isMiddleDot(l.text))) {
        readMetaBlock(mp, file, rec);
        i++;
      }
      out.push(rec);
    }
    return out;
  },
};

function readMetaBlock(block: readonly Line[], file: string, rec: SeedRecord): void {
  const dot = block.findIndex((l) => isMiddleDot(l.text));
  if (dot > 1) throw new SeedParseError(file, (block[0] as Line).n, 'metadata block has more than one line before "·"');
  const who = dot === 1 ? (block[0] as Line) : undefined;
  const dateLine = block[dot + 1];
  if (!dateLine) throw new SeedParseError(file, (block[dot] as Line).n, 'metadata block ends after "·" with no date line');
  if (block.length > dot + 2) {
    throw new SeedParseError(file, (block[dot + 2] as Line).n, 'unexpected line after the date in a metadata block');
  }
  const d = parseDateLine(dateLine.text);
  if (!d) throw new SeedParseError(file, dateLine.n, `cannot read date line "${dateLine.text.trim()}" (expected e.g. "Jun 4, 2024 12")`);
  rec.date = d.date;
  if (d.upvotes !== undefined) rec.upvotes = d.upvotes;
  if (who) {
    const count = parseAuthorCount(who.text);
    if (count !== undefined) {
      if (count < 1) throw new SeedParseError(file, who.n, 'author count must be at least 1');
      rec.authorCount = count;
    } else {
      rec.organization = organizationName(who.text);
    }
  }
}

/** "nvidia NVIDIA" is an organisation's handle followed by its display name. */
export function organizationName(text: string): string {
  const t = text.trim();
  const m = /^([a-z0-9][\w.-]*)\s+(\S.*)$/.exec(t);
  return m ? (m[2] as string) : t;
}
