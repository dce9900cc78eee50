/**
 * The extensionTestsPath entry for the web worker extension host (the host
 * vscode.dev and github.dev run extensions in). No Node here: mocha's
 * browser build is bundled in, and the driver reads the summary line.
 */
import 'mocha/mocha';
import './setup';
import './suite/web.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        console.log(`__MOCHA_SUMMARY__${JSON.stringify({ tests: s?.tests ?? 0, passes: s?.passes ?? 0, failures: s?.failures ?? 0, pending: s?.pending ?? 0 })}`);
        if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
        else resolve();
      });
    } catch (e) {
      console.log(`__MOCHA_SUMMARY__${JSON.stringify({ tests: 0, passes: 0, failures: 1, error: String(e) })}`);
      reject(e);
    }
  });
}
