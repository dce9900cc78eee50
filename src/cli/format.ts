import type { Paper } from '../core/corpus/schema';

export function authorsLine(p: Paper): string {
  if (p.authors.length === 0) {
    if (p.organization) return p.organization;
    return p.authorCount ? `${p.authorCount} authors, names unknown` : 'authors unknown';
  }
  const names = p.authors.map((a) => a.name).join(', ');
  return p.authorsTruncated ? `${names} et al.` : names;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dateLine(p: Paper): string {
  const d = p.date;
  if (!d) return 'date unknown';
  const md = d.month ? `${MONTHS[d.month - 1]}${d.day ? ` ${d.day}` : ''}` : '';
  if (d.year) return md ? `${md}, ${d.year}` : String(d.year);
  return `${md} (year not listed)`;
}

/** Wraps text at word boundaries to the given width, with an indent. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/)) {
    if (cur !== '' && cur.length + 1 + w.length > width) {
      lines.push(indent + cur);
      cur = w;
    } else {
      cur = cur === '' ? w : `${cur} ${w}`;
    }
  }
  if (cur !== '') lines.push(indent + cur);
  return lines.join('\n');
}

export const json = (v: unknown): string => JSON.stringify(v, null, 2);
