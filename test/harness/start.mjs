// `npm start`: PaperLens in a real VS Code with the sample workspace. Uses a desktop `code` when
// one is on the PATH; otherwise the offline code-server from install-vscode.sh in the browser.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO, freshWorkspace } from './workspace.mjs';

const { ws } = freshWorkspace('start');
const hasCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0 && process.env.PAPERLENS_BROWSER !== '1';
if (hasCode) {
  console.log(`Opening the sample workspace (${ws}) in VS Code with PaperLens under development.`);
  process.exit(spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${REPO}`, ws], { stdio: 'inherit' }).status ?? 0);
}
const r = spawnSync(process.execPath, [path.join(REPO, 'test', 'harness', 'driver.mjs'), '--serve', `--extensionDevelopmentPath=${REPO}`, `--folder=${ws}`], {
  stdio: 'inherit',
});
process.exit(r.status ?? 0);
