import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Paper } from '../../../src/schema/corpus';
import type { PaperRecord } from '../../../src/core/data/load';
import { HOVER_COMMANDS } from '../../../src/extension/constants';
import { PAGE_COMMANDS } from '../../../src/extension/details/detailsHtml';
import { EVIL, assertSafeCard, assertSafeDetailsHtml, tags, visibleText } from '../../support/renderCheck';
import { internals, open, positionOf, until } from './helpers';

/**
 * Paper text through the real rendering paths of a real VS Code: papers in
 * the loaded corpus are given titles, authors and abstracts that try to
 * become a command link, HTML, an image or code; then the hover providers,
 * the completion provider, the tree and the details webview produce their
 * output as they do for a user, and every element of it is checked. The
 * Markdown is rendered with marked (what VS Code renders hovers with) and
 * with VS Code's own Markdown renderer (markdown.api.render).
 */

const TITLE = `Evil ${EVIL.slice(0, 3).join(' ')}`;
const ABSTRACT = `We study evil. ${EVIL.join(' ')}`;

type Saved = Pick<PaperRecord, 'title' | 'lead' | 'authors' | 'organization' | 'venue'>;
const ARXIV_PAGE = 'https://arxiv.org/abs/2205.13213';

suite('security: paper text is rendered as text, in a real VS Code', () => {
  const saved = new Map<PaperRecord, Saved>();
  let restoreDetails: (() => void) | undefined;
  let hilo: PaperRecord;
  let mla: PaperRecord[] = [];
  let render: (md: string) => string;

  suiteSetup(async () => {
    const { marked } = await import('marked');
    render = (md) => marked.parse(md, { gfm: true, breaks: false, async: false });
    const a = await internals();
    const d = await a.data.getComplete();
    const h = d.papersById.get('fast-vision-transformers-with-hilo-attention');
    assert.ok(h);
    hilo = h;
    const t = d.lexicon.techniques.find((x) => x.name === 'MLA');
    assert.ok(t);
    mla = t.papers.slice(0, 3).map((tp) => d.papersById.get(tp.id) as PaperRecord);
    // Keys are made from titles: make them first, as they are for a user before any hover.
    assert.equal(a.keys.keyOf(hilo.id), 'pan2022fast');
    // The papers the cards show, given evil text in place: the providers read these very objects.
    for (const p of [hilo, ...mla]) {
      saved.set(p, { title: p.title, lead: p.lead, authors: p.authors, organization: p.organization, venue: p.venue });
      if (p.venue) p.venue = { ...p.venue, name: `Evil ${EVIL.slice(3, 6).join(' ')}`, short: '<img src=x onerror=alert(3)>' };
      p.title = TITLE;
      p.lead = ABSTRACT;
      p.authors = [{ name: 'Eve [x](command:workbench.action.quit)', given: 'Eve', family: '[x](command:workbench.action.quit)' }, { name: '<img src=x onerror=alert(2)>', organization: true }];
    }
    // The details page reads the abstract from the details files on demand: it gets the evil text too.
    const details = d.details;
    const get = details.get.bind(details);
    details.get = async (id: string): Promise<Paper | undefined> => {
      const full = await get(id);
      const p = d.papersById.get(id);
      return full && p && saved.has(p) ? { ...full, title: p.title, authors: p.authors, abstract: ABSTRACT, ...(p.venue ? { venue: p.venue } : {}) } : full;
    };
    restoreDetails = () => {
      details.get = get;
    };
  });

  suiteTeardown(async () => {
    for (const [p, s] of saved) Object.assign(p, s);
    restoreDetails?.();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The card's MarkdownStrings, checked for how they are trusted, then rendered two ways and checked element by element. */
  async function assertSafe(contents: readonly (vscode.MarkdownString | vscode.MarkedString)[], args: unknown[][], links: number): Promise<string> {
    const mds = contents.filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    assert.ok(mds.length > 0, 'a PaperLens card');
    const md = mds.find((m) => m.value.includes('Evil'));
    assert.ok(md, 'the card shows the evil paper');
    assert.equal(md.supportHtml, false);
    assert.ok(!md.supportThemeIcons);
    const trusted = md.isTrusted;
    assert.ok(typeof trusted === 'object', 'trusted only for an allow-list, never wholesale');
    assert.deepEqual([...trusted.enabledCommands].sort(), [...HOVER_COMMANDS].sort());
    assertSafeCard(render(md.value), args, links);
    // VS Code's own Markdown renderer (markdown-it, HTML on): still no element from paper text.
    // (The built-in Mermaid extension adds an empty configuration span to every render; it is not from the card.)
    const vs = (await vscode.commands.executeCommand<string>('markdown.api.render', md.value)).replace(/<span id="markdown-mermaid"[^>]*><\/span>/, '');
    for (const t of tags(vs)) {
      assert.ok(['p', 'strong', 'em', 'a', 'hr', 'br', 'code'].includes(t.name), `<${t.name}${t.attrs}> from ${md.value}`);
      assert.doesNotMatch(t.attrs, /\son\w+\s*=|javascript:|\ssrc=/i);
    }
    const anchors = tags(vs).filter((t) => t.name === 'a' && t.attrs !== '');
    assert.equal(anchors.length, links);
    for (const a of anchors) assert.match(a.attrs, /\shref="command:paperlens\.[A-Za-z]+\?[^"]*"/);
    const text = visibleText(vs);
    assert.ok(text.includes('[x](command:workbench.action.quit)') && text.includes('<img src=x onerror='), 'the payloads are shown as text');
    return md.value;
  }

  test('a technique hover card on MultiHeadLatentAttention in Python', async () => {
    const e = await open('model.py');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'class MultiHeadLatentAttention', 10));
    const first = mla[0] as PaperRecord;
    const value = await assertSafe(hovers.flatMap((h) => h.contents), [[first.id], ['MLA']], 5);
    assert.ok(value.includes('+'), 'the card lists "+N more"');
  });

  test('a citation hover card on \\cite{pan2022fast} in LaTeX', async () => {
    const e = await open('paper.tex');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', e.document.uri, positionOf(e.document, 'pan2022fast}', 3));
    await assertSafe(hovers.flatMap((h) => h.contents), [[hilo.id]], 5);
  });

  test('an arXiv link hover card', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: `# ${ARXIV_PAGE}\n` });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 12));
    const value = await assertSafe(hovers.flatMap((h) => h.contents), [[hilo.id]], 5);
    assert.ok(value.includes('Evil'), 'the card is the evil HiLo');
  });

  test('completion documentation after \\cite{', async () => {
    const e = await open('paper.tex');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', e.document.uri, positionOf(e.document, '\\cite{pan2022fast}', '\\cite{'.length));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'pan2022fast');
    assert.ok(item?.documentation instanceof vscode.MarkdownString);
    await assertSafe([item.documentation], [], 0);
  });

  test('the tree item tooltip of the paper', async () => {
    const a = await internals();
    await a.trees.ensureLoaded();
    a.trees.setGrouping('year');
    const p = a.trees.papers;
    const y2022 = p.getChildren().find((g) => p.getTreeItem(g).label === '2022');
    const node = p.getChildren(y2022).find((n) => n.kind === 'paper' && n.paper.id === hilo.id);
    assert.ok(node);
    const item = p.getTreeItem(node);
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    await assertSafe([item.tooltip], [[hilo.id]], 5);
    a.trees.setGrouping('technique');
  });

  test('the details webview: text escaped, strict CSP with a fresh nonce, no scripts, resources from media/ only', async () => {
    const a = await internals();
    await vscode.commands.executeCommand('paperlens.openDetails', hilo.id);
    const webview = await until('the details page', () => a.details.webview);
    const opts = webview.options;
    assert.equal(opts.enableScripts, false);
    assert.equal(opts.enableForms, undefined, 'no forms');
    assert.deepEqual(opts.enableCommandUris, [...PAGE_COMMANDS]);
    const ext = vscode.extensions.getExtension('paperlens.paperlens');
    assert.ok(ext);
    assert.deepEqual(
      opts.localResourceRoots?.map((u) => u.toString()),
      [vscode.Uri.joinPath(ext.extensionUri, 'media').toString()],
    );
    // Our links: the paper's actions, its code and arXiv pages, and the pages its facts come from.
    const full = await (await a.data.getComplete()).details.get(hilo.id);
    const sources = Object.values(full?.provenance ?? {}).flatMap((x) => x.urls.map((u) => [u]));
    const ours = [[hilo.id], [hilo.codeUrl], [ARXIV_PAGE], ...sources];
    const first = assertSafeDetailsHtml(webview.html, PAGE_COMMANDS, ours, webview.cspSource);
    const text = visibleText(webview.html.replace(/<style[\s\S]*?<\/style>/, ''));
    assert.ok(text.includes(TITLE) && text.includes(ABSTRACT), 'title and abstract shown as text');
    await vscode.commands.executeCommand('paperlens.openDetails', hilo.id);
    const second = assertSafeDetailsHtml((a.details.webview as vscode.Webview).html, PAGE_COMMANDS, ours, webview.cspSource);
    assert.notEqual(second, first, 'a fresh nonce for every render');
  });
});

suite('security: what the manifest declares', () => {
  test('untrusted and virtual workspaces: limited in Restricted Mode, where the workspace cannot choose the bibliography file or library paths outside it', () => {
    const pkg = vscode.extensions.getExtension('paperlens.paperlens')?.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[]; description?: string }; virtualWorkspaces: unknown };
    };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations, ['paperlens.bibFile', 'paperlens.library.paths']);
    assert.match(pkg.capabilities.untrustedWorkspaces.description ?? '', /Restricted Mode/);
    assert.equal(pkg.capabilities.virtualWorkspaces, true);
  });
});
