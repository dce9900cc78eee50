import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/**
 * Runs every `*.test.js` in a folder with mocha inside the extension host,
 * prints the summary line the offline driver reads, and writes
 * $PAPERLENS_TEST_RESULTS (test-results/<tier>.json) for .ci/run.
 */
export function runSuites(dir: string, tier: string): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...a: unknown[]) => console.log(util.format(...a));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000 });
  const grep = process.env['MOCHA_GREP'];
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats;
      const summary = { tests: s?.tests ?? 0, passes: s?.passes ?? 0, failures: s?.failures ?? 0, pending: s?.pending ?? 0 };
      console.log(`__MOCHA_SUMMARY__${JSON.stringify(summary)}`);
      const out = process.env['PAPERLENS_TEST_RESULTS'];
      if (out) {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, `${JSON.stringify({ tier, ...summary })}\n`);
      }
      if (failures > 0) reject(new Error(`${failures} ${tier} test(s) failed`));
      else resolve();
    });
  });
}
