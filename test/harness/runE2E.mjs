// Drives the real VS Code UI with playwright-core in Debian's Chromium (test/e2e/ui.mjs), saving
// screenshots to media/screenshots/. Writes test-results/e2e.json with one result per step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, freshWorkspace } from './workspace.mjs';

const results = path.join(REPO, 'test-results', 'e2e.json');
fs.rmSync(results, { force: true });
const { ws, cleanup } = freshWorkspace('e2e');
const r = spawnSync(process.execPath, [
  path.join(REPO, 'test', 'harness', 'driver.mjs'),
  `--extensionDevelopmentPath=${REPO}`,
  `--folder=${ws}`,
  `--e2e=${path.join(REPO, 'test', 'e2e', 'ui.mjs')}`,
  `--screenshots=${path.join(REPO, 'media', 'screenshots')}`,
  '--timeout=300',
], { stdio: 'inherit', env: { ...process.env, PAPERLENS_TEST_RESULTS: results } });
cleanup();
process.exit(r.status ?? 1);
