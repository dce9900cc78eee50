import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO } from '../support/realCorpus';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** src/core runs in Node, in the extension host, in a web worker and in the CLI. */
suite('src/core stays portable', () => {
  const core = files(join(REPO, 'src', 'core'));
  test('has no vscode import', () => {
    for (const f of core) assert.doesNotMatch(readFileSync(f, 'utf8'), /from ['"]vscode['"]|require\(['"]vscode['"]\)/, relative(REPO, f));
  });
  test('has no Node-only import', () => {
    for (const f of core) {
      assert.doesNotMatch(readFileSync(f, 'utf8'), /from ['"](node:|fs|path|os|crypto|child_process)['"/]/, relative(REPO, f));
    }
  });
});
