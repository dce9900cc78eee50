// Runs test/web in VS Code's web worker extension host (the host of vscode.dev and github.dev), in
// Chromium, with the same offline code-server: the extension's `browser` bundle, no Node.js.
// Writes test-results/web.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, freshWorkspace } from './workspace.mjs';

const results = path.join(REPO, 'test-results', 'web.json');
fs.rmSync(results, { force: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlens-web-'));
const summary = path.join(tmp, 'summary.json');
// In code-server the workbench would run an extension with both `main` and `browser` in the remote
// Node host; this user setting puts PaperLens in the web worker host, as vscode.dev does.
const settings = path.join(tmp, 'settings.json');
fs.writeFileSync(settings, JSON.stringify({ 'remote.extensionKind': { 'paperlens.paperlens': ['web'] } }));
const { ws, cleanup } = freshWorkspace('web');
const r = spawnSync(process.execPath, [
  path.join(REPO, 'test', 'harness', 'driver.mjs'),
  `--extensionDevelopmentPath=${REPO}`,
  '--extensionDevelopmentKind=web',
  `--extensionTestsPath=${path.join(REPO, 'out', 'test', 'web', 'index.js')}`,
  `--folder=${ws}`,
  `--summary-json=${summary}`,
  `--settings=${settings}`,
  '--timeout=240',
], { stdio: 'inherit' });
cleanup();
const m = fs.existsSync(summary) ? JSON.parse(fs.readFileSync(summary, 'utf8')).mocha : undefined;
if (m) {
  fs.mkdirSync(path.dirname(results), { recursive: true });
  fs.writeFileSync(results, `${JSON.stringify({ tier: 'web', passes: m.passes, failures: m.failures, pending: m.pending ?? 0 })}\n`);
}
process.exit(r.status ?? 1);
