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
