/**
 * BibTeX name lists, as BibTeX reads them: names split on `and` at brace
 * depth 0; each name as `First von Last`, `von Last, First` or
 * `von Last, Jr, First`; a fully braced name (`{World Health
 * Organization}`) is one literal name; `and others` ends a list cut short.
 */
import type { Author } from '../../schema/corpus';
import { texToUnicode } from './tex';

/**
 * A BibTeX `author` (or `editor`) value as authors, display text in Unicode.
 *
 * @example
 * parseNames('Pan, Zizheng and Jianfei Cai and van de Weijer, Joost and others')
 * // => { authors: [{ name: 'Zizheng Pan', given: 'Zizheng', family: 'Pan' }, { name: 'Jianfei Cai', … },
 * //      { name: 'Joost van de Weijer', given: 'Joost', family: 'van de Weijer' }], truncated: true }
 */
export function parseNames(raw: string): { authors: Author[]; truncated: boolean } {
  const authors: Author[] = [];
  let truncated = false;
  for (const part of splitTopLevel(raw, /\s+and\s+/iy)) {
    const name = part.trim();
    if (name === '') continue;
    if (name.toLowerCase() === 'others') {
      truncated = true;
      continue;
    }
    authors.push(parseName(name));
  }
  return { authors, truncated };
}

/** One name. */
function parseName(raw: string): Author {
  if (/^\{[^]*\}$/.test(raw) && groupCloses(raw) === raw.length) {
    // {World Health Organization}: one literal name, never split.
    const name = texToUnicode(raw);
    return { name, organization: true };
  }
  const commas = splitTopLevel(raw, /\s*,\s*/y).map((p) => p.trim());
  let first: string[];
  let vonLast: string[];
  let jr: string[] = [];
  if (commas.length === 1) {
    const words = splitTopLevel(raw, /\s+/y).filter((w) => w !== '');
    // First von Last: the von part is the lowercase words before the last word.
    const last = words.length - 1;
    let von = words.findIndex((w, i) => i < last && isLowercase(w));
    if (von < 0) von = last;
    first = words.slice(0, von);
    vonLast = words.slice(von);
  } else {
    vonLast = splitTopLevel(commas[0] ?? '', /\s+/y).filter((w) => w !== '');
    if (commas.length >= 3) jr = splitTopLevel(commas[1] ?? '', /\s+/y).filter((w) => w !== '');
    first = splitTopLevel(commas[commas.length - 1] ?? '', /\s+/y).filter((w) => w !== '');
  }
  const family = texToUnicode([...vonLast, ...jr].join(' '));
  const given = texToUnicode(first.join(' '));
  if (family === '') return { name: given || texToUnicode(raw) };
  return given === '' ? { name: family, family } : { name: `${given} ${family}`, given, family };
}

/** A word whose first letter at brace depth 0 is lowercase (`von`, `de`, `van`), as BibTeX decides the von part. */
function isLowercase(word: string): boolean {
  let depth = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word[i] as string;
    if (c === '{') {
      // `{\'e}tienne`: a special character's case is its letter's; other braces hide case.
      if (depth === 0 && word[i + 1] === '\\') {
        const letter = /^\{\\[^A-Za-z]?([A-Za-z])/.exec(word.slice(i))?.[1];
        if (letter) return letter === letter.toLowerCase();
      }
      depth++;
    } else if (c === '}') depth--;
    else if (depth === 0 && /\p{L}/u.test(c)) return c === c.toLowerCase() && c !== c.toUpperCase();
  }
  return false;
}

/** Just after the `}` closing the `{` at 0, or -1. */
function groupCloses(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Splits at matches of a sticky separator outside braces. */
function splitTopLevel(s: string, separator: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      separator.lastIndex = i;
      const m = separator.exec(s);
      if (m && m[0].length > 0 && i > start) {
        out.push(s.slice(start, i));
        i += m[0].length;
        start = i;
        continue;
      }
    }
    i++;
  }
  out.push(s.slice(start));
  return out;
}
