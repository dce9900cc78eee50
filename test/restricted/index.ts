/** The extensionTestsPath entry of the Restricted Mode suite (test/harness/runRestricted.mjs). */
import * as path from 'node:path';
import { runSuites } from '../integration/runMocha';

export function run(): Promise<void> {
  return runSuites(path.join(__dirname, 'suite'), 'restricted');
}
