/**
 * What the benchmark types and hovers: a typing trace for the search quick
 * pick and a ~2,000-line model-code file for hovers. Both are deterministic.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../src/build/buildData';
import type { Corpus, PaperMeta } from '../src/schema/corpus';

/** A full garbage collection, when node runs with --expose-gc (npm run bench does). */
export const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Heap in use: the V8 heap plus typed arrays. */
export const heapNow = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** The real corpus, built from the seed files in `seeds`. */
export function realCorpus(seeds: string): Corpus {
  return readCorpus(seeds).corpus;
}

/** Queries people type into the picker, whatever the corpus: topics, acronyms, typos. */
const FIXED_QUERIES = [
  'kv cache compression',
  'speculatve decodng',
  'MLA',
  'GRPO',
  'moe',
  'vision transformer pruning',
  'mixture of experts routing',
  'diffusion transformr',
  'flash attention',
  'quantization llm',
  'long context',
];

/**
 * The typing trace for a corpus: the fixed queries, plus names found in
 * this corpus (two coined names, two first authors, the start of a title),
 * each typed one character at a time. Returns every keystroke's query.
 *
 * @example
 * typingTrace(papers).slice(0, 3) // => ['k', 'kv', 'kv ']
 */
export function typingTrace(papers: readonly PaperMeta[]): { queries: string[]; keystrokes: string[] } {
  const at = (f: number, ok: (p: PaperMeta) => boolean): PaperMeta | undefined => {
    const start = Math.floor(f * papers.length);
    for (let i = 0; i < papers.length; i++) {
      const p = papers[(start + i) % papers.length] as PaperMeta;
      if (ok(p)) return p;
    }
    return undefined;
  };
  const named = [0.25, 0.75].flatMap((f) => at(f, (p) => p.shortName !== undefined && /^[\p{L}\d-]+$/u.test(p.shortName))?.shortName ?? []);
  const authors = [1 / 3, 2 / 3].flatMap((f) => at(f, (p) => p.authors.length > 0 && p.authors[0]?.given !== undefined)?.authors[0]?.name.toLowerCase() ?? []);
  const title = at(0.5, (p) => p.title.split(' ').length >= 4)
    ?.title.split(' ')
    .slice(0, 4)
    .join(' ')
    .toLowerCase();
  const queries = [...FIXED_QUERIES, ...named, ...authors, ...(title ? [title] : [])];
  return { queries, keystrokes: queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1))) };
}

/**
 * About 2,000 lines of PyTorch model code: the fixture workspace's
 * model.py, repeated twenty times with each copy's classes renamed, as one
 * long modelling file reads.
 *
 * @example
 * modelCode(REPO).split(NEWLINE).length // => about 2,000
 */
export function modelCode(repo: string): string {
  const src = readFileSync(join(repo, 'test', 'fixtures', 'workspace', 'model.py'), 'utf8');
  const copies: string[] = [];
  for (let k = 0; k < 20; k++) copies.push(`# --- variant ${k} ---\n${src.replace(/\bclass (\w+)/g, (_m, name: string) => `class ${name}${k === 0 ? '' : k}`)}`);
  return copies.join('\n');
}

/** Every identifier in the code with the 0-based line and column of its middle: where a hover lands. */
export function hoverPositions(code: string): { line: string; col: number }[] {
  const out: { line: string; col: number }[] = [];
  for (const line of code.split('\n')) {
    for (const m of line.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) out.push({ line, col: (m.index ?? 0) + Math.floor(m[0].length / 2) });
  }
  return out;
}
