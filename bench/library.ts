/**
 * `npm run bench:library`: the user's library at 10,000 and 50,000 entries,
 * with the real corpus loaded beside it. The libraries are made from the
 * .bib files Debian's TeX Live ships (Nelson Beebe's bibliographies and
 * others, about 9,000 entries), repeated with renamed keys to the size.
 *
 * Measured as the extension runs it: reading and indexing a file in
 * slices (its total time and longest slice, the heap it adds), a keystroke
 * over the library and the corpus together (fused), and reading a file
 * again after an edit to one entry. Budgets from the issue: searchable
 * within 1 s, at most 50 MB more heap, no slice over 50 ms, keystroke p95
 * within 2 ms, an edit searchable again within 100 ms.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadPaperDataSync } from '../src/core/data/load';
import { BibtexCache, parseBibtexNow } from '../src/core/library/bibtex';
import { readLibraryText } from '../src/core/library/read';
import { LibraryReferences } from '../src/core/library/references';
import { LibrarySearch } from '../src/core/library/search';
import { type SliceStats, runSliced } from '../src/core/util/sliced';
import { ms, summarize, table, time } from './stats';
import { gc, heapNow, typingTrace } from './workload';

const TEXLIVE = '/usr/share/texlive/texmf-dist/bibtex/bib';
const REPO = join(__dirname, '..');

function bibFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? bibFiles(p) : p.endsWith('.bib') ? [p] : [];
  });
}

/** A .bib text of about `n` entries: the Debian files' entries, repeated with each copy's keys renamed. */
function libraryOf(n: number, sources: readonly string[]): string {
  const entries = sources.flatMap((t) => t.split(/\n(?=@)/).filter((b) => /^@(?!string|comment|preamble)/i.test(b)));
  const strings = sources.flatMap((t) => t.split(/\n(?=@)/).filter((b) => /^@string/i.test(b)));
  const out: string[] = [...strings];
  for (let copy = 0; out.length - strings.length < n; copy++) {
    for (const e of entries) {
      if (out.length - strings.length >= n) break;
      out.push(copy === 0 ? e : e.replace(/^(@\w+\s*[{(]\s*)([^,\s]+)/, (_m, head: string, key: string) => `${head}${key}-${copy}`));
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const files = bibFiles(TEXLIVE);
  if (files.length === 0) throw new Error(`no .bib files under ${TEXLIVE}; install texlive-bibtex-extra`);
  const sources = files.map((f) => readFileSync(f, 'utf8'));
  const data = loadPaperDataSync({ readSync: (name) => readFileSync(join(REPO, 'dist', 'data', name), 'utf8') });
  const corpus = (q: string, n: number) => data.search.search(q, { limit: n });
  const keystrokes = [...typingTrace(data.corpus.papers).keystrokes, ...['knuth', 'tugboat typesetting', 'metafont', 'lamport latex', 'beebe 1990', 'font design'].flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)))];
  const rows: string[][] = [];
  for (const size of [10_000, 50_000]) {
    const text = libraryOf(size, sources);
    gc();
    const heap0 = heapNow();
    const stats: SliceStats = { longestSliceMs: 0, yields: 0 };
    const t0 = performance.now();
    const lib = new LibrarySearch();
    const cache = new BibtexCache();
    const parsed = await runSliced(readLibraryText(text, 'library.bib', cache), { stats });
    const parseMs = performance.now() - t0;
    await runSliced(lib.setFile(parsed), { stats });
    const ready = performance.now() - t0;
    const refs = new LibraryReferences(lib, data.corpus.papers);
    refs.search('warm up', corpus);
    gc();
    const heap = (heapNow() - heap0) / 1024 / 1024;
    const times = keystrokes.map((q) => {
      const k0 = performance.now();
      refs.search(q, corpus, 40);
      return performance.now() - k0;
    });
    const keys = summarize(times);
    // An edit to one entry: the file is read and indexed again, as the extension does on a change.
    const edited = text.replace(/title\s*=\s*[{"]/, (m) => `${m}Edited `);
    const editStats: SliceStats = { longestSliceMs: 0, yields: 0 };
    const e0 = performance.now();
    await runSliced(lib.setFile(await runSliced(readLibraryText(edited, 'library.bib', cache), { stats: editStats })), { stats: editStats });
    const edit = performance.now() - e0;
    const label = `${parsed.entries.length.toLocaleString('en-US')} entries (${(text.length / 1e6).toFixed(1)} MB)`;
    rows.push([label, `searchable after (read ${ms(parseMs)}, index ${ms(ready - parseMs)})`, ms(ready), '1000', ready <= 1000 ? 'PASS' : 'FAIL']);
    rows.push([label, 'heap added (MB)', heap.toFixed(1), '50', heap <= 50 ? 'PASS' : 'FAIL']);
    rows.push([label, 'longest slice', ms(Math.max(stats.longestSliceMs, editStats.longestSliceMs)), '50', Math.max(stats.longestSliceMs, editStats.longestSliceMs) <= 50 ? 'PASS' : 'FAIL']);
    rows.push([label, `keystroke p50 / p95 (${times.length} keys, with the corpus)`, `${ms(keys.median)} / ${ms(keys.p95)}`, '2 (p95)', keys.p95 <= 2 ? 'PASS' : 'FAIL']);
    rows.push([label, 'an edit searchable again', ms(edit), '100', edit <= 100 ? 'PASS' : 'FAIL']);
  }
  // Why PaperLens reads BibTeX itself: the same 1,000 and 2,000 entries through Better BibTeX's parser.
  const { parse } = await import('@retorquere/bibtex-parser');
  const parserRows: string[][] = [];
  for (const size of [1_000, 2_000]) {
    const text = libraryOf(size, sources);
    const ours = summarize(time(() => parseBibtexNow(text, 'library.bib'), 3));
    const theirs = summarize(time(() => parse(text), 1, 0));
    parserRows.push([`${size.toLocaleString('en-US')} entries (${(text.length / 1e6).toFixed(2)} MB)`, ms(ours.median), ms(theirs.median), `${(theirs.median / ours.median).toFixed(0)}×`]);
  }
  console.log(`\nReading BibTeX: PaperLens's parser and @retorquere/bibtex-parser (Better BibTeX's), on the same text.\n`);
  console.log(table(['library', 'PaperLens (ms)', '@retorquere/bibtex-parser (ms)', 'ratio'], parserRows));
  console.log(`\nThe user's library beside the corpus (${data.corpus.papers.length} papers); libraries made from ${files.length} .bib files of Debian's TeX Live.\n`);
  console.log(table(['library', 'measure', 'ms (or MB)', 'budget', ''], rows));
}

void main();
