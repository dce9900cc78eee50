import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, HOVER_COMMANDS, View } from '../../src/extension/constants';
import { Setting } from '../../src/extension/settingKeys';
import { REPO } from '../support/realCorpus';

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string; icon: string }[];
    configuration: { properties: Record<string, { markdownDescription?: string; scope?: string; order?: number; enum?: unknown[]; enumDescriptions?: unknown[] }> };
    views: Record<string, { id: string }[]>;
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Manifest;

/** package.json must repeat the ids the code registers; these tests keep the two in step. */
suite('manifest: package.json agrees with the code', () => {
  test('every command in the code is contributed, and nothing else', () => {
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), Object.values(Command).sort());
  });
  test('every command has the PaperLens category and a codicon', () => {
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'PaperLens', c.command);
      assert.match(c.icon, /^\$\([a-z-]+\)$/, c.command);
    }
  });
  test('every setting in the code is contributed with a markdown description, a scope and an order', () => {
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), Object.values(Setting).sort());
    for (const [key, p] of Object.entries(props)) {
      assert.ok(p.markdownDescription && p.markdownDescription.length > 40, key);
      assert.ok(p.scope, key);
      assert.ok(typeof p.order === 'number', key);
      if (p.enum) assert.equal(p.enumDescriptions?.length, p.enum.length, key);
    }
  });
  test('views and menus name only our views and commands', () => {
    const views = Object.values(pkg.contributes.views).flat().map((v) => v.id);
    assert.deepEqual(views.sort(), [View.papers, View.techniques].sort());
    const ids = new Set<string>(Object.values(Command));
    for (const items of Object.values(pkg.contributes.menus)) for (const m of items) assert.ok(ids.has(m.command), m.command);
  });
  test('hover cards may only run commands that exist', () => {
    for (const c of HOVER_COMMANDS) assert.ok(pkg.contributes.commands.some((x) => x.command === c), c);
  });
  test('engines.vscode matches the VS Code the tests run; the types are not newer', () => {
    assert.equal(pkg.engines.vscode, '^1.139.0');
    const types = pkg.devDependencies['@types/vscode'] ?? '';
    const minor = Number(/1\.(\d+)/.exec(types)?.[1]);
    assert.ok(minor <= 139, `@types/vscode ${types} is newer than the engine`);
  });
  test('the walkthrough has three steps, each with an action and an image that exists', () => {
    const w = (pkg.contributes as unknown as { walkthroughs: { steps: { description: string; media: { image: string } }[] }[] }).walkthroughs;
    assert.equal(w.length, 1);
    assert.equal(w[0]?.steps.length, 3);
    for (const s of w[0]?.steps ?? []) {
      assert.match(s.description, /\]\(command:[\w.]+\)/);
      assert.ok(existsSync(join(REPO, s.media.image)), s.media.image);
    }
  });
  test('the package ships the web bundle too', () => {
    assert.equal((pkg as unknown as { browser: string }).browser, './dist/web/extension.js');
  });
  test('activation is lazy: no "*"', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
  });
  test('the README tables match package.json', async () => {
    const { withTables } = (await import(join(REPO, 'scripts', 'readmeTables.mjs'))) as { withTables: (r: string, p: unknown) => string };
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    assert.equal(withTables(readme, pkg), readme, 'run: node scripts/readmeTables.mjs');
  });
});
