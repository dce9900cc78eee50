// Records the citation keys this build ships in metadata/released-keys.json, beside the keys earlier
// releases shipped, so that a citation made with any release keeps resolving when a paper's key
// changes (it gains authors or a year): the build makes every recorded key a former key of its paper.
// Run it when a release lands (see metadata/README.md).
//   npx tsx scripts/releasedKeys.ts [--metadata <papers.jsonl of an earlier release>]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus } from '../src/build/buildData';
import { parseReleasedKeys } from '../src/build/metadata/records';
import { assignKeys } from '../src/core/cite/keys';

const REPO = join(__dirname, '..');
const FILE = join(REPO, 'metadata', 'released-keys.json');
const arg = process.argv.indexOf('--metadata');
const metadata = arg >= 0 ? process.argv[arg + 1] : undefined;
const { corpus } = readCorpus(join(REPO, 'seeds'), metadata ?? join(REPO, 'metadata', 'papers.jsonl'));
const keys = assignKeys(corpus.papers);
const released = existsSync(FILE) ? parseReleasedKeys(readFileSync(FILE, 'utf8'), FILE) : new Map<string, string[]>();
let added = 0;
for (const p of corpus.papers) {
  const key = keys.get(p.id);
  const had = released.get(p.id) ?? [];
  if (key === undefined || had.includes(key)) continue;
  released.set(p.id, [...had, key]);
  added++;
}
// One paper a line, sorted by id, so each release's change is a short diff.
const lines = [...released.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, k]) => `  ${JSON.stringify(id)}: ${JSON.stringify(k)}`);
writeFileSync(FILE, `{\n${lines.join(',\n')}\n}\n`);
process.stderr.write(`${added} keys added; ${released.size} papers in ${FILE}\n`);
