import type { ParsedSeedFile } from '../seeds/parseSeedFile';
import { type PartialDate, type SeedRecord, SeedParseError } from '../seeds/types';
import { cleanText, findUrls } from '../../core/text/clean';
import { type Author, type Corpus, CorpusSchema, type FileReport, type Paper, type PaperSource } from '../../schema/corpus';
import { DATA_VERSION } from '../../core/data/version';
import { jaccard, shingles } from './similarity';
import { cleanTitle, disambiguatedSlug, shortNameOf, slugOf, titleKey } from '../../core/corpus/titles';

/**
 * A bare abstract joins the titled paper whose abstract it resembles most,
 * if the resemblance is at least this (word 3-gram Jaccard) …
 */
export const ATTACH_MIN_SIMILARITY = 0.5;
/** … and the runner-up is at least this much less similar. */
export const ATTACH_MIN_MARGIN = 0.2;

interface Draft {
  key: string;
  title: string;
  titleRaw: string;
  records: { rec: SeedRecord; source: PaperSource }[];
}

/**
 * Turns parsed seed files into the corpus: every titled record becomes a
 * paper or merges into one with the same normalised title; every bare
 * abstract attaches to the paper whose abstract it resembles, never by
 * position. Every record is accounted for in the per-file report.
 */
export function buildCorpus(files: readonly ParsedSeedFile[]): Corpus {
  const ordered = [...files].sort((a, b) => a.file.localeCompare(b.file));
  const drafts = new Map<string, Draft>();
  const reports = new Map<string, FileReport>();
  for (const f of ordered) {
    reports.set(f.file, {
      file: f.file,
      format: f.format,
      evidence: f.evidence,
      records: f.records.length,
      papers: 0,
      merged: 0,
      merges: [],
      chromeLines: f.chrome.length,
    });
  }

  // 1. Titled records, in file order: the first sighting of a title creates the paper.
  for (const f of ordered) {
    for (const rec of f.records) {
      if (rec.titleRaw === undefined) continue;
      const title = cleanTitle(rec.titleRaw);
      const key = titleKey(title);
      if (key === '') throw new SeedParseError(rec.file, rec.line, `title "${rec.titleRaw}" has no letters or digits`);
      const existing = drafts.get(key);
      if (existing) {
        const first = existing.records[0]?.source;
        existing.records.push({
          rec,
          source: { file: rec.file, line: rec.line, format: rec.format, role: 'duplicate', match: `same title as ${first?.file}:${first?.line}` },
        });
      } else {
        drafts.set(key, {
          key,
          title,
          titleRaw: rec.titleRaw,
          records: [{ rec, source: { file: rec.file, line: rec.line, format: rec.format, role: 'primary' } }],
        });
      }
    }
  }

  // 2. Bare abstracts, attached by text similarity.
  const candidates = [...drafts.values()].map((d) => ({
    d,
    sh: shingles(d.records.map((r) => r.rec.abstractRaw ?? '').join(' ')),
  }));
  for (const f of ordered) {
    for (const rec of f.records) {
      if (rec.titleRaw !== undefined) continue;
      const sh = shingles(rec.abstractRaw ?? '');
      let best: { d: Draft; s: number } | undefined;
      let second = 0;
      for (const c of candidates) {
        const s = jaccard(sh, c.sh);
        if (!best || s > best.s) {
          second = best?.s ?? 0;
          best = { d: c.d, s };
        } else if (s > second) {
          second = s;
        }
      }
      if (!best || best.s < ATTACH_MIN_SIMILARITY) {
        const hint = best ? `; closest is "${best.d.title}" at ${best.s.toFixed(2)}` : '';
        throw new SeedParseError(
          rec.file,
          rec.line,
          `abstract matches no titled paper (needs similarity ≥ ${ATTACH_MIN_SIMILARITY}${hint}); add its paper with a title to a seed`,
        );
      }
      if (best.s - second < ATTACH_MIN_MARGIN) {
        throw new SeedParseError(rec.file, rec.line, `abstract matches two papers almost equally (${best.s.toFixed(2)} vs ${second.toFixed(2)})`);
      }
      best.d.records.push({
        rec,
        source: { file: rec.file, line: rec.line, format: rec.format, role: 'abstract', match: `abstract similarity ${best.s.toFixed(2)}` },
      });
    }
  }

  // 3. Stable ids: a title slug, disambiguated by a title hash only on a clash.
  const slugCount = new Map<string, number>();
  for (const d of drafts.values()) slugCount.set(slugOf(d.title), (slugCount.get(slugOf(d.title)) ?? 0) + 1);
  const papers: Paper[] = [];
  for (const d of drafts.values()) {
    const slug = slugOf(d.title);
    const id = (slugCount.get(slug) ?? 0) > 1 ? disambiguatedSlug(d.title) : slug;
    const paper = mergeDraft(d, id);
    papers.push(paper);
    for (const { source } of d.records) {
      const r = reports.get(source.file);
      if (!r) continue;
      if (source.role === 'primary') r.papers++;
      else {
        r.merged++;
        r.merges.push({ line: source.line, into: id, how: source.match ?? source.role });
      }
    }
  }

  for (const r of reports.values()) r.merges.sort((a, b) => a.line - b.line);
  const corpus: Corpus = { version: DATA_VERSION, papers, files: [...reports.values()] };
  return CorpusSchema.parse(corpus);
}

function mergeDraft(d: Draft, id: string): Paper {
  const recs = d.records.map((r) => r.rec);
  const paper: Paper = {
    id,
    title: d.title,
    titleRaw: d.titleRaw,
    authors: [],
    authorsTruncated: false,
    urls: [],
    abstract: '',
    abstractRaw: '',
    sources: d.records.map((r) => r.source),
  };
  const shortName = shortNameOf(d.title);
  if (shortName) paper.shortName = shortName;

  chooseAbstract(d, paper);

  const withAuthors = d.records.filter((r) => (r.rec.authors?.length ?? 0) > 0).sort((a, b) => (b.rec.authors?.length ?? 0) - (a.rec.authors?.length ?? 0));
  const authorRec = withAuthors[0]?.rec;
  if (authorRec?.authors) {
    paper.authors = authorRec.authors.map((n) => toAuthor(n, n === authorRec.organization));
    paper.authorsTruncated = authorRec.authorsTruncated ?? false;
  }
  const counts = recs.map((r) => r.authorCount).filter((n): n is number => n !== undefined);
  if (counts.length > 0) paper.authorCount = Math.max(...counts);
  if (paper.authorCount !== undefined && paper.authors.length >= paper.authorCount) paper.authorsTruncated = false;
  if (paper.authorCount !== undefined && paper.authors.length > 0 && paper.authors.length < paper.authorCount) {
    paper.authorsTruncated = true;
  }

  const org = recs.find((r) => r.organization)?.organization;
  if (org) paper.organization = org;
  const affs = [...new Set(recs.flatMap((r) => r.affiliations ?? []))];
  if (affs.length > 0) paper.affiliations = affs;
  const date = bestDate(recs.map((r) => r.date).filter((x): x is PartialDate => x !== undefined));
  if (date) {
    paper.date = date;
    if (date.year !== undefined) paper.year = date.year;
  }
  const category = recs.find((r) => r.category)?.category;
  if (category) paper.category = category;
  recordDisagreements(d, paper);
  if (recs.some((r) => r.codeFlag !== undefined)) paper.codeFlag = recs.some((r) => r.codeFlag === true);
  const upvotes = recs.map((r) => r.upvotes).filter((n): n is number => n !== undefined);
  if (upvotes.length > 0) paper.upvotes = Math.max(...upvotes);

  paper.urls = findUrls(paper.abstractRaw).filter(isValidUrl);
  const code = pickCodeUrl(paper.urls);
  if (code) paper.codeUrl = code;
  if (paper.abstract.includes('OurMethod') && paper.shortName) {
    // A template macro the authors never filled in ("we propose \OurMethod").
    paper.abstract = paper.abstract.replace(/\bOurMethod\b/g, paper.shortName);
  }
  return paper;
}

/** Keeps the longest version when sources disagree, and says so. */
function chooseAbstract(d: Draft, paper: Paper): void {
  const versions = d.records
    .filter((r) => r.rec.abstractRaw !== undefined)
    .map((r) => ({ raw: r.rec.abstractRaw as string, clean: cleanText(r.rec.abstractRaw as string), src: r.source }));
  const first = versions[0];
  if (!first) return;
  let best = first;
  for (const v of versions) if (v.clean.length > best.clean.length) best = v;
  paper.abstract = best.clean;
  paper.abstractRaw = best.raw;
  const differing = versions.filter((v) => v.clean !== best.clean);
  if (differing.length > 0) {
    const others = differing.map((v) => `${v.src.file}:${v.src.line} (${v.clean.length} chars)`).join(', ');
    paper.abstractNote =
      `Sources disagree; kept the longest version, from ${best.src.file}:${best.src.line} (${best.clean.length} chars), ` +
      `because it carries the most (a later revision, or the code link a listing dropped). Other versions: ${others}.`;
  }
}

/** One field on which a record says something other than what the paper kept. */
interface Disagreement {
  field: 'authors' | 'author count' | 'organisation' | 'date' | 'category';
  /** What the paper kept, and from where. */
  kept: string;
  keptFrom: PaperSource | undefined;
  /** What this record says instead. */
  says: string;
}

/**
 * Sources that agree on a title can disagree on everything else. Nothing is
 * dropped silently: for every field where a record says something the paper
 * did not keep, the paper's `metadataNote` says what was kept, from which
 * source and why, and what each other source says; and a duplicate record's
 * merge reason (`match`, shown in the build's reconciliation table) names
 * the fields it disagreed on. A record that only knows less (an author list
 * cut shorter, a date without the year) does not disagree.
 */
function recordDisagreements(d: Draft, paper: Paper): void {
  const src = (rec: SeedRecord | undefined): PaperSource | undefined => d.records.find((r) => r.rec === rec)?.source;
  const names = (rec: SeedRecord): string[] => (rec.authors ?? []).map((n) => cleanText(n));
  const keptAuthors = paper.authors.map((a) => a.name);
  const authorSource = src(d.records.map((r) => r.rec).find((r) => sameList(names(r), keptAuthors) && keptAuthors.length > 0));
  const dateSource = src(d.records.map((r) => r.rec).find((r) => r.date !== undefined && paper.date !== undefined && sameDate(r.date, paper.date)));
  const orgSource = src(d.records.map((r) => r.rec).find((r) => r.organization === paper.organization && r.organization !== undefined));
  const categorySource = src(d.records.map((r) => r.rec).find((r) => r.category === paper.category && r.category !== undefined));
  const countSource = src(d.records.map((r) => r.rec).find((r) => r.authorCount !== undefined && r.authorCount === paper.authorCount));

  const notes: string[] = [];
  for (const { rec, source } of d.records) {
    const found: Disagreement[] = [];
    const own = names(rec);
    if (own.length > 0 && !isPrefix(own, keptAuthors)) {
      found.push({ field: 'authors', kept: keptAuthors.join(', '), keptFrom: authorSource, says: own.join(', ') });
    }
    if (rec.authorCount !== undefined && paper.authorCount !== undefined && rec.authorCount !== paper.authorCount) {
      found.push({ field: 'author count', kept: String(paper.authorCount), keptFrom: countSource, says: String(rec.authorCount) });
    }
    if (rec.organization !== undefined && rec.organization !== paper.organization) {
      found.push({ field: 'organisation', kept: paper.organization ?? '', keptFrom: orgSource, says: rec.organization });
    }
    if (rec.date !== undefined && paper.date !== undefined && !consistentDates(rec.date, paper.date)) {
      found.push({ field: 'date', kept: showDate(paper.date), keptFrom: dateSource, says: showDate(rec.date) });
    }
    if (rec.category !== undefined && rec.category !== paper.category) {
      found.push({ field: 'category', kept: paper.category ?? '', keptFrom: categorySource, says: rec.category });
    }
    if (found.length === 0) continue;
    if (source.role !== 'primary') source.match = `${source.match ?? source.role}; disagrees on ${found.map((f) => f.field).join(', ')}`;
    for (const f of found) {
      const from = f.keptFrom ? ` from ${f.keptFrom.file}:${f.keptFrom.line}` : '';
      notes.push(`${f.field}: kept "${f.kept}"${from} (${WHY_KEPT[f.field]}); ${source.file}:${source.line} says "${f.says}"`);
    }
  }
  if (notes.length > 0) paper.metadataNote = `Sources disagree. ${notes.join('. ')}.`;
}

const WHY_KEPT: Record<Disagreement['field'], string> = {
  authors: 'the longest list',
  'author count': 'the largest',
  organisation: 'the first listed',
  date: 'the most complete, then the first listed',
  category: 'the first listed',
};

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const isPrefix = (a: readonly string[], b: readonly string[]): boolean => a.length <= b.length && a.every((x, i) => x === b[i]);
const sameDate = (a: PartialDate, b: PartialDate): boolean => a.year === b.year && a.month === b.month && a.day === b.day;

/** Two dates agree when every part both of them give is the same ("Jul 20" and "Jul 20, 2024" agree). */
function consistentDates(a: PartialDate, b: PartialDate): boolean {
  return (['year', 'month', 'day'] as const).every((k) => a[k] === undefined || b[k] === undefined || a[k] === b[k]);
}

/** "26 May 2022", "20 Jul", "2023": the parts a listing gave. */
function showDate(d: PartialDate): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return [d.day, d.month === undefined ? undefined : months[d.month - 1], d.year].filter((x) => x !== undefined).join(' ');
}

/** The most complete date: one with a year beats one without; then the first. */
function bestDate(dates: readonly PartialDate[]): PartialDate | undefined {
  const score = (d: PartialDate): number => (d.year ? 4 : 0) + (d.month ? 2 : 0) + (d.day ? 1 : 0);
  let best: PartialDate | undefined;
  for (const d of dates) if (!best || score(d) > score(best)) best = d;
  return best ? { ...best } : undefined;
}

const SURNAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'bin', 'al']);

/** "Zizheng Pan" → given Zizheng, family Pan; "Ludo van der Berg" keeps "van der Berg" as the family name. */
export function toAuthor(name: string, organization: boolean): Author {
  const display = cleanText(name);
  if (organization) return { name: display, organization: true };
  const toks = display.split(/\s+/);
  let i = toks.length - 1;
  while (i > 1 && SURNAME_PARTICLES.has((toks[i - 1] ?? '').toLowerCase())) i--;
  const given = toks.slice(0, i).join(' ');
  const family = toks.slice(i).join(' ');
  return given ? { name: display, given, family } : { name: display, family };
}

function isValidUrl(u: string): boolean {
  try {
    new URL(u);
    return true;
  } catch {
    return false;
  }
}

const CODE_HOSTS = /^https?:\/\/(?:www\.)?(github\.com|gitlab\.com|huggingface\.co|bitbucket\.org|aka\.ms|[\w-]+\.github\.io)\//;

/** The first URL on a code or project host; arXiv links to other papers are not code. */
function pickCodeUrl(urls: readonly string[]): string | undefined {
  return urls.find((u) => CODE_HOSTS.test(u)) ?? urls.find((u) => !/arxiv\.org/.test(u));
}
