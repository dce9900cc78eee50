import type { Line, PartialDate } from './types';

/**
 * Shapes of the lines that make up the listings: what a title, an abstract,
 * a date or a piece of page chrome looks like. Each format parser is built
 * from these, so the formats agree on what they recognise.
 */

/** Longest title in the seeds is 143 characters; shortest abstract is 445. */
export const MAX_TITLE = 300;
const MIN_ABSTRACT = 120;

/**
 * A sentence ending inside the text: a full stop after anything but a space,
 * then a space and a capital letter in any script. The word before the stop
 * may be an acronym, a formula or a symbol ("… with CLIP. We", "… of H₂O.
 * Our", "… on 🤗. The"); the length of the line tells abstracts from titles.
 */
const SENTENCE_END = /\S\.\s+\p{Lu}/u;

/** A line long enough and made of sentences, or too long for a title. */
export function looksLikeAbstract(text: string): boolean {
  const t = text.trim();
  if (t.length >= MAX_TITLE) return true;
  return t.length >= MIN_ABSTRACT && SENTENCE_END.test(t);
}

/**
 * An abstract's text without the "Abstract:" label some pages put before
 * it, so that a labelled and an unlabelled copy of one abstract agree.
 *
 * @example
 * abstractText('  Abstract: We present Foo. ') // => 'We present Foo.'
 */
export function abstractText(text: string): string {
  return text.trim().replace(/^Abstract\s*:\s*/, '');
}

/** A line with letters, shorter than a title can be, that does not look like an abstract. */
export function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length < MAX_TITLE && !looksLikeAbstract(t) && /[A-Za-z]/.test(t);
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_RE = `(${MONTHS.join('|')})`;

/** "Jun 4, 2024 1", "Jul 20", "Apr 15 5": a date, maybe without a year, maybe with upvotes. */
const DATE_LINE_RE = new RegExp(`^${MONTH_RE} (\\d{1,2})(?:, (\\d{4}))?(?: (\\d+))?$`);

export interface DateLine {
  date: PartialDate;
  upvotes?: number;
}

export function parseDateLine(text: string): DateLine | undefined {
  const m = DATE_LINE_RE.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1] ?? '') + 1;
  const day = Number(m[2]);
  if (day < 1 || day > 31) return undefined;
  const date: PartialDate = { month, day };
  if (m[3]) date.year = Number(m[3]);
  const out: DateLine = { date };
  if (m[4]) out.upvotes = Number(m[4]);
  return out;
}

/** "CVMay 26, 2022Code": arXiv category, date, and the Code badge, glued. */
const PROFILE_META_RE = new RegExp(`^([A-Z]{2,4})${MONTH_RE} (\\d{1,2}), (\\d{4})(Code)?$`);

export interface ProfileMeta {
  category: string;
  date: PartialDate;
  codeFlag: boolean;
}

export function parseProfileMeta(text: string): ProfileMeta | undefined {
  const m = PROFILE_META_RE.exec(text.trim());
  if (!m) return undefined;
  return {
    category: `cs.${m[1]}`,
    date: { year: Number(m[4]), month: MONTHS.indexOf(m[2] ?? '') + 1, day: Number(m[3]) },
    codeFlag: m[5] === 'Code',
  };
}

/** "• 9 authors" (also "• 1 authors"). */
export function parseAuthorCount(text: string): number | undefined {
  const m = /^\s*[•·*-]\s*(\d+)\s+authors?\s*$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export const isMiddleDot = (text: string): boolean => text.trim() === '·';

/** Page chrome that can appear anywhere: sign-up prompts and banners. */
const CHROME_RE = [
  /^new$/i,
  /^Subscribe$/,
  /^Get trending papers in your email inbox( once a day)?!?$/,
  /^byAK and the research community$/,
  /^Daily Papers$/,
];

export function isChrome(text: string): boolean {
  const t = text.trim();
  return CHROME_RE.some((re) => re.test(t));
}

/** A page date such as "Mar 14" heading a listing, before its first record. */
export function isPageDate(text: string): boolean {
  const d = parseDateLine(text);
  return d !== undefined && d.upvotes === undefined;
}

/**
 * Drops page chrome from the head of a listing: banners, the page date, and a
 * "Subscribe" button glued to the first title ("SubscribeDeepSeek-Coder-V2: …").
 * Returns the remaining lines and the chrome that was removed.
 */
export function stripHeaderChrome(lines: readonly Line[]): { body: Line[]; chrome: Line[] } {
  const chrome: Line[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = l.text.trim();
    if (t === '' || isChrome(t) || isPageDate(t)) {
      if (t !== '') chrome.push(l);
      continue;
    }
    break;
  }
  const body = lines.slice(i).map((l) => ({ ...l }));
  const first = body[0];
  if (first && /^Subscribe(?=[A-Z0-9])/.test(first.text)) {
    chrome.push({ n: first.n, text: 'Subscribe' });
    first.text = first.text.slice('Subscribe'.length);
  }
  return { body, chrome };
}
