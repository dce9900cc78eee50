/**
 * A deterministic synthetic corpus for the benchmark, learnt from the real
 * seeds: the same seed number always gives the same papers, byte for byte.
 *
 * - Titles: a word bigram chain over the real title bodies, with the real
 *   body lengths; the real share of titles (69 %) opens with a coined name
 *   and a colon.
 * - Coined names: a head of one real coined name glued to a tail of another
 *   (Trans + Former, Snap + MLA), with a version suffix as often as the real
 *   names carry one. Most are new words, as on arXiv, so the vocabulary grows
 *   with the corpus instead of stopping at the seeds' 12,000 words.
 * - Abstracts: a word bigram chain over the real abstracts, with the real
 *   lengths; a paper with a coined name introduces it in a sentence taken
 *   from a real abstract that introduces its own ("we introduce LITv2, a
 *   simple and effective ViT"), and names it again later, so the technique
 *   extractor finds it. Numbers are redrawn digit by digit ("1.4x" → "3.7x").
 * - Authors: every paper has them (arXiv papers do; the seeds' listings mostly
 *   dropped them), as many as the real author lists hold, with given names
 *   recombined from halves of the real given names and the real family names.
 * - Years, dates, categories, code links and sources follow the real shares.
 */
import type { Corpus, FileReport, Paper, PaperSource } from '../src/schema/corpus';
import { DATA_VERSION } from '../src/core/data/version';
import { shortNameOf, slugOf } from '../src/core/corpus/titles';
import { fnv1a } from '../src/core/util/hash';

/** mulberry32: a tiny seeded PRNG, the same in every JavaScript engine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** A word bigram chain: each word's followers, repeated as often as they follow it. */
class Chain {
  private readonly next = new Map<string, string[]>();
  readonly starts: string[] = [];
  readonly words: string[] = [];

  add(tokens: readonly string[]): void {
    if (tokens.length === 0) return;
    this.starts.push(tokens[0] as string);
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i] as string;
      this.words.push(w);
      const n = tokens[i + 1];
      if (n === undefined) continue;
      const list = this.next.get(w);
      if (list) list.push(n);
      else this.next.set(w, [n]);
    }
  }

  /** `length` words, from a start word; a dead end jumps to a random word. */
  walk(r: Rand, length: number, start = pick(r, this.starts)): string[] {
    const out = [start];
    while (out.length < length) {
      const followers = this.next.get(out[out.length - 1] as string);
      out.push(followers && r() < 0.97 ? pick(r, followers) : pick(r, this.words));
    }
    return out;
  }
}

/** Numbers keep their shape and get new digits: "1.4x" → "3.7x", "2024" → "2024". */
function redrawDigits(r: Rand, word: string): string {
  if (!/\d/.test(word) || /^(19|20)\d\d\W*$/.test(word)) return word;
  return word.replace(/\d/g, (d, i: number) => (i === 0 && d !== '0' ? String(1 + Math.floor(r() * 9)) : String(Math.floor(r() * 10))));
}

/** Where a name splits into head and tail: a CamelCase, hyphen or letter/digit boundary. */
function splitName(name: string): [string, string] | undefined {
  const m = /^(.+?[\p{Ll}\d])(?=\p{Lu})|^(.+?)(?=-)|^(\p{Lu}+)(?=\p{Lu}\p{Ll})/u.exec(name);
  const head = m?.[1] ?? m?.[2] ?? m?.[3];
  if (!head || head.length === name.length) return undefined;
  return [head, name.slice(head.length)];
}

/** Splits a given name after its first vowel group: "Zizheng" → "Zi" + "zheng". */
function splitGiven(name: string): [string, string] {
  const m = /^([^aeiouy]*[aeiouy]+)(.+)$/i.exec(name);
  return m ? [m[1] as string, m[2] as string] : [name, ''];
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

interface Model {
  titles: Chain;
  titleLengths: number[];
  abstracts: Chain;
  abstractLengths: number[];
  heads: string[];
  tails: string[];
  versioned: number;
  /** Real sentences that introduce the paper's own name, with the name as {NAME}. */
  intros: string[];
  shortShare: number;
  givenHeads: string[];
  givenTails: string[];
  families: string[];
  authorCounts: number[];
  truncatedShare: number;
  yearShare: number;
  dated: NonNullable<Paper['date']>[];
  categories: string[];
  codeShare: number;
  files: { file: string; format: PaperSource['format'] }[];
}

function learn(real: Corpus): Model {
  const titles = new Chain();
  const abstracts = new Chain();
  const titleLengths: number[] = [];
  const abstractLengths: number[] = [];
  const heads: string[] = [];
  const tails: string[] = [];
  const intros: string[] = [];
  let versioned = 0;
  let short = 0;
  for (const p of real.papers) {
    const body = p.shortName && p.title.startsWith(`${p.shortName}: `) ? p.title.slice(p.shortName.length + 2) : p.title;
    const t = words(body);
    titles.add(t);
    titleLengths.push(t.length);
    const a = words(p.abstract);
    if (a.length > 0) {
      abstracts.add(a);
      abstractLengths.push(a.length);
    }
    if (p.shortName && /^[\p{L}\d-]+$/u.test(p.shortName)) {
      short++;
      if (/(?:[vV]\d+|\d)$/.test(p.shortName)) versioned++;
      const split = splitName(p.shortName.replace(/[-]?(?:[vV]\d+(?:\.\d+)?|\d+)$/, ''));
      if (split) {
        heads.push(split[0]);
        tails.push(split[1]);
      }
      for (const s of p.abstract.split(/(?<=[.!?])\s+/)) {
        if (s.includes(p.shortName) && /\b(?:we|We)\s+(?:propose|present|introduce|dub|call)\b/.test(s) && s.length < 400) {
          intros.push(s.split(p.shortName).join('{NAME}'));
        }
      }
    }
  }
  const given = [...new Set(real.papers.flatMap((p) => p.authors.flatMap((a) => (a.given ? [a.given] : []))))];
  const authored = real.papers.filter((p) => p.authors.length > 0);
  const fileFormat = new Map(real.files.map((f) => [f.file, f.format]));
  return {
    titles,
    titleLengths,
    abstracts,
    abstractLengths,
    heads,
    tails,
    versioned: versioned / Math.max(1, short),
    intros,
    shortShare: short / real.papers.length,
    givenHeads: given.map((g) => splitGiven(g)[0]),
    givenTails: given.map((g) => splitGiven(g)[1]),
    families: [...new Set(real.papers.flatMap((p) => p.authors.flatMap((a) => (a.family ? [a.family] : []))))],
    authorCounts: authored.map((p) => p.authors.length),
    truncatedShare: authored.filter((p) => p.authorsTruncated).length / Math.max(1, authored.length),
    yearShare: real.papers.filter((p) => p.year !== undefined).length / real.papers.length,
    dated: real.papers.flatMap((p) => (p.date?.year ? [p.date] : [])),
    categories: real.papers.flatMap((p) => (p.category ? [p.category] : [])),
    codeShare: real.papers.filter((p) => p.codeUrl).length / real.papers.length,
    files: real.files.filter((f) => f.papers > 0).map((f) => ({ file: f.file, format: fileFormat.get(f.file) ?? f.format })),
  };
}

function coinedName(r: Rand, m: Model): string {
  const name = `${pick(r, m.heads)}${pick(r, m.tails)}`;
  if (r() >= m.versioned) return name;
  return `${name}${pick(r, ['v2', 'v3', '-2', '2', 'V2', '++'])}`;
}

function sentenceCase(ws: string[]): string {
  const s = ws.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function abstractFor(r: Rand, m: Model, name: string | undefined): string {
  const length = pick(r, m.abstractLengths);
  const text = m.abstracts.walk(r, length).map((w) => redrawDigits(r, w));
  if (!name || m.intros.length === 0) return sentenceCase(text);
  // Introduce the name after the first sentence or two, and name it again near the end.
  const ends = text.flatMap((w, i) => (/[.!?]$/.test(w) ? [i + 1] : []));
  const at = ends[Math.min(ends.length - 1, Math.floor(r() * 2))] ?? Math.floor(text.length / 3);
  const intro = pick(r, m.intros).split('{NAME}').join(name);
  const out = [...text.slice(0, at), ...words(intro), ...text.slice(at)];
  const late = Math.max(at + 10, out.length - 30);
  if (late < out.length) out.splice(late, 0, `${name}`);
  return sentenceCase(out);
}

/**
 * `n` synthetic papers learnt from a real corpus, deterministic in `seed`.
 * Ids are unique title slugs, as the real build makes them.
 *
 * @example
 * const big = syntheticCorpus(realCorpus(SEEDS), 10_000);
 * big.papers.length // => 10000
 */
export function syntheticCorpus(real: Corpus, n: number, seed = 20240611): Corpus {
  const r = prng(seed);
  const m = learn(real);
  const papers: Paper[] = [];
  const seen = new Map<string, number>();
  const lines = new Map<string, number>();
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const name = r() < m.shortShare ? coinedName(r, m) : undefined;
    const body = sentenceCase(m.titles.walk(r, pick(r, m.titleLengths)));
    const title = (name ? `${name}: ${body}` : body).replace(/\s+/g, ' ').trim();
    const slug = slugOf(title);
    const dup = seen.get(slug) ?? 0;
    seen.set(slug, dup + 1);
    const id = dup === 0 ? slug : `${slug.slice(0, 50).replace(/-+$/, '')}-${fnv1a(`${title}#${i}`).slice(0, 6)}`;
    const authorCount = pick(r, m.authorCounts) + (r() < 0.5 ? Math.floor(r() * 4) : 0);
    const authors = Array.from({ length: authorCount }, () => {
      const given = `${pick(r, m.givenHeads)}${pick(r, m.givenTails)}`;
      const family = pick(r, m.families);
      return { name: `${given} ${family}`, given, family };
    });
    const truncated = r() < m.truncatedShare;
    const file = pick(r, m.files);
    const line = (lines.get(file.file) ?? 0) + 1 + Math.floor(r() * 6);
    lines.set(file.file, line);
    counts.set(file.file, (counts.get(file.file) ?? 0) + 1);
    const abstract = abstractFor(r, m, name);
    const paper: Paper = {
      id,
      title,
      titleRaw: title,
      authors,
      authorsTruncated: truncated,
      ...(truncated ? {} : { authorCount }),
      urls: [],
      abstract,
      abstractRaw: abstract,
      sources: [{ file: file.file, line, format: file.format, role: 'primary' }],
    };
    const shortName = shortNameOf(title);
    if (shortName) paper.shortName = shortName;
    if (r() < m.yearShare && m.dated.length > 0) {
      const date = pick(r, m.dated);
      paper.date = { ...date };
      if (date.year !== undefined) paper.year = date.year;
      if (m.categories.length > 0) paper.category = pick(r, m.categories);
    }
    if (r() < m.codeShare) {
      const url = `https://github.com/${(authors[0]?.family ?? 'lab').toLowerCase().replace(/[^a-z0-9-]/g, '') || 'lab'}/${(name ?? body.split(' ')[0] ?? 'code').replace(/[^A-Za-z0-9-]/g, '')}`;
      paper.codeUrl = url;
      paper.codeFlag = true;
      paper.urls = [url];
    }
    papers.push(paper);
  }
  const files: FileReport[] = m.files.map((f) => {
    const c = counts.get(f.file) ?? 0;
    return { file: f.file, format: f.format, evidence: 'synthetic', records: c, papers: c, merged: 0, merges: [], chromeLines: 0 };
  });
  return { version: DATA_VERSION, papers, files };
}
