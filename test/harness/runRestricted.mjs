// Runs test/restricted in a real VS Code whose workspace is not trusted (Restricted Mode): workspace
// trust on, never granted. Writes test-results/restricted.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, freshWorkspace } from './workspace.mjs';

const results = path.join(REPO, 'test-results', 'restricted.json');
fs.rmSync(results, { force: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlens-restricted-'));
const summary = path.join(tmp, 'summary.json');
const { ws, cleanup } = freshWorkspace('restricted');
const r = spawnSync(process.execPath, [
  path.join(REPO, 'test', 'harness', 'driver.mjs'),
  `--extensionDevelopmentPath=${REPO}`,
  `--extensionTestsPath=${path.join(REPO, 'out', 'test', 'restricted', 'index.js')}`,
  `--folder=${ws}`,
  `--summary-json=${summary}`,
  '--restricted',
  '--timeout=240',
], { stdio: 'inherit', env: { ...process.env, PAPERLENS_TEST_RESULTS: path.join(tmp, 'mocha.json') } });
cleanup();
const m = fs.existsSync(summary) ? JSON.parse(fs.readFileSync(summary, 'utf8')).mocha : undefined;
if (m) {
  fs.mkdirSync(path.dirname(results), { recursive: true });
  fs.writeFileSync(results, `${JSON.stringify({ tier: 'restricted', passes: m.passes, failures: m.failures, pending: m.pending ?? 0 })}\n`);
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(r.status ?? 1);
