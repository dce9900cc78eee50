// `npm run fuzz`: the property tests (test/unit/*.property.test.ts, and the escaping properties in
// renderSafety.test.ts) with many more runs than CI gives them, from a random seed that is printed
// first. A failure prints fast-check's shrunk
// counterexample and the seed; replay it with PAPERLENS_FUZZ_SEED=<seed> npm run fuzz.
// PAPERLENS_FUZZ_RUNS sets the runs per property (default 5000).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO } from './workspace.mjs';

const env = { ...process.env, PAPERLENS_FUZZ_RUNS: process.env.PAPERLENS_FUZZ_RUNS || '5000' };
const r = spawnSync(
  process.execPath,
  [path.join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--require', 'tsx/cjs', '--ui', 'tdd', '--timeout', '0', 'test/unit/*.property.test.ts', 'test/unit/renderSafety.test.ts'],
  { cwd: REPO, stdio: 'inherit', env },
);
process.exit(r.status ?? 1);
