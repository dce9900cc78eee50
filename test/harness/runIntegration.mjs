// Runs the integration suite (test/integration) inside a real VS Code extension host through
// @vscode/test-electron's runTests(). Offline (default): VS Code is the code-server 1.139 that
// install-vscode.sh provides, launched by vscode-launcher.sh + driver.mjs. On a machine that can
// download VS Code, PAPERLENS_DESKTOP=1 lets test-electron fetch and run a desktop build instead:
// the same suite either way.
import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, freshWorkspace } from './workspace.mjs';

const desktop = process.env.PAPERLENS_DESKTOP === '1';
const extensionTestsPath = path.join(REPO, 'out', 'test', 'integration', 'index.js');
if (!fs.existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} is missing: run "node esbuild.mjs --tests" first`);
  process.exit(2);
}
const results = path.join(REPO, 'test-results', 'integration.json');
fs.rmSync(results, { force: true });
const { ws, cleanup } = freshWorkspace('integration');
let code = 0;
try {
  await runTests({
    ...(desktop ? { version: '1.139.0' } : { vscodeExecutablePath: path.join(REPO, 'test', 'harness', 'vscode-launcher.sh') }),
    extensionDevelopmentPath: REPO,
    extensionTestsPath,
    launchArgs: [ws, '--disable-extensions', '--timeout=240'],
    extensionTestsEnv: { PAPERLENS_TEST_RESULTS: results },
  });
} catch (e) {
  console.error(`integration tests failed: ${e.message}`);
  code = 1;
} finally {
  cleanup();
}
process.exit(code);
