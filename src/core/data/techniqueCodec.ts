import type { Technique, TechniquePaper } from '../../schema/lexicon';
import { FormatError, ID, expectInt, expectList } from './fieldChecks';
import type { PaperRecord } from './format';

/**
 * The technique files (`techniques-NNN.json`): each technique with its
 * papers as catalog positions, written by the build and read back, checked,
 * by the loader.
 */

const INTRODUCES = 1;
const IN_TITLE = 2;

/**
 * A technique as shipped: its papers as one flat list of numbers, three per
 * paper (catalog position, 1 for introduces + 2 for in the title, mentions),
 * which parses without building an object per paper.
 *
 * @example
 * encodeTechnique(technique, indexOf).papers // => [12, 3, 4, 40, 0, 1, …]
 */
export function encodeTechnique(t: Technique, indexOf: ReadonlyMap<string, number>): unknown {
  return {
    ...t,
    papers: t.papers.flatMap((p) => {
      const i = indexOf.get(p.id);
      if (i === undefined) throw new Error(`technique ${t.id} names paper ${p.id}, which the corpus does not have`);
      return [i, (p.role === 'introduces' ? INTRODUCES : 0) | (p.inTitle ? IN_TITLE : 0), p.mentions];
    }),
  };
}

/**
 * A shipped technique back as the lexicon has it, its papers looked up in
 * the catalog. Checks the shape of what the matcher and the views read.
 *
 * @example
 * decodeTechnique(encodeTechnique(t, indexOf), papers) // deep-equals t
 */
export function decodeTechnique(json: unknown, papers: readonly PaperRecord[]): Technique {
  const t = json as Partial<Record<keyof Technique, unknown>> | null;
  const strings = (x: unknown): boolean => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (
    t === null ||
    typeof t !== 'object' ||
    typeof t.id !== 'string' ||
    typeof t.name !== 'string' ||
    !['name', 'acronym', 'phrase'].includes(t.kind as string) ||
    !strings(t.expansions) ||
    !strings(t.aliases) ||
    !strings(t.keys) ||
    !strings(t.singleTokenKeys) ||
    !Array.isArray(t.papers) ||
    t.papers.length === 0 ||
    t.papers.length % 3 !== 0
  ) {
    throw new FormatError(`technique ${JSON.stringify(t?.id ?? t?.name)} is malformed`);
  }
  if (!ID.test(t.id)) throw new FormatError(`"${t.id.slice(0, 80)}" is not a technique id`);
  if (t.name === '' || (t.keys as string[]).length === 0 || (t.keys as string[]).includes('')) throw new FormatError(`technique ${t.id} has no name or an empty key`);
  if (t.paperCount !== undefined) expectInt(t.paperCount, `technique ${t.id}'s paper count`, 1);
  if (t.family !== undefined && t.family !== true) throw new FormatError(`technique ${t.id} has a malformed family flag`);
  if (t.guard !== undefined) {
    const g = t.guard as Partial<Record<'reason' | 'keys' | 'context', unknown>> | null;
    if (g === null || typeof g !== 'object' || typeof g.reason !== 'string' || !strings(g.keys) || !strings(g.context)) throw new FormatError(`technique ${t.id} has a malformed guard`);
  }
  if (t.meanings !== undefined) {
    for (const m of expectList(t.meanings, `technique ${t.id}'s meanings`)) {
      const mm = m as Partial<Record<'expansion' | 'papers', unknown>> | null;
      if (mm === null || typeof mm !== 'object' || typeof mm.expansion !== 'string' || !strings(mm.papers)) throw new FormatError(`technique ${t.id} has a malformed meaning`);
    }
  }
  const flat = t.papers as unknown[];
  const list: TechniquePaper[] = [];
  for (let k = 0; k < flat.length; k += 3) {
    const paper = papers[expectInt(flat[k], 'a paper position', 0)];
    if (!paper) throw new FormatError(`technique ${t.id} names paper ${String(flat[k])}, which the catalog does not have`);
    const flags = expectInt(flat[k + 1], 'paper flags', 0, INTRODUCES | IN_TITLE);
    list.push({ id: paper.id, role: flags & INTRODUCES ? 'introduces' : 'mentions', mentions: expectInt(flat[k + 2], 'mentions', 0), inTitle: (flags & IN_TITLE) !== 0 });
  }
  return { ...(t as Technique), papers: list };
}
