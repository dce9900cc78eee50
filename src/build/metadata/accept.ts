/**
 * Build-time: which facts a metadata record supports, and the checks that
 * stop the build. A fact (an arXiv id, the author list, the first-version
 * date, a DOI, a venue, a later title) is accepted only when a primary
 * source states it (arXiv, the proceedings page, the authors' own BibTeX or
 * README), or two sources on different websites agree on it. Every
 * disagreement is kept. Nothing is filled in: a field no source supports
 * stays empty.
 */
import { comparableTitle } from '../../core/bib/fields';
import type { Venue } from '../../schema/corpus';
import { MetadataError, type MetadataRecord, type MetadataSource } from './records';

/** Where an accepted fact came from: the pages that state it, and how it was accepted. */
export interface FactSource {
  urls: string[];
  /** primary: arXiv, a proceedings page or the authors' own files say so; agreement: two websites agree; arxiv-id: the year and month an arXiv id encodes. */
  via: 'primary' | 'agreement' | 'arxiv-id';
}

/** Two sources that say different things about one field. */
export interface Disagreement {
  field: Field;
  values: { value: string; urls: string[] }[];
  /** What was kept, or why nothing was. */
  outcome: string;
}

export type Field = 'arxiv' | 'authors' | 'date' | 'doi' | 'venue';

/** The facts the metadata supports for one paper. */
export interface AcceptedMetadata {
  id: string;
  arxiv?: string;
  authors?: string[];
  /** The first arXiv version's date, `YYYY-MM-DD`. */
  date?: string;
  /** Year and month when only an arXiv id gives them. */
  yearMonth?: { year: number; month: number };
  doi?: string;
  venue?: Venue;
  laterTitles: string[];
  provenance: Partial<Record<Field | 'yearMonth' | 'laterTitles', FactSource>>;
  disagreements: Disagreement[];
}

/** Primary sources for each field, best first. A kind not listed is secondary for that field. */
const PRIMARY: Record<Field, readonly MetadataSource['kind'][]> = {
  arxiv: ['arxiv', 'author-bibtex', 'author-link', 'proceedings'],
  authors: ['arxiv', 'proceedings', 'author-bibtex'],
  date: ['arxiv'],
  doi: ['proceedings', 'author-bibtex', 'arxiv'],
  venue: ['proceedings', 'author-bibtex', 'arxiv'],
};

const host = (url: string): string => new URL(url).hostname.replace(/^www\./, '');

/** A name as sources compare it: letters only, no accents, lowercase. "Zhangyang “Atlas” Wang" is "zhangyangatlaswang". */
const nameKey = (n: string): string =>
  n
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');

/** The comparable form of a fact's value. */
function valueKey(field: Field, v: unknown): string {
  switch (field) {
    case 'authors':
      return (v as string[]).map(nameKey).join('|');
    case 'venue': {
      const x = v as Venue;
      return `${x.type}:${(x.short ?? x.name).toLowerCase().replace(/[^a-z0-9]+/g, '')}:${x.year ?? ''}`;
    }
    case 'doi':
      return String(v).toLowerCase();
    default:
      return String(v);
  }
}

/**
 * The facts a record's sources support, field by field:
 *
 * - a primary source's value is taken, the most authoritative kind first;
 *   when sources of that kind disagree (arXiv v1 and v5 name different
 *   authors), nothing is taken and the disagreement is recorded;
 * - otherwise the value that sources on at least two websites agree on,
 *   when no source gives another;
 * - every other value any source gives is recorded as a disagreement.
 *
 * When an arXiv id is accepted but no date, its YYMM gives the year and month.
 */
export function acceptMetadata(r: MetadataRecord): AcceptedMetadata {
  const out: AcceptedMetadata = { id: r.id, laterTitles: [], provenance: {}, disagreements: [] };
  for (const field of ['arxiv', 'authors', 'date', 'doi', 'venue'] as const) {
    const stated = r.sources.filter((s) => s.states[field] !== undefined);
    if (stated.length === 0) continue;
    const dispute = r.disputed?.find((d) => d.field === field);
    if (dispute) {
      out.disagreements.push({ field, values: stated.map((s) => ({ value: valueKey(field, s.states[field]), urls: [s.url] })), outcome: `disputed: ${dispute.reason}` });
      continue;
    }
    const groups = new Map<string, { value: unknown; sources: MetadataSource[] }>();
    for (const s of stated) {
      const k = valueKey(field, s.states[field]);
      const g = groups.get(k) ?? { value: s.states[field], sources: [] };
      g.sources.push(s);
      groups.set(k, g);
    }
    let chosen: { value: unknown; urls: string[]; via: FactSource['via'] } | undefined;
    let outcome = '';
    for (const kind of PRIMARY[field]) {
      const ofKind = [...groups.values()].filter((g) => g.sources.some((s) => s.kind === kind));
      if (ofKind.length === 0) continue;
      // arXiv's abstract page without a version shows the latest version; a versioned page (v1) an older one.
      const latest = ofKind.filter((g) => g.sources.some((s) => s.kind === 'arxiv' && /arxiv\.org\/abs\/[^/?#]+$/.test(s.url) && !/v\d+$/.test(s.url)));
      const pick = ofKind.length === 1 ? ofKind : latest.length === 1 ? latest : [];
      if (pick.length !== 1) {
        outcome = `${kind} sources disagree, so none is taken`;
        break;
      }
      const g = pick[0] as { value: unknown; sources: MetadataSource[] };
      chosen = { value: g.value, urls: g.sources.map((s) => s.url), via: 'primary' };
      outcome = `kept the ${kind} source's value`;
      break;
    }
    if (!chosen && outcome === '') {
      // Without a primary source, two websites must agree and none may say otherwise: pages copy each other's
      // stale versions (arXiv v1's author list), and a wrong fact is worse than a missing one.
      const agreed = [...groups.values()].map((g) => ({ g, hosts: new Set(g.sources.map((s) => host(s.url))).size }));
      const top = agreed[0];
      if (agreed.length === 1 && top && top.hosts >= 2) {
        chosen = { value: top.g.value, urls: top.g.sources.map((s) => s.url), via: 'agreement' };
        outcome = `kept the value ${top.hosts} websites agree on`;
      } else {
        outcome = agreed.length > 1 ? 'websites disagree and no primary source settles it, so none is taken' : 'only one website says so, so it is not taken';
      }
    }
    if (chosen) {
      (out as unknown as Record<string, unknown>)[field] = field === 'arxiv' ? String(chosen.value).replace(/v\d+$/, '') : chosen.value;
      out.provenance[field] = { urls: chosen.urls, via: chosen.via };
    }
    if (groups.size > 1 || !chosen) {
      out.disagreements.push({ field, values: [...groups.values()].map((g) => ({ value: valueKey(field, g.value), urls: g.sources.map((s) => s.url) })), outcome });
    }
  }
  // Later titles: a primary source, or two websites, give the paper under the new title.
  for (const t of r.laterTitles) {
    const key = comparableTitle(t);
    const giving = r.sources.filter((s) => comparableTitle(s.title) === key);
    const primary = giving.filter((s) => s.kind !== 'secondary');
    if (primary.length > 0 || new Set(giving.map((s) => host(s.url))).size >= 2) {
      out.laterTitles.push(t);
      out.provenance.laterTitles = { urls: [...(out.provenance.laterTitles?.urls ?? []), ...giving.map((s) => s.url)], via: primary.length > 0 ? 'primary' : 'agreement' };
    }
  }
  if (out.arxiv && !out.date) {
    const m = /^(\d{2})(\d{2})\./.exec(out.arxiv);
    if (m) {
      out.yearMonth = { year: 2000 + Number(m[1]), month: Number(m[2]) };
      out.provenance.yearMonth = { urls: out.provenance.arxiv?.urls ?? [], via: 'arxiv-id' };
    }
  }
  return out;
}

/** What the seed listings themselves say of a paper, for the cross-check. */
export interface SeedFacts {
  authors: readonly string[];
  /** The listing gives only the first authors ("et al."). */
  truncated: boolean;
  date?: { year?: number; month?: number; day?: number };
  /** `file:line` of the seed records, to name in a conflict. */
  where: string;
}

/**
 * The metadata against what the seeds say; throws a MetadataError naming
 * both sources on a conflict:
 *
 * - the authors a seed listing names must be the metadata's first authors,
 *   in order (all of them, unless the listing says "et al.");
 * - a seed listing's date (the daily-papers page lists a paper on or after
 *   its arXiv submission) must fall from one day before the first version
 *   (arXiv dates are UTC, listings are not) to 31 days after it.
 */
export function crossCheck(a: AcceptedMetadata, seed: SeedFacts, where: string): void {
  if (a.authors && seed.authors.length > 0) {
    const meta = a.authors.map(nameKey);
    const listed = seed.authors.map(nameKey);
    const agree = seed.truncated ? listed.every((n, i) => meta[i] === n) : listed.length === meta.length && listed.every((n, i) => meta[i] === n);
    if (!agree) {
      throw new MetadataError(
        `${where}: the authors conflict: ${seed.where} lists ${seed.authors.join(', ')}${seed.truncated ? ' et al.' : ''}; ${a.provenance.authors?.urls.join(', ')} gives ${a.authors.join(', ')}. Correct the record, or add it to "disputed" with the reason.`,
      );
    }
  }
  const d = seed.date;
  if (a.date && d?.year !== undefined && d.month !== undefined && d.day !== undefined) {
    const days = (Date.UTC(d.year, d.month - 1, d.day) - Date.parse(`${a.date}T00:00:00Z`)) / 86_400_000;
    if (days < -1 || days > 31) {
      throw new MetadataError(
        `${where}: the dates conflict: ${seed.where} dates the paper ${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}; ${a.provenance.date?.urls.join(', ')} gives the first version as ${a.date}. Correct the record, or add it to "disputed" with the reason.`,
      );
    }
  }
}

/**
 * Checks a record against itself and the corpus's title; throws a
 * MetadataError that says what is wrong:
 *
 * - every source's title is the paper's title or one of its later titles;
 * - an accepted arXiv id's YYMM agrees with the accepted first-version date.
 */
export function checkRecord(r: MetadataRecord, a: AcceptedMetadata, corpusTitle: string, where: string): void {
  const titles = new Set([corpusTitle, r.title, ...r.laterTitles].map(comparableTitle));
  for (const s of r.sources) {
    if (!titles.has(comparableTitle(s.title))) {
      throw new MetadataError(`${where}: the source ${s.url} gives the title "${s.title}", which is neither "${corpusTitle}" nor a later title of it`);
    }
  }
  if (a.arxiv && a.date) {
    const m = /^(\d{2})(\d{2})\./.exec(a.arxiv);
    // The id's month is the submission's; a paper submitted on a month's last evening (US time) is dated the next day at most.
    const idMonth = m ? `20${m[1]}-${m[2]}` : '';
    const dayBefore = new Date(Date.UTC(Number(`20${m?.[1]}`), Number(m?.[2]) - 1, 0)).toISOString().slice(0, 10);
    if (m && idMonth !== a.date.slice(0, 7) && a.date !== dayBefore) {
      throw new MetadataError(`${where}: arXiv id ${a.arxiv} was first submitted in 20${m[1]}-${m[2]}, but the first-version date is ${a.date}`);
    }
  }
}
