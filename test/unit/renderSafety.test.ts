import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { Paper } from '../../src/schema/corpus';
import { PaperSchema } from '../../src/schema/corpus';
import type { TechniqueMatch } from '../../src/core/techniques/matcher';
import type { Technique } from '../../src/schema/lexicon';
import { Command } from '../../src/extension/constants';
import { PAGE_COMMANDS, detailsCsp, detailsHtml, escapeHtml } from '../../src/extension/details/detailsHtml';
import { escapeMarkdown, paperCardMarkdown, techniqueCardMarkdown } from '../../src/extension/hover/cardMarkdown';
import { noIcons } from '../../src/extension/util/text';
import { fuzzParams } from '../support/fuzz';
import { EVIL, assertSafeCard, assertSafeDetailsHtml, decode, tags, visibleText } from '../support/renderCheck';
import { makePaper, person } from '../support/papers';

/**
 * Paper text is rendered as text. Hover cards, completion docs and tree
 * tooltips are Markdown; they are rendered here with marked, the library
 * VS Code renders hovers with (GFM on), and every element of the result is
 * checked: no link but our own allow-listed command links with the
 * arguments we encoded, no image, no HTML, no code span from a backtick in a
 * title. The details page is checked the same way, tag by tag, with its CSP.
 * The same is checked in a real VS Code by test/integration/suite/security.test.ts.
 */

type Render = (md: string) => string;

const EVIL_TITLE = `Evil ${EVIL.slice(0, 3).join(' ')}`;
const EVIL_ABSTRACT = EVIL.join(' ');

const evilPaper = (): Paper & { lead: string } => ({
  ...makePaper({
    title: EVIL_TITLE,
    abstract: EVIL_ABSTRACT,
    abstractRaw: EVIL_ABSTRACT,
    authors: [person('Eve [x](command:workbench.action.quit)'), { name: '<img src=x onerror=alert(2)>', organization: true }],
    year: 2024,
    codeUrl: 'https://evil.example/"><script>alert(3)</script>',
    affiliations: ['<b>aff</b>'],
    abstractNote: '`note` [x](command:workbench.action.quit)',
    arxiv: '2401.00001',
    doi: '10.1000/x"><script>alert(5)</script>',
    venue: { type: 'conference', name: '<i>venue</i> [v](command:workbench.action.quit)', short: '*V*' },
    laterTitles: ['<u>later</u>'],
    provenance: {
      authors: { via: 'primary', urls: ['https://evil.example/a"><script>alert(4)</script>'] },
      date: { via: 'seed', urls: [], records: ['<s>seed.txt</s>:1'] },
    },
  }),
  // What lists and cards show of the abstract (the catalog's lead).
  lead: EVIL_ABSTRACT,
});

suite('security: paper text in hover cards and completion docs is text', () => {
  let render: Render;
  suiteSetup(async () => {
    const { marked } = await import('marked');
    render = (md) => marked.parse(md, { gfm: true, breaks: false, async: false });
  });

  test('a paper card: the payloads show as text; the only links are our five commands on this paper', () => {
    const p = evilPaper();
    const html = render(paperCardMarkdown(p, { key: 'evil2024' }));
    assertSafeCard(html, [[p.id]], 5);
    assert.ok(visibleText(html).includes('*V*'), 'the venue shows as text');
    const text = visibleText(html);
    for (const s of [...EVIL.slice(0, 3), 'Eve [x](command:workbench.action.quit)']) assert.ok(text.includes(s), `"${s}" is not shown as text`);
    assert.equal(html.split('<code>').length - 1, 1, 'the key is the only code span: no backtick in paper text made one');
    assert.match(html, /<code>evil2024<\/code>/);
  });

  test('a completion doc (no actions) has no link at all', () => {
    assertSafeCard(render(paperCardMarkdown(evilPaper(), { key: 'evil2024', actions: false })), [], 0);
  });

  test('a key that is not a key cannot break out of its code span', () => {
    const html = render(paperCardMarkdown(evilPaper(), { key: 'k`](command:workbench.action.quit)', actions: false }));
    assertSafeCard(html, [], 0);
  });

  test('a technique card: name, expansion and papers are text; links are our commands on the first paper and the name', () => {
    const p = evilPaper();
    const technique = {
      id: 'evil',
      name: '[MLA](command:workbench.action.quit)',
      kind: 'acronym',
      expansions: ['<img src=x onerror=alert(1)> `x`'],
      aliases: [],
      keys: ['evil'],
      singleTokenKeys: [],
      papers: [
        { id: p.id, role: 'introduces' },
        { id: 'other-1', role: 'mentions' },
        { id: 'other-2', role: 'mentions' },
        { id: 'other-3', role: 'mentions' },
      ],
    } as unknown as Technique;
    const m: TechniqueMatch = { technique, identifier: 'evil', start: 0, end: 4, text: 'evil' };
    const html = render(techniqueCardMarkdown(m, new Map([[p.id, p]])));
    assertSafeCard(html, [[p.id], [technique.name]], 5);
    const text = visibleText(html);
    assert.ok(text.includes('[MLA](command:workbench.action.quit)'));
    assert.ok(text.includes('<img src=x onerror=alert(1)> `x`'));
    assert.ok(text.includes(EVIL_TITLE));
  });

  test('a technique name with an unbalanced ")" or "(" still gives a whole link with exactly its name as the argument', () => {
    const p = evilPaper();
    for (const name of ['MLA)', 'x) [y](command:workbench.action.quit', "(a')!*"]) {
      const technique = { id: 'paren', name, kind: 'name', expansions: [], aliases: [name], keys: ['paren'], singleTokenKeys: [], papers: [{ id: p.id, role: 'introduces' }] } as unknown as Technique;
      const m: TechniqueMatch = { technique, identifier: 'paren', start: 0, end: 5, text: 'paren' };
      const html = render(techniqueCardMarkdown(m, new Map([[p.id, p]])));
      assertSafeCard(html, [[p.id], [name]], 4);
    }
  });

  test('text that starts with a tab or four spaces is not an indented code block (found by npm run fuzz)', () => {
    for (const t of ['\tcode', '    code', ' \t x']) assert.equal(render(escapeMarkdown(t)).trim(), `<p>${t.trim()}</p>`);
  });

  test('escapeMarkdown: any text renders as exactly that text, with no element at all', () => {
    const special = fc.string({ unit: fc.constantFrom(...'[]()<>`*_~#|!:.-+&;$\\/="\' \nabcHTTPSw@x1'.split('')), maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(special, fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...EVIL)), (s) => {
        const html = render(escapeMarkdown(s)).trim();
        const inner = html.replace(/^<p>|<\/p>$/g, '');
        assert.equal(tags(inner).length, 0, `${JSON.stringify(s)} → ${html}`);
        // Leading and trailing spaces and runs of them are Markdown's to collapse, as for any text.
        const norm = (t: string) => t.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ').replace(/\0/g, '\ufffd').replace(/[ \t]+/g, ' ').trim();
        assert.equal(norm(decode(inner)), norm(s));
      }),
      fuzzParams(300),
    );
  });
});

suite('security: the details page', () => {
  const ctx = { nonce: '0123456789abcdef0123456789abcdef', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };

  test('paper text is escaped everywhere: it shows as text, and the only elements, links and styles are the page’s own', () => {
    const p = evilPaper();
    const html = detailsHtml(p, 'evil2024', ctx);
    const urls = [[p.codeUrl], [`https://doi.org/${p.doi}`], ['https://arxiv.org/abs/2401.00001'], ['https://evil.example/a"><script>alert(4)</script>']];
    assert.equal(assertSafeDetailsHtml(html, PAGE_COMMANDS, [[p.id], ...urls], ctx.cspSource), ctx.nonce);
    const text = visibleText(html.replace(/<style[\s\S]*?<\/style>/, ''));
    for (const s of [EVIL_TITLE, EVIL_ABSTRACT, '`note` [x](command:workbench.action.quit)', '<b>aff</b>', '<i>venue</i>', '<u>later</u>', '<s>seed.txt</s>:1']) assert.ok(text.includes(s), s);
    assert.equal(tags(html).filter((t) => t.name === 'a' && t.attrs !== '').length, 8, 'four actions, the arXiv, code and DOI links, and one source page');
  });

  test('the page links only to the commands its webview enables', () => {
    assert.deepEqual([...PAGE_COMMANDS].sort(), [Command.copyBibtex, Command.insertCitation, Command.openOnArxiv, Command.openUrl, Command.revealInSidebar].sort());
  });

  test('the Content-Security-Policy has no script source, no wildcard, nothing remote', () => {
    const csp = detailsCsp(ctx);
    assert.equal(csp, `default-src 'none'; img-src ${ctx.cspSource}; style-src 'nonce-${ctx.nonce}';`);
    assert.doesNotMatch(csp, /script-src|unsafe|\*|http:/);
  });

  test('escapeHtml: any text comes back exactly, and holds no character HTML could read as markup', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom(...EVIL)), (s) => {
        const e = escapeHtml(s);
        assert.doesNotMatch(e, /[<>"']/);
        assert.equal(decode(e), s);
      }),
      fuzzParams(300),
    );
  });
});

suite('security: links in the shipped data are web links', () => {
  test('the schema refuses a code or abstract URL that is a command, a script or a file', () => {
    const p = makePaper({ title: 'T' });
    for (const url of ['command:workbench.action.quit', 'javascript:alert(1)', 'file:///etc/passwd', 'vscode://x']) {
      assert.equal(PaperSchema.safeParse({ ...p, codeUrl: url }).success, false, url);
      assert.equal(PaperSchema.safeParse({ ...p, urls: [url] }).success, false, url);
    }
    assert.equal(PaperSchema.safeParse({ ...p, codeUrl: 'https://github.com/x/y', urls: ['http://x.io'] }).success, true);
  });
  test('quick pick details show "$(icon)" in paper text as text', () => {
    assert.equal(noIcons('costs $(zap) and $(x'), 'costs $\u200b(zap) and $\u200b(x');
  });
});
