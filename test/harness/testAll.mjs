// `npm test`: every test tier, in order, even when one fails, then the summary line
// "N passed, N failed" that CI reads. Tiers: typecheck (every tsconfig: the whole project, the
// core without Node or DOM types, esbuild.mjs), lint (ESLint with type information), unit (mocha in Node), integration (mocha
// inside a real VS Code extension host), web (the browser bundle in the web worker extension host),
// damaged (PaperLens with damaged shipped data, in a real VS Code), restricted (an untrusted
// workspace: Restricted Mode), vsix (the packaged extension,
// installed), e2e (the real UI driven by playwright), start (the README's `npm start`, checked
// headless: the URL it prints serves VS Code with PaperLens loaded).
// PAPERLENS_TIERS=unit,integration runs a subset.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './workspace.mjs';

const ALL = ['typecheck', 'lint', 'unit', 'integration', 'damaged', 'restricted', 'web', 'vsix', 'e2e', 'start'];
const tiers = (process.env.PAPERLENS_TIERS ?? ALL.join(',')).split(',').map((t) => t.trim()).filter((t) => ALL.includes(t));
const resultsDir = path.join(REPO, 'test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const run = (label, cmd, args, env = {}) => {
  console.log(`\n== ${label}: ${[cmd, ...args].join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`== ${label}: exit ${r.status ?? r.signal} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status === 0;
};
const record = (tier, ok) => fs.writeFileSync(path.join(resultsDir, `${tier}.json`), `${JSON.stringify({ tier, passes: ok ? 1 : 0, failures: ok ? 0 : 1 })}\n`);

const built = run('build', process.execPath, ['esbuild.mjs', '--tests']);
if (built) {
  if (tiers.includes('typecheck')) {
    const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    const checks = ['tsconfig.json', 'tsconfig.core.json', 'tsconfig.esbuild.json'].map((config) => run(`typecheck ${config}`, process.execPath, [tsc, '--noEmit', '-p', config]));
    record('typecheck', checks.every(Boolean));
  }
  if (tiers.includes('lint')) record('lint', run('lint', process.execPath, [path.join(REPO, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']));
  if (tiers.includes('unit')) run('unit', process.execPath, [path.join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js')], { PAPERLENS_TIER: 'unit' });
  const needsVSCode = ['integration', 'damaged', 'restricted', 'web', 'vsix', 'e2e', 'start'].some((t) => tiers.includes(t));
  const installed = needsVSCode && run('install VS Code (cached)', 'bash', [path.join(REPO, 'test', 'harness', 'install-vscode.sh')]);
  if (installed && tiers.includes('integration')) run('integration', process.execPath, [path.join(REPO, 'test', 'harness', 'runIntegration.mjs')]);
  if (installed && tiers.includes('damaged')) run('damaged', process.execPath, [path.join(REPO, 'test', 'harness', 'runDamaged.mjs')]);
  if (installed && tiers.includes('restricted')) run('restricted', process.execPath, [path.join(REPO, 'test', 'harness', 'runRestricted.mjs')]);
  if (installed && tiers.includes('web')) run('web', process.execPath, [path.join(REPO, 'test', 'harness', 'runWeb.mjs')]);
  if (installed && tiers.includes('vsix')) run('vsix', process.execPath, [path.join(REPO, 'test', 'harness', 'runVsix.mjs')]);
  if (installed && tiers.includes('e2e')) run('e2e', process.execPath, [path.join(REPO, 'test', 'harness', 'runE2E.mjs')]);
  if (installed && tiers.includes('start')) run('start', process.execPath, [path.join(REPO, 'test', 'harness', 'runStart.mjs')]);
}

console.log('\n== summary');
let passed = 0;
let failed = 0;
for (const tier of tiers) {
  const f = path.join(resultsDir, `${tier}.json`);
  if (!fs.existsSync(f)) {
    console.log(`${tier}: no results (the tier crashed or could not run)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(f, 'utf8'));
  console.log(`${tier}: ${r.passes} passed, ${r.failures} failed${r.pending ? `, ${r.pending} skipped` : ''}`);
  passed += r.passes;
  failed += r.failures;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || !built ? 1 : 0);
