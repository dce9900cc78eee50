// Mocha's spec reporter, plus a machine-readable summary in
// test-results/<PAPERLENS_TIER or "unit">.json that .ci/run adds up into its
// final "N passed, N failed" line.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const counts = { passes: 0, failures: 0, pending: 0 };
    runner.on(EVENT_TEST_PASS, () => counts.passes++);
    runner.on(EVENT_TEST_FAIL, () => counts.failures++);
    runner.on(EVENT_TEST_PENDING, () => counts.pending++);
    runner.once(EVENT_RUN_END, () => {
      const dir = path.resolve(process.cwd(), 'test-results');
      fs.mkdirSync(dir, { recursive: true });
      const tier = process.env.PAPERLENS_TIER || 'unit';
      fs.writeFileSync(path.join(dir, `${tier}.json`), JSON.stringify({ tier, ...counts }) + '\n');
    });
  }
}

module.exports = SummaryReporter;
