/** The extensionTestsPath entry of the .vsix test: checks the PaperLens installed from the package. */
import * as path from 'node:path';
import { runSuites } from '../integration/runMocha';

export function run(): Promise<void> {
  return runSuites(path.join(__dirname, 'suite'), 'vsix');
}
