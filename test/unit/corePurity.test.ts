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

/** A file's imports: the module named, and whether the statement is `import type` / `export type`. */
function importsOf(text: string): { from: string; typeOnly: boolean }[] {
  const statements = [...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/gm)];
  const calls = [...text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]/g)];
  return [...statements.map((m) => ({ from: m[2] as string, typeOnly: m[1] !== undefined })), ...calls.map((m) => ({ from: m[1] as string, typeOnly: false }))];
}


/** What runs in the extension and the CLI: the build side and the zod schemas stay out of it. */
suite('run-time code stays apart from the build side', () => {
  const runTime = [...files(join(REPO, 'src', 'core')), ...files(join(REPO, 'src', 'extension')), ...files(join(REPO, 'src', 'cli')), join(REPO, 'src', 'cli.ts')];
  const imports = runTime.flatMap((f) =>
    importsOf(readFileSync(f, 'utf8'))
      .filter((i) => i.from.startsWith('.'))
      .map((i) => ({ file: relative(REPO, f), target: relative(REPO, join(f, '..', i.from)), typeOnly: i.typeOnly })),
  );
  test('imports nothing from src/build', () => {
    assert.deepEqual(imports.filter((i) => i.target.startsWith('src/build/')).map((i) => `${i.file} imports ${i.target}`), []);
  });
  test('imports from src/schema only with import type', () => {
    const schema = imports.filter((i) => i.target.startsWith('src/schema/'));
    assert.ok(schema.length >= 10, `found only ${schema.length} imports of src/schema: is the scan broken?`);
    assert.deepEqual(schema.filter((i) => !i.typeOnly).map((i) => `${i.file} imports ${i.target} without "import type"`), []);
  });
});
