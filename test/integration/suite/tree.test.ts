import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { internals, until } from './helpers';

suite('sidebar tree', () => {
  test('Papers, grouped by technique, year and source', async () => {
    const a = await internals();
    await a.trees.ensureLoaded();
    const p = a.trees.papers;
    a.trees.setGrouping('technique');
    // "Your library" comes first when the workspace has one (the fixture does); the groups follow.
    const top = p.getChildren();
    assert.equal(top[0]?.kind, 'library');
    const groups = top.filter((n) => n.kind !== 'library');
    assert.ok(groups.length > 10);
    const first = groups[0];
    assert.equal(first?.kind, 'group');
    const item = p.getTreeItem(first as never);
    const papers = p.getChildren(first);
    const second = groups[1];
    assert.ok(second && papers.length >= p.getChildren(second).length, `the technique most papers discuss comes first: ${String(item.label)}`);
    assert.ok(papers.length > 5 && papers.every((n) => n.kind === 'paper'));

    a.trees.setGrouping('year');
    const years = p.getChildren().filter((n) => n.kind !== 'library').map((g) => p.getTreeItem(g).label);
    assert.equal(years[0], '2025');
    assert.equal(years[years.length - 1], 'Year not listed');

    a.trees.setGrouping('source');
    assert.equal(p.getChildren().filter((n) => n.kind !== 'library').length, 5);
    a.trees.setGrouping('technique');
  });

  test('a paper expands to its details, with its citation key', async () => {
    const a = await internals();
    const p = a.trees.papers;
    a.trees.setGrouping('year');
    const y2022 = p.getChildren().find((g) => p.getTreeItem(g).label === '2022');
    const hilo = p.getChildren(y2022).find((n) => n.kind === 'paper' && n.paper.id === 'fast-vision-transformers-with-hilo-attention');
    assert.ok(hilo);
    const item = p.getTreeItem(hilo);
    assert.equal(item.contextValue, 'paper.arxiv'); // it has an arXiv id: "Open on arXiv" is in its menu
    const details = p.getChildren(hilo).map((n) => p.getTreeItem(n));
    assert.deepEqual(details.map((d) => d.label), ['Authors', 'Date', 'Published', 'Key', 'arXiv', 'Code', 'Abstract', 'Sources']);
    assert.equal(details[2]?.description, 'NeurIPS 2022');
    assert.equal(details[3]?.description, 'pan2022fast');
    // The arXiv page opens in the browser, through the http(s)-only command.
    assert.deepEqual(details[4]?.command?.arguments, ['https://arxiv.org/abs/2205.13213']);
    // The abstract's tooltip is left for VS Code to resolve on hover: the whole abstract, read on demand.
    const abstractNode = p.getChildren(hilo).find((n) => n.kind === 'detail' && n.label === 'Abstract');
    assert.ok(abstractNode);
    const abstractItem = p.getTreeItem(abstractNode);
    assert.equal(abstractItem.tooltip, undefined);
    const resolved = await p.resolveTreeItem(abstractItem, abstractNode);
    assert.match(String(resolved.tooltip), /^Vision Transformers \(ViTs\) have triggered.*mainstream vision tasks including image classification, dense detection and segmentation\. Code is available at https:\/\/github\.com\/ziplab\/LITv2\.$/s);
    a.trees.setGrouping('technique');
  });

  test('Techniques: technique → papers, introducing paper first', async () => {
    const a = await internals();
    const t = a.trees.techniques;
    const grpo = t.getChildren().find((n) => n.kind === 'technique' && n.technique.name === 'GRPO');
    assert.ok(grpo);
    const first = t.getChildren(grpo)[0];
    assert.ok(first?.kind === 'paper');
    assert.equal(first.paper.id, 'deepseekmath-pushing-the-limits-of-mathematical-reasoning-in');
    assert.match(String(t.getTreeItem(first).description), /^introduces/);
  });

  test('the filter shows ranked matches and says so in the view message', async () => {
    const a = await internals();
    await vscode.commands.executeCommand('paperlens.filterPapers', 'kv cache compression');
    const rows = a.trees.papers.getChildren();
    assert.ok(rows.length > 0 && rows.every((n) => n.kind === 'paper'));
    assert.match(a.trees.papersView.message ?? '', /Filtered by "kv cache compression"/);
    await vscode.commands.executeCommand('paperlens.filterPapers', 'zzzz qqqq xxxx');
    assert.match(a.trees.papersView.message ?? '', /No papers match/);
    await vscode.commands.executeCommand('paperlens.clearPapersFilter');
    assert.equal(a.trees.papersView.message, undefined);
  });

  test('Show in sidebar reveals the paper', async () => {
    const ok = await vscode.commands.executeCommand<boolean>('paperlens.revealInSidebar', 'transmla-multi-head-latent-attention-is-all-you-need');
    assert.equal(ok, true);
    const a = await internals();
    // The selection reaches the extension host as an event after reveal() resolves.
    await until('TransMLA selected', () => {
      const sel = a.trees.papersView.selection[0];
      return sel?.kind === 'paper' && sel.paper.id === 'transmla-multi-head-latent-attention-is-all-you-need' ? true : undefined;
    }, 5_000);
  });

  test('Show in sidebar selects the paper after the grouping changed while the view was hidden', async () => {
    const a = await internals();
    const id = 'fast-vision-transformers-with-hilo-attention';
    a.trees.setGrouping('year');
    await vscode.commands.executeCommand('paperlens.papers.focus');
    await until('the year groups shown', () => (a.trees.papersView.visible && !a.trees.papers.stale ? true : undefined), 5_000);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await until('the view hidden', () => (a.trees.papersView.visible ? undefined : true), 5_000);
    a.trees.setGrouping('technique');
    assert.equal(await vscode.commands.executeCommand<boolean>('paperlens.revealInSidebar', id), true);
    await until('HiLo selected', () => {
      const sel = a.trees.papersView.selection[0];
      return sel?.kind === 'paper' && sel.paper.id === id ? true : undefined;
    }, 5_000);
  });

  test('Open details shows the paper in a webview', async () => {
    const a = await internals();
    await vscode.commands.executeCommand('paperlens.openDetails', 'transmla-multi-head-latent-attention-is-all-you-need');
    assert.equal(a.details.shownPaperId, 'transmla-multi-head-latent-attention-is-all-you-need');
  });
});
