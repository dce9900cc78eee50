/** The extensionTestsPath entry of the damaged-data test (test/harness/runDamaged.mjs). */
import * as path from 'node:path';
import { runSuites } from '../integration/runMocha';

export function run(): Promise<void> {
  return runSuites(path.join(__dirname, 'suite'), 'damaged');
}
