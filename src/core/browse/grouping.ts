import { type Sliced, runNow } from '../util/sliced';
import type { CorpusFiles } from '../corpus/report';
import type { PaperMeta } from '../../schema/corpus';
import { SEED_FORMAT_LABELS } from '../corpus/seedFormats';
import { paperCountOf } from '../techniques/papers';
import type { Lexicon, Technique } from '../../schema/lexicon';

/** The ways the Papers view groups papers (the `paperlens.tree.groupBy` setting's values). */
export const GROUPINGS = ['technique', 'year', 'source'] as const;

export type Grouping = (typeof GROUPINGS)[number];

export interface PaperGroup {
  /** Stable within a grouping: "year:2024", "technique:mla", "source:003_….txt". */
  id: string;
  label: string;
  description?: string;
  paperIds: string[];
}

/** Techniques with at least this many papers get a group of their own. */
export const MIN_TECHNIQUE_GROUP = 3;

/**
 * The sidebar's groups of papers: by technique (a paper may sit in several),
 * by year (newest first, "Year not listed" last), or by the seed file it
 * came from. Papers inside a group keep the corpus order, except technique
 * groups, which list introducing papers first.
 *
 * @example
 * groupPapers(corpus, lexicon, 'year')[0] // => { id: 'year:2025', label: '2025', paperIds: [...] }
 */
export function groupPapers(corpus: CorpusFiles, lexicon: Lexicon, mode: Grouping): PaperGroup[] {
  return runNow(groupPapersSteps(corpus, lexicon, mode));
}

/**
 * {@link groupPapers} as sliced work, for the extension host: grouping
 * 100,000 papers by technique takes longer than a host should block.
 *
 * @example
 * const groups = await runSliced(groupPapersSteps(corpus, lexicon, 'technique'));
 */
export function* groupPapersSteps(corpus: CorpusFiles, lexicon: Lexicon, mode: Grouping): Sliced<PaperGroup[]> {
  if (mode === 'year') return byYear(corpus.papers);
  if (mode === 'source') return bySource(corpus);
  return yield* byTechnique(corpus.papers, lexicon);
}

/** How many techniques are grouped between points where the work may pause. */
const STEP_GROUPS = 100;
/** How many papers are looked at between points where the work may pause. */
const STEP_PAPERS = 5000;

function byYear(papers: readonly PaperMeta[]): PaperGroup[] {
  const years = new Map<number, string[]>();
  const none: string[] = [];
  for (const p of papers) {
    if (p.year === undefined) none.push(p.id);
    else {
      const ids = years.get(p.year);
      if (ids) ids.push(p.id);
      else years.set(p.year, [p.id]);
    }
  }
  const out: PaperGroup[] = [...years.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([y, ids]) => ({ id: `year:${y}`, label: String(y), description: count(ids), paperIds: ids }));
  if (none.length > 0) out.push({ id: 'year:none', label: 'Year not listed', description: count(none), paperIds: none });
  return out;
}

function bySource(corpus: CorpusFiles): PaperGroup[] {
  return corpus.files.map((f) => {
    const ids = corpus.papers.filter((p) => p.sources.some((s) => s.file === f.file)).map((p) => p.id);
    return { id: `source:${f.file}`, label: f.file, description: `${SEED_FORMAT_LABELS[f.format]} · ${count(ids)}`, paperIds: ids };
  });
}

function* byTechnique(papers: readonly PaperMeta[], lexicon: Lexicon): Sliced<PaperGroup[]> {
  const known = new Set<string>();
  for (let i = 0; i < papers.length; i += STEP_PAPERS) {
    for (const p of papers.slice(i, i + STEP_PAPERS)) known.add(p.id);
    yield;
  }
  const grouped = new Set<string>();
  const groups: PaperGroup[] = [];
  const sorted = sortedByImportance(lexicon.techniques.filter((t) => paperCountOf(t) >= MIN_TECHNIQUE_GROUP));
  yield;
  let n = 0;
  for (const t of sorted) {
    if (++n % STEP_GROUPS === 0) yield;
    const ids = t.papers.map((p) => p.id).filter((id) => known.has(id));
    for (const id of ids) grouped.add(id);
    const listed = t.paperCount === undefined ? count(ids) : `${ids.length} of ${t.paperCount} papers`;
    groups.push({ id: `technique:${t.id}`, label: t.name, description: `${t.expansions[0] ? `${t.expansions[0]} · ` : ''}${listed}`, paperIds: ids });
  }
  const other: string[] = [];
  for (let i = 0; i < papers.length; i += STEP_PAPERS) {
    yield;
    for (const p of papers.slice(i, i + STEP_PAPERS)) if (!grouped.has(p.id)) other.push(p.id);
  }
  if (other.length > 0) groups.push({ id: 'technique:other', label: 'Other papers', description: count(other), paperIds: other });
  return groups;
}

/** Techniques in {@link byTechniqueImportance} order, each one's sort keys computed once. */
function sortedByImportance(techniques: readonly Technique[]): Technique[] {
  const keyed = techniques.map((t) => ({ t, secondary: secondaryOf(t), count: paperCountOf(t) }));
  keyed.sort((a, b) => a.secondary - b.secondary || b.count - a.count || a.t.name.localeCompare(b.t.name));
  return keyed.map((k) => k.t);
}

const secondaryOf = (t: Technique): number => Number(t.kind === 'name' && !t.papers.some((p) => p.role === 'introduces'));

/**
 * The order techniques are browsed in: the techniques papers are about,
 * most papers first; then names no paper here introduces (a family such as
 * "DeepSeek", a name papers only mention); then by name.
 */
export function byTechniqueImportance(a: Technique, b: Technique): number {
  return secondaryOf(a) - secondaryOf(b) || paperCountOf(b) - paperCountOf(a) || a.name.localeCompare(b.name);
}

const count = (ids: readonly string[]): string => `${ids.length} paper${ids.length === 1 ? '' : 's'}`;
