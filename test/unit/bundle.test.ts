import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

/**
 * The extension bundles hold only what runs: built in memory with the
 * options esbuild.mjs ships them with (minified, as `--production`), they
 * take in nothing from the build side, the zod schemas or zod, and the Node
 * bundle stays small. Names an importer of anything that should not be there.
 */

const REPO = join(__dirname, '..', '..');
const MAX_BYTES = 200 * 1024;

/** Inputs a run-time bundle must not take in, by path relative to the repository. */
const FORBIDDEN: [pattern: RegExp, what: string][] = [
  [/^src\/build\//, 'build-only code (src/build)'],
  [/^src\/schema\//, 'the zod schemas (src/schema)'],
  [/(^|\/)node_modules\/zod\//, 'zod'],
];

type Bundles = Record<'extension' | 'web' | 'cli', esbuild.BuildOptions>;

interface Built {
  bytes: number;
  metafile: esbuild.Metafile;
}

async function build(options: esbuild.BuildOptions): Promise<Built> {
  const r = await esbuild.build({ ...options, absWorkingDir: REPO, write: false, metafile: true, logLevel: 'silent' });
  return { bytes: r.outputFiles.reduce((n, f) => n + f.contents.length, 0), metafile: r.metafile };
}

const forbidden = (path: string): string | undefined => FORBIDDEN.find(([pattern]) => pattern.test(path))?.[1];

suite('bundle: the extension holds only what runs', () => {
  const built = new Map<string, Built>();

  suiteSetup(async () => {
    const { bundleOptions } = (await import(pathToFileURL(join(REPO, 'esbuild.mjs')).href)) as { bundleOptions: (production: boolean) => Bundles };
    const { extension, web } = bundleOptions(true);
    assert.equal(extension.minify, true);
    assert.deepEqual(extension.external, ['vscode']);
    assert.equal(web.platform, 'browser');
    const [node, browser] = await Promise.all([build(extension), build(web)]);
    built.set('extension (Node)', node);
    built.set('web extension', browser);
  });

  for (const name of ['extension (Node)', 'web extension']) {
    test(`${name}: nothing from src/build, src/schema or zod`, () => {
      const { inputs } = (built.get(name) as Built).metafile;
      // Where the bundle crosses into them: an import from an input that may be there.
      const crossings = Object.entries(inputs)
        .filter(([path]) => forbidden(path) === undefined)
        .flatMap(([path, input]) => input.imports.filter((i) => forbidden(i.path) !== undefined).map((i) => `${path} imports ${i.path}: ${forbidden(i.path)}`));
      assert.deepEqual(crossings, []);
      assert.deepEqual(Object.keys(inputs).filter((path) => forbidden(path) !== undefined), []);
    });
  }

  test(`extension (Node): minified, at most ${MAX_BYTES / 1024} KB`, () => {
    const { bytes } = built.get('extension (Node)') as Built;
    assert.ok(bytes <= MAX_BYTES, `dist/extension.js would be ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB), over ${MAX_BYTES / 1024} KB`);
  });
});
