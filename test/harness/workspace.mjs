// A fresh copy of the fixture workspace in a temporary folder, so tests and
// `npm start` never change test/fixtures/workspace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE_WORKSPACE = path.join(REPO, 'test', 'fixtures', 'workspace');

export function freshWorkspace(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `paperlens-${label}-`));
  const ws = path.join(dir, 'paperlens-sample');
  fs.cpSync(FIXTURE_WORKSPACE, ws, { recursive: true });
  return { ws, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
