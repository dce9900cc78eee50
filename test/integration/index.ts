/** The extensionTestsPath entry of the integration suite: VS Code calls run() in the extension host. */
import * as path from 'node:path';
import { runSuites } from './runMocha';

export function run(): Promise<void> {
  return runSuites(path.join(__dirname, 'suite'), 'integration');
}
