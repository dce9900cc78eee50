/**
 * `npm run eval`: relevance figures for search (hit@1, hit@5, MRR) over
 * test/eval/relevance.json, overall and per kind of query; and precision,
 * recall, false-positive and false-negative rates of hover cards over
 * test/eval/hovers.json.
 */
import { loadNodeData } from '../../src/cli/data';
import { hoverFigures, runHoverEval } from './hoverEval';
import { figures, runSearchEval } from './searchEval';

const data = loadNodeData(process.env['PAPERLENS_DATA_DIR'] ?? 'dist/data');
const results = runSearchEval(data.search);
const kinds = [...new Set(results.map((r) => r.q.kind))];
const pct = (x: number): string => x.toFixed(3);
const rows = [...kinds.map((k) => [k, figures(results.filter((r) => r.q.kind === k))] as const), ['all', figures(results)] as const];
console.log('Search relevance (test/eval/relevance.json)\n');
console.log(`${'kind'.padEnd(10)} ${'n'.padStart(3)}  ${'hit@1'.padStart(6)}  ${'hit@5'.padStart(6)}  ${'MRR'.padStart(6)}`);
for (const [k, f] of rows) {
  console.log(`${k.padEnd(10)} ${String(f.n).padStart(3)}  ${pct(f.hit1).padStart(6)}  ${pct(f.hit5).padStart(6)}  ${pct(f.mrr).padStart(6)}`);
}
const misses = results.filter((r) => r.rank === undefined || r.rank > 1);
if (misses.length > 0) {
  console.log('\nnot first:');
  for (const m of misses) console.log(`  [${m.q.kind}] "${m.q.query}": rank ${m.rank ?? '>10'}; top: ${m.top.slice(0, 3).join(', ')}`);
}

const hovers = runHoverEval(data.techniques);
const h = hoverFigures(hovers);
console.log(`\nHover cards (test/eval/hovers.json): ${h.cases} lines, ${h.positives} name a technique, ${h.negatives} must show no card\n`);
console.log(`precision            ${h.precision.toFixed(3)}  (${h.truePositives} right cards, ${h.falsePositives} wrong or unwanted)`);
console.log(`recall               ${h.recall.toFixed(3)}`);
console.log(`false-positive rate  ${h.falsePositiveRate.toFixed(3)}  (no-card lines that got a card)`);
console.log(`false-negative rate  ${h.falseNegativeRate.toFixed(3)}  (technique lines with no card or the wrong one)`);
for (const r of hovers.filter((x) => x.got !== x.c.expect)) {
  console.log(`  [${r.c.lang}] ${r.c.hover}: expected ${r.c.expect ?? 'no card'}, got ${r.got ?? 'no card'}   ${r.c.line.trim()}`);
}
