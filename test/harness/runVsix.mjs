// Packages PaperLens as a .vsix with @vscode/vsce, installs it into the offline VS Code (as a user
// would) and runs test/vsix against the installed copy. Writes test-results/vsix.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, freshWorkspace } from './workspace.mjs';

const results = path.join(REPO, 'test-results', 'vsix.json');
fs.rmSync(results, { force: true });
const pack = spawnSync('npm', ['run', 'package'], { cwd: REPO, stdio: 'inherit' });
if (pack.status !== 0) {
  console.error('npm run package failed');
  process.exit(1);
}
const { ws, cleanup } = freshWorkspace('vsix');
const r = spawnSync(process.execPath, [
  path.join(REPO, 'test', 'harness', 'driver.mjs'),
  `--install-extension=${path.join(REPO, 'paperlens.vsix')}`,
  `--extensionDevelopmentPath=${path.join(REPO, 'test', 'vsix', 'host')}`,
  `--extensionTestsPath=${path.join(REPO, 'out', 'test', 'vsix', 'index.js')}`,
  `--folder=${ws}`,
  '--timeout=240',
], { stdio: 'inherit', env: { ...process.env, PAPERLENS_TEST_RESULTS: results } });
cleanup();
process.exit(r.status ?? 1);
