// Builds PaperLens: first the corpus data (seeds → validated corpus + search
// index), then the extension and CLI bundles. Type checking is separate:
// `npm run typecheck` (tsc --noEmit).
//
//   node esbuild.mjs               data + bundles
//   node esbuild.mjs --production  minified bundles, no source maps
//   node esbuild.mjs --watch       rebuild bundles on change
//   node esbuild.mjs --data-only   only the corpus data
//   node esbuild.mjs --tests       also the integration tests that run inside VS Code (out/test)
//
// Imported (test/unit/bundle.test.ts), it builds nothing and gives the bundles' options.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const dataOnly = process.argv.includes('--data-only');
const tests = process.argv.includes('--tests');

/** Prints esbuild errors in the shape of VS Code's $esbuild-watch problem matcher. @type {esbuild.Plugin} */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * Options every bundle shares: minified, without source maps, for production.
 * @param {boolean} production
 * @returns {esbuild.BuildOptions}
 */
const commonOptions = (production) => ({
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
});
const common = commonOptions(production);

async function buildData() {
  await esbuild.build({ ...common, entryPoints: ['src/build/buildData.ts'], outfile: 'out/build-data.cjs', minify: false });
  try {
    execFileSync(process.execPath, ['--enable-source-maps', 'out/build-data.cjs', 'seeds', 'dist/data'], { stdio: 'inherit' });
  } catch {
    console.error('corpus build failed');
    process.exit(1);
  }
}

/**
 * For the browser bundles: a module with a `.web.ts` twin (`diskAccess.ts` and
 * `diskAccess.web.ts`) is replaced by the twin, which has no Node imports.
 * @type {esbuild.Plugin}
 */
export const webTwins = {
  name: 'web-twins',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const twin = resolve(dirname(args.importer), `${args.path}.web.ts`);
      return existsSync(twin) ? { path: twin } : undefined;
    });
  },
};

/**
 * The shipped bundles: the extension, the web extension and the CLI.
 *
 * @example
 * const { extension } = bundleOptions(true);
 * await esbuild.build({ ...extension, write: false, metafile: true });
 * @param {boolean} production
 * @returns {{ extension: esbuild.BuildOptions, web: esbuild.BuildOptions, cli: esbuild.BuildOptions }}
 */
export function bundleOptions(production) {
  const common = commonOptions(production);
  return {
    extension: { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
    // The web extension (vscode.dev, github.dev): the same code for the web worker extension host.
    // platform "browser" makes any Node-only import a build error.
    web: { ...common, platform: 'browser', target: 'es2022', entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], plugins: [webTwins] },
    cli: { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  };
}
const bundles = Object.values(bundleOptions(production));

/** The suites that run inside VS Code's Node extension host: bundled per file; mocha and vscode come from the host. @param {string} dir */
const suiteFiles = (dir) => readdirSync(`${dir}/suite`).filter((f) => f.endsWith('.test.ts')).map((f) => `${dir}/suite/${f}`);
/** @returns {esbuild.BuildOptions} */
const testBundle = () => ({
  ...common,
  minify: false,
  entryPoints: ['test/integration/index.ts', ...suiteFiles('test/integration'), 'test/vsix/index.ts', ...suiteFiles('test/vsix'), 'test/damaged/index.ts', ...suiteFiles('test/damaged'), 'test/restricted/index.ts', ...suiteFiles('test/restricted')],
  outdir: 'out/test',
  outbase: 'test',
  external: ['vscode', 'mocha'],
});

async function main() {
  if (!watch) rmSync(dataOnly ? 'dist/data' : 'dist', { recursive: true, force: true });
  await buildData();
  if (dataOnly) return;
  if (watch) {
    const contexts = await Promise.all(bundles.map((b) => esbuild.context({ ...b, plugins: [...(b.plugins ?? []), problemMatcher] })));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(bundles.map((b) => esbuild.build(b)));
  if (tests) {
    rmSync('out/test', { recursive: true, force: true });
    await esbuild.build(testBundle());
    // The web suite: one browser bundle with mocha's browser build inside.
    await esbuild.build({ ...common, minify: false, platform: 'browser', target: 'es2022', entryPoints: ['test/web/index.ts'], outfile: 'out/test/web/index.js', external: ['vscode'], plugins: [webTwins] });
  }
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
