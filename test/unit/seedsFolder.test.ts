import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO, SEED_DIR } from '../support/realCorpus';

/** The project's seeds/ is a byte-for-byte copy of the shared seeds. */
suite('seeds folder', () => {
  const shared = resolve(process.env['PAPERLENS_SHARED_SEEDS'] ?? join(REPO, '..', 'shared', 'seeds'));

  test('is byte-for-byte identical to ../shared/seeds', function () {
    if (!existsSync(shared)) this.skip(); // CI machines without ../shared still run the checksum test below
    const ours = readdirSync(SEED_DIR).sort();
    const theirs = readdirSync(shared).sort();
    assert.deepEqual(ours, theirs, 'same file names');
    for (const f of ours) assert.ok(readFileSync(join(SEED_DIR, f)).equals(readFileSync(join(shared, f))), `${f} differs`);
  });

  test('matches the recorded SHA-256 checksums of the shared seeds', () => {
    const lines = readFileSync(join(REPO, 'test', 'fixtures', 'seeds.sha256'), 'utf8').trim().split('\n');
    const recorded = new Map(lines.map((l) => [l.slice(66), l.slice(0, 64)]));
    assert.deepEqual(readdirSync(SEED_DIR).sort(), [...recorded.keys()].sort());
    for (const [f, sum] of recorded) {
      assert.equal(createHash('sha256').update(readFileSync(join(SEED_DIR, f))).digest('hex'), sum, f);
    }
  });
});
