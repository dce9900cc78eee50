// Runs test/damaged in a real VS Code against a copy of PaperLens whose shipped data is damaged:
// once with data from another version (the manifest's version stamp), once with a corrupt file
// (a catalog file cut in half, which its checksum catches), once with a corrupt facts file (read
// after search is ready). Each case checks that PaperLens says so once, in plain words, and
// that VS Code and PaperLens's commands, hovers and views keep working. Writes test-results/damaged.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, freshWorkspace } from './workspace.mjs';

/** A data file cut in half, as a broken download would leave it: its checksum no longer matches. */
function cutInHalf(file) {
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
}

const CASES = [
  {
    name: 'another version',
    damage: (data) => {
      const file = path.join(data, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, JSON.stringify({ ...manifest, version: manifest.version + 1 }));
    },
    expect: 'manifest\\.json has data version \\d+, this PaperLens reads version \\d+',
  },
  {
    name: 'a corrupt file',
    damage: (data) => cutInHalf(path.join(data, 'papers-000.json')),
    expect: 'papers-000\\.json is damaged \\(its checksum does not match manifest\\.json\\)',
  },
  {
    // Search gets ready; the papers' authors, dates and keys then cannot be read, so nothing may be cited.
    name: 'a corrupt facts file',
    damage: (data) => cutInHalf(path.join(data, 'facts-000.json')),
    expect: 'facts-000\\.json is damaged \\(its checksum does not match manifest\\.json\\)',
  },
];

const resultsDir = path.join(REPO, 'test-results');
const results = path.join(resultsDir, 'damaged.json');
fs.rmSync(results, { force: true });
const total = { tier: 'damaged', tests: 0, passes: 0, failures: 0, pending: 0 };
let code = 0;
for (const c of CASES) {
  console.log(`\n-- damaged data: ${c.name}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'paperlens-damaged-'));
  const ext = path.join(tmp, 'paperlens');
  fs.mkdirSync(ext);
  for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'media']) fs.cpSync(path.join(REPO, f), path.join(ext, f), { recursive: true });
  fs.mkdirSync(path.join(ext, 'dist'));
  fs.cpSync(path.join(REPO, 'dist', 'extension.js'), path.join(ext, 'dist', 'extension.js'));
  fs.cpSync(path.join(REPO, 'dist', 'data'), path.join(ext, 'dist', 'data'), { recursive: true });
  c.damage(path.join(ext, 'dist', 'data'));
  const out = path.join(tmp, 'results.json');
  const { ws, cleanup } = freshWorkspace('damaged');
  const r = spawnSync(process.execPath, [
    path.join(REPO, 'test', 'harness', 'driver.mjs'),
    `--extensionDevelopmentPath=${ext}`,
    `--extensionTestsPath=${path.join(REPO, 'out', 'test', 'damaged', 'index.js')}`,
    `--folder=${ws}`,
    '--timeout=240',
  ], { stdio: 'inherit', env: { ...process.env, PAPERLENS_TEST_RESULTS: out, PAPERLENS_DAMAGE: c.name, PAPERLENS_DAMAGE_EXPECT: c.expect } });
  cleanup();
  if (r.status !== 0) code = 1;
  if (fs.existsSync(out)) {
    const s = JSON.parse(fs.readFileSync(out, 'utf8'));
    for (const k of ['tests', 'passes', 'failures', 'pending']) total[k] += s[k] ?? 0;
  } else {
    total.failures += 1;
    code = 1;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(results, `${JSON.stringify(total)}\n`);
process.exit(code);
