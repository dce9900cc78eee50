import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/**
 * Files under src/extension that need no vscode say so in their header
 * ("No `vscode` import"), like vscode-eslint's node-utils.ts beside its
 * vscode-utils.ts: they are the ones tested in plain Node. The header and
 * the imports must agree, both ways, and what such a file imports must not
 * bring vscode in either.
 */
suite('src/extension: the files free of vscode say so, and stay so', () => {
  const SAYS_FREE = /\bno[\s*]+`vscode`[\s*]+import\b/i;
  const VSCODE = /from ['"]vscode['"]|require\(['"]vscode['"]\)/;
  const header = (text: string): string => /\/\*[\s\S]*?\*\/|\/\/[^\n]*/.exec(text)?.[0] ?? '';
  const extension = files(join(REPO, 'src', 'extension'));
  const free = extension.filter((f) => SAYS_FREE.test(header(readFileSync(f, 'utf8'))));

  /** The src files a file imports for their values (not `import type`), resolved to paths. */
  const valueImports = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)';/gm)]
      .filter((m) => m[1] === undefined)
      .map((m) => join(dirname(file), `${m[2] ?? ''}.ts`));

  test('a file says it has no vscode import exactly when it has none', () => {
    for (const f of extension) {
      const imports = VSCODE.test(readFileSync(f, 'utf8'));
      assert.equal(free.includes(f), !imports, `${relative(REPO, f)}: ${imports ? 'imports vscode' : 'has no vscode import'}, and its header ${free.includes(f) ? 'says it has none' : 'does not say so'}`);
    }
  });
  test('what those files import does not bring vscode in', () => {
    const seen = new Set<string>();
    const visit = (f: string, from: string): void => {
      if (seen.has(f)) return;
      seen.add(f);
      assert.doesNotMatch(readFileSync(f, 'utf8').replace(/^import\s+type\s[^;]*;/gm, ''), VSCODE, `${relative(REPO, f)}, imported by ${from}`);
      for (const g of valueImports(f)) visit(g, relative(REPO, f));
    };
    for (const f of free) visit(f, relative(REPO, f));
  });
  test('the unit tests import from src/extension only files free of vscode', () => {
    for (const t of files(join(REPO, 'test', 'unit'))) {
      for (const f of valueImports(t).filter((x) => x.startsWith(join(REPO, 'src', 'extension')))) assert.ok(free.includes(f), `${relative(REPO, t)} imports ${relative(REPO, f)}`);
    }
  });
});
