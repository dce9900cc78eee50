/**
 * `npm run eval:code`: hover cards judged on real third-party code, by the
 * rules of ../shared/EVALUATING.md. The packages are pinned in
 * test/eval/realcode/packages.json and fetched from the registries the
 * project uses (npm, Debian) into .eval-cache/ (git-ignored); only the
 * judgements are committed (test/eval/realcode/judgments/*.jsonl).
 *
 * Every card `paperlens scan` would list on every included file is matched
 * to a judgement at its position: correct, wrong-technique (a false card),
 * or right-technique-bad-papers. Cards in non-ML control packages are false
 * by definition. Cards at positions nobody judged yet are counted apart and
 * listed with --unjudged. Recall is over the judged positives.
 *
 *   npm run eval:code                    the tables
 *   npm run eval:code -- --unjudged      also every card no judgement covers, as JSON lines to judge
 *   npm run eval:code -- --misses        also every judged positive without its card
 *   npm run eval:code -- --wrong         also every false card and bad first paper
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadNodeData } from '../../src/cli/data';
import { readUserText } from '../../src/cli/userFile';
import type { PaperData } from '../../src/core/data/load';
import { languageIdForPath } from '../../src/core/techniques/languages';
import type { TechniqueMatch } from '../../src/core/techniques/matcher';

const REPO = join(__dirname, '..', '..');
const HERE = join(__dirname, 'realcode');
const CACHE = join(REPO, '.eval-cache');

export interface PackageSpec {
  name: string;
  registry: 'npm' | 'debian';
  version: string;
  kind: 'ml' | 'readme' | 'control';
  root: string;
  include: string[];
}

export interface Judgement {
  package: string;
  version: string;
  /** Relative to the package's root. */
  file: string;
  /** 1-based, as scan prints. */
  line: number;
  column: number;
  /** The identifier or phrase judged, as written at that position. */
  text: string;
  /** Names the card may carry (the technique's name, an alias or an expansion), or null: no card is right here. */
  expected: string[] | null;
  /** For a technique: ids of papers that introduce it or are centrally about it; the card's first paper should be one. */
  papers?: string[];
  reason: string;
}

export type Verdict = 'correct' | 'wrong-technique' | 'right-technique-bad-papers' | 'unjudged';

export interface Card {
  spec: PackageSpec;
  file: string;
  line: number;
  column: number;
  text: string;
  lineText: string;
  match: TechniqueMatch;
  verdict: Verdict;
  judgement?: Judgement;
  /** Right technique, but no judgement of which papers may head its card. */
  paperUnjudged?: boolean;
}

/** The papers that may head a card for one of these names, from the first the table knows. */
function acceptablePapers(table: ReadonlyMap<string, string[]>, names: readonly string[]): string[] | undefined {
  for (const n of names) {
    const papers = table.get(norm(n));
    if (papers) return papers;
  }
  return undefined;
}

const keyOf = (s: { name: string; version: string }): string => `${s.name}@${s.version}`;
const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Fetches and unpacks a package into .eval-cache/, unless it is there. Returns the package's root folder. */
export function fetchPackage(spec: PackageSpec): string {
  const dir = join(CACHE, spec.registry, keyOf(spec).replace(/[/@]/g, '_'));
  const done = join(dir, '.unpacked');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const run = (cmd: string, args: string[]): void => {
      const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
      if (r.status !== 0) {
        const hint = spec.registry === 'debian' ? ' (Debian packages: run "apt-get update" first; the pinned version must still be in the archive)' : '';
        throw new Error(`${cmd} ${args.join(' ')} failed${hint}:\n${r.stderr || r.stdout || r.error?.message}`);
      }
    };
    if (spec.registry === 'npm') {
      run('npm', ['pack', `${spec.name}@${spec.version}`, '--silent']);
      const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
      if (!tgz) throw new Error(`npm pack ${keyOf(spec)} wrote no tarball`);
      run('tar', ['xzf', tgz]);
    } else {
      run('apt-get', ['download', `${spec.name}=${spec.version}`]);
      const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
      if (!deb) throw new Error(`apt-get download ${keyOf(spec)} wrote no .deb`);
      run('dpkg-deb', ['-x', deb, '.']);
    }
    run('touch', ['.unpacked']);
  }
  return join(dir, spec.root);
}

/** `*` within one folder, `**` across folders. */
function globRe(glob: string): RegExp {
  const re = glob
    .split('/')
    .map((part) => (part === '**' ? '(?:.*/)?' : `${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}/`))
    .join('');
  return new RegExp(`^${re.replace(/\/$/, '').replace(/\(\?:\.\*\/\)\?$/, '.*')}$`);
}

/** The files of a package the evaluation reads, relative to its root, sorted. */
export function packageFiles(root: string, include: readonly string[]): string[] {
  const res = include.map(globRe);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      const st = lstatSync(p); // links (dangling ones in .debs) are not followed
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && res.some((r) => r.test(relative(root, p)))) out.push(relative(root, p));
    }
  };
  walk(root);
  return out;
}

export function loadPackages(): PackageSpec[] {
  return (JSON.parse(readFileSync(join(HERE, 'packages.json'), 'utf8')) as { packages: PackageSpec[] }).packages;
}

/**
 * For each technique: the corpus papers that may head its card (they
 * introduce it or are centrally about it), judged once per technique in
 * test/eval/realcode/techniques.json. Keyed by the normalised name and by
 * the spelled-out form in parentheses ("SAM (Segment Anything Model)").
 */
export function loadFirstPapers(): Map<string, string[]> {
  const table = JSON.parse(readFileSync(join(HERE, 'techniques.json'), 'utf8')) as Record<string, { papers: string[] }>;
  const out = new Map<string, string[]>();
  for (const [name, { papers }] of Object.entries(table)) {
    const m = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
    for (const n of m ? [m[1] ?? '', m[2] ?? ''] : [name]) if (n !== '') out.set(norm(n), papers);
  }
  return out;
}

export function loadJudgements(): Judgement[] {
  const dir = join(HERE, 'judgments');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l, i) => {
          try {
            return JSON.parse(l) as Judgement;
          } catch (e) {
            throw new Error(`${f}:${i + 1}: ${(e as Error).message}`);
          }
        }),
    );
}

/** Whether a card's technique is one of the names a judgement accepts. */
export function namesTechnique(m: TechniqueMatch, expected: readonly string[]): boolean {
  const names = new Set([m.technique.name, ...m.technique.aliases, ...m.technique.expansions].map(norm));
  return expected.some((e) => names.has(norm(e)));
}

export interface PackageResult {
  spec: PackageSpec;
  files: number;
  lines: number;
  cards: Card[];
  /** Judged positives in this package: found (with the right technique) or missed. */
  positives: { judgement: Judgement; found: boolean }[];
}

export function evaluatePackage(spec: PackageSpec, data: PaperData, judgements: readonly Judgement[], firstPapers: ReadonlyMap<string, string[]>): PackageResult {
  const root = fetchPackage(spec);
  const files = packageFiles(root, spec.include);
  const fileSet = new Set(files);
  const mine = judgements.filter((j) => j.package === spec.name && j.version === spec.version && fileSet.has(j.file));
  const byFileLine = new Map<string, Judgement[]>();
  for (const j of mine) byFileLine.set(`${j.file}:${j.line}`, [...(byFileLine.get(`${j.file}:${j.line}`) ?? []), j]);
  const result: PackageResult = { spec, files: files.length, lines: 0, cards: [], positives: [] };
  for (const file of files) {
    const text = readUserText(join(root, file));
    const lines = text.split(/\r\n|\r|\n/);
    result.lines += lines.length;
    const hits = data.techniques.scan(text, languageIdForPath(file));
    for (const h of hits) {
      const line = h.line + 1;
      const lineText = lines[h.line] ?? '';
      const card: Card = { spec, file, line, column: h.column + 1, text: h.text, lineText, match: h, verdict: 'unjudged' };
      // The judgement whose text overlaps the card most.
      let best: { j: Judgement; overlap: number } | undefined;
      for (const j of byFileLine.get(`${file}:${line}`) ?? []) {
        const js = j.column - 1;
        const overlap = Math.min(js + j.text.length, h.end) - Math.max(js, h.start);
        if (overlap > 0 && (!best || overlap > best.overlap)) best = { j, overlap };
      }
      if (spec.kind === 'control') card.verdict = 'wrong-technique';
      if (best) {
        const j = best.j;
        card.judgement = j;
        if (j.expected === null || !namesTechnique(h, j.expected)) card.verdict = 'wrong-technique';
        else {
          const first = h.technique.papers[0]?.id;
          const acceptable = j.papers ?? acceptablePapers(firstPapers, [h.technique.name, ...j.expected]);
          if (acceptable === undefined) card.paperUnjudged = true;
          // Bad papers: the first paper is not an acceptable one, and an acceptable (better) one exists in the corpus.
          card.verdict = acceptable !== undefined && acceptable.length > 0 && (first === undefined || !acceptable.includes(first)) ? 'right-technique-bad-papers' : 'correct';
        }
      }
      result.cards.push(card);
    }
  }
  for (const j of mine) {
    if (j.expected === null) continue;
    // Found: a card over the judged text names the technique (another judgement may have claimed that card).
    const js = j.column - 1;
    const found = result.cards.some(
      (c) => c.file === j.file && c.line === j.line && Math.min(js + j.text.length, c.match.end) > Math.max(js, c.match.start) && namesTechnique(c.match, j.expected ?? []),
    );
    result.positives.push({ judgement: j, found });
  }
  return result;
}

export interface Figures {
  lines: number;
  cards: number;
  judged: number;
  correct: number;
  wrong: number;
  badPapers: number;
  unjudged: number;
  precision: number;
  falsePer1000: number;
  badFirstShare: number;
  positives: number;
  found: number;
  recall: number;
}

export function figuresOf(results: readonly PackageResult[]): Figures {
  const cards = results.flatMap((r) => r.cards);
  const count = (v: Verdict): number => cards.filter((c) => c.verdict === v).length;
  const lines = results.reduce((n, r) => n + r.lines, 0);
  const judged = cards.length - count('unjudged');
  const rightTechnique = count('correct') + count('right-technique-bad-papers');
  const positives = results.flatMap((r) => r.positives);
  return {
    lines,
    cards: cards.length,
    judged,
    correct: count('correct'),
    wrong: count('wrong-technique'),
    badPapers: count('right-technique-bad-papers'),
    unjudged: count('unjudged'),
    precision: judged > 0 ? count('correct') / judged : Number.NaN,
    falsePer1000: lines > 0 ? (1000 * count('wrong-technique')) / lines : 0,
    badFirstShare: rightTechnique > 0 ? count('right-technique-bad-papers') / rightTechnique : 0,
    positives: positives.length,
    found: positives.filter((p) => p.found).length,
    recall: positives.length > 0 ? positives.filter((p) => p.found).length / positives.length : 1,
  };
}

function main(): void {
  const data = loadNodeData(process.env['PAPERLENS_DATA_DIR'] ?? join(REPO, 'dist', 'data'));
  const judgements = loadJudgements();
  const firstPapers = loadFirstPapers();
  const results = loadPackages().map((spec) => evaluatePackage(spec, data, judgements, firstPapers));
  const used = new Set(results.flatMap((r) => r.cards.map((c) => c.judgement)).concat(results.flatMap((r) => r.positives.map((p) => p.judgement))));
  const evaluated = new Set(results.flatMap((r) => packageFiles(fetchPackage(r.spec), r.spec.include).map((f) => `${keyOf(r.spec)}:${f}`)));
  for (const j of judgements) {
    if (!evaluated.has(`${keyOf({ name: j.package, version: j.version })}:${j.file}`)) throw new Error(`judgement for ${j.package} ${j.file}:${j.line}: the file is not in the evaluated set`);
  }
  void used;
  const f3 = (x: number): string => x.toFixed(3);
  const row = (label: string, f: Figures): string[] => [
    label,
    String(f.lines),
    String(f.cards),
    String(f.unjudged),
    Number.isNaN(f.precision) ? '-' : f3(f.precision),
    f.falsePer1000.toFixed(2),
    `${(100 * f.badFirstShare).toFixed(1)}%`,
    f.positives > 0 ? `${f3(f.recall)} (${f.found}/${f.positives})` : '-',
  ];
  const head = ['package', 'lines', 'cards', 'unjudged', 'precision', 'false /1k lines', 'bad first paper', 'recall'];
  const rows = results.map((r) => row(`${keyOf(r.spec)} (${r.spec.kind})`, figuresOf([r])));
  for (const kind of ['ml', 'readme', 'control'] as const) rows.push(row(`all ${kind}`, figuresOf(results.filter((r) => r.spec.kind === kind))));
  const judgedOnly = results.filter((r) => r.spec.kind !== 'control');
  rows.push(row('ML code and READMEs', figuresOf(judgedOnly)));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const judgedCount = judgements.length;
  const negatives = judgements.filter((j) => j.expected === null).length;
  console.log(`Hover cards on real third-party code (test/eval/realcode): ${judgedCount} judged positions, ${negatives} where no card is right.\n`);
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));

  const ml = figuresOf(results.filter((r) => r.spec.kind === 'ml'));
  const all = figuresOf(judgedOnly);
  const controls = figuresOf(results.filter((r) => r.spec.kind === 'control'));
  const targets: [string, boolean][] = [
    ['precision ≥ 0.97 over all judged cards (ML code and READMEs)', all.precision >= 0.97],
    ['≤ 0.5 false cards per 1,000 lines of ML code', ml.falsePer1000 <= 0.5],
    ['0 cards in the non-ML controls', controls.cards === 0],
    ['a sensible first paper in ≥ 95% of right-technique cards', 1 - all.badFirstShare >= 0.95],
    ['recall ≥ 0.9 on judged positives', all.recall >= 0.9],
    ['every card judged', all.unjudged === 0],
  ];
  console.log('');
  for (const [what, ok] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}`);
  const noPaperJudgement = results.flatMap((r) => r.cards).filter((c) => c.paperUnjudged);
  if (noPaperJudgement.length > 0) {
    console.log(`\n${noPaperJudgement.length} right-technique cards have no first-paper judgement (techniques not in techniques.json): ${[...new Set(noPaperJudgement.map((c) => c.match.technique.name))].join(', ')}`);
  }

  const cardLine = (c: Card): string => `${keyOf(c.spec)} ${c.file}:${c.line}:${c.column}  ${c.match.technique.name} <- "${c.text}"  first: ${c.match.technique.papers[0]?.id ?? '-'}\n      ${c.lineText.trim().slice(0, 160)}`;
  if (process.argv.includes('--wrong')) {
    console.log('\nFalse cards and bad first papers:');
    for (const r of results) for (const c of r.cards) if (c.verdict === 'wrong-technique' || c.verdict === 'right-technique-bad-papers') console.log(`  [${c.verdict}] ${cardLine(c)}${c.judgement ? `\n      judged: ${c.judgement.reason}` : ''}`);
  }
  if (process.argv.includes('--misses')) {
    console.log('\nJudged positives without their card:');
    for (const r of results) for (const p of r.positives) if (!p.found) console.log(`  ${keyOf(r.spec)} ${p.judgement.file}:${p.judgement.line}:${p.judgement.column}  "${p.judgement.text}" → ${p.judgement.expected?.join(' | ')}`);
  }
  if (process.argv.includes('--unjudged')) {
    console.log('\nUnjudged cards (JSON lines to judge: fill expected, papers and reason):');
    for (const r of results) {
      for (const c of r.cards) {
        if (c.verdict !== 'unjudged') continue;
        console.log(JSON.stringify({ package: c.spec.name, version: c.spec.version, file: c.file, line: c.line, column: c.column, text: c.text, card: c.match.technique.name, first: c.match.technique.papers[0]?.id, context: c.lineText.trim().slice(0, 200) }));
      }
    }
  }
}

if (require.main === module) main();
