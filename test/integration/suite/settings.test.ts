import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Setting } from '../../../src/extension/settingKeys';
import { BAD } from '../../support/badSettings';
import { internals, hoverText, open, positionOf, readText, resetFile, until, workspaceFile } from './helpers';

/**
 * Settings of the wrong type or out of range, set the way a user does (in
 * the workspace's settings.json), read through the real configuration API:
 * each falls back to its default, the user is warned once per bad value,
 * and the feature keeps working. Also command arguments no PaperLens UI
 * would pass.
 */

const config = (key: string): [vscode.WorkspaceConfiguration, string] => {
  const dot = key.indexOf('.');
  return [vscode.workspace.getConfiguration(key.slice(0, dot)), key.slice(dot + 1)];
};

/** Sets a setting in the workspace's settings.json for the duration of `body`. */
async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const [c, name] = config(key);
  await c.update(name, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await body();
  } finally {
    await config(key)[0].update(name, undefined, vscode.ConfigurationTarget.Workspace);
  }
}

suite('settings of the wrong type or out of range', () => {
  suiteSetup(async () => {
    await (await internals()).data.getComplete();
  });

  test('every setting has bad values to try', () => {
    assert.deepEqual(Object.keys(BAD).sort(), Object.values(Setting).sort());
  });

  for (const [key, { fallback, cases }] of Object.entries(BAD)) {
    for (const [value, why] of cases) {
      test(`${key} = ${why}: the default ${JSON.stringify(fallback)}, and one warning that says so`, async () => {
        const a = await internals();
        const seen = a.settings.warnings.length;
        await withSetting(key, value, async () => {
          const k = key as keyof typeof BAD;
          assert.deepEqual(a.settings.get(k), fallback);
          assert.deepEqual(a.settings.get(k), fallback);
          // Read twice (and maybe by a feature reacting to the change): warned once.
          const fresh = a.settings.warnings.slice(seen);
          assert.equal(fresh.length, 1, fresh.join('\n'));
          assert.match(fresh[0] ?? '', new RegExp(`^Setting "${key.replace(/\./g, '\\.')}" has an invalid value .* using ${JSON.stringify(fallback).replace(/[[\]{}*.]/g, '\\$&')} instead\\.$`));
        });
      });
    }
  }
});

suite('features keep working with bad settings', () => {
  let md = '';
  let bib = '';
  suiteSetup(async () => {
    await (await internals()).data.getComplete();
    md = await readText(workspaceFile('notes.md'));
    bib = await readText(workspaceFile('references.bib'));
  });
  teardown(async () => {
    await resetFile('notes.md', md);
    await resetFile('references.bib', bib);
  });

  test('insertFormat with an unknown format: Markdown still gets [@key]', async () => {
    await withSetting(Setting.insertFormat, { markdown: 'html' }, async () => {
      const e = await open('notes.md');
      const pos = positionOf(e.document, 'keep only what matters', 'keep only what matters'.length);
      e.selection = new vscode.Selection(pos, pos);
      const r = await vscode.commands.executeCommand<{ key: string }>('paperlens.insertCitation', 'snapkv-llm-knows-what-you-are-looking-for-before-generation');
      assert.match(e.document.getText(), new RegExp(`keep only what matters\\[@${r.key}\\]`));
    });
  });

  test('hover.languages of the wrong type: cards show in every language, as with the default', async () => {
    await withSetting(Setting.hoverLanguages, 'python', async () => {
      for (const [file, needle, offset] of [
        ['model.py', 'class MultiHeadLatentAttention', 10],
        ['paper.tex', 'KV cache the bottleneck', 4],
      ] as const) {
        const e = await open(file);
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, needle, offset));
        assert.match(hoverText(hovers), /command:paperlens\.insertCitation/, file);
      }
    });
  });

  test('hover.enabled of the wrong type: cards still show', async () => {
    await withSetting(Setting.hoverEnabled, 'no', async () => {
      const e = await open('model.py');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'class MultiHeadLatentAttention', 10));
      assert.match(hoverText(hovers), /\*\*MLA\*\*/);
    });
  });

  test('keyFormula and includeAbstract of the wrong type: default keys, entries without the abstract', async () => {
    const a = await internals();
    const hilo = (await a.data.getComplete()).papersById.get('fast-vision-transformers-with-hilo-attention');
    assert.ok(hilo);
    await withSetting(Setting.keyFormula, 'random', () =>
      withSetting(Setting.includeAbstract, 'yes', async () => {
        assert.equal(a.keys.keyOf(hilo.id), 'pan2022fast');
        const entry = await a.formatter.format(hilo, 'bibtex');
        assert.match(entry, /^@inproceedings\{pan2022fast,/);
        assert.doesNotMatch(entry, /abstract/);
      }),
    );
  });

  test('tree.groupBy unknown: the Papers view goes back to grouping by technique', async () => {
    const a = await internals();
    await a.trees.ensureLoaded();
    await withSetting(Setting.treeGroupBy, 'year', async () => {
      await until('grouping by year', () => (a.trees.papers.grouping === 'year' ? true : undefined));
      await config(Setting.treeGroupBy)[0].update('tree.groupBy', 'author', vscode.ConfigurationTarget.Workspace);
      await until('grouping by technique', () => (a.trees.papers.grouping === 'technique' ? true : undefined));
    });
  });
});

suite('command arguments no PaperLens UI passes', () => {
  suiteSetup(async () => {
    await (await internals()).data.getComplete();
  });

  test('paper commands given a number, null, an unknown id or a malformed tree node: nothing happens, nothing throws', async () => {
    const e = await open('paper.tex');
    const before = e.document.getText();
    for (const arg of [42, null, 'no-such-paper', { paper: null }, { paper: { id: 7 } }, ['a']]) {
      for (const cmd of ['paperlens.insertCitation', 'paperlens.copyBibtex', 'paperlens.openDetails', 'paperlens.openOnArxiv']) {
        assert.equal(await vscode.commands.executeCommand(cmd, arg), undefined, `${cmd}(${JSON.stringify(arg)})`);
      }
    }
    assert.equal(e.document.getText(), before);
  });

  test('Open on arXiv with a paper that has no arXiv id says so and opens nothing', async () => {
    const d = await (await internals()).data.getComplete();
    const thin = d.corpus.papers.find((p) => p.arxiv === undefined);
    assert.ok(thin);
    assert.equal(await vscode.commands.executeCommand('paperlens.openOnArxiv', thin.id), undefined);
  });

  test('Open Link opens http(s) only: never a command, a script or a file from paper text', async () => {
    for (const url of ['command:workbench.action.quit', 'javascript:alert(1)', 'file:///etc/passwd', 'vscode://settings', 42, undefined, ' https://x.io']) {
      assert.equal(await vscode.commands.executeCommand('paperlens.openUrl', url), false, String(url));
    }
  });
});
