// Adds up the test-results/<tier>.json files that each test tier writes and
// prints the CI summary line "N passed, N failed". Tiers named on the command
// line must have reported; a tier that crashed before reporting counts as one
// failure. Exits non-zero if anything failed.
import { existsSync, readFileSync } from 'node:fs';

const tiers = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const tier of tiers) {
  const file = `test-results/${tier}.json`;
  if (!existsSync(file)) {
    console.log(`${tier}: no results (the tier crashed or did not run)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`${tier}: ${r.passes} passed, ${r.failures} failed${r.pending ? `, ${r.pending} skipped` : ''}`);
  passed += r.passes;
  failed += r.failures;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
