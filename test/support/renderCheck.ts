import * as assert from 'node:assert/strict';
import { HOVER_COMMANDS } from '../../src/extension/constants';

/**
 * Checks on rendered Markdown and HTML, shared by the unit tests (cards and
 * the details page built in Node) and the integration tests (the same,
 * through the real providers in a real VS Code).
 */

/** Text that tries every way Markdown or HTML could turn into a link, an image, markup or a command. */
export const EVIL = [
  '[x](command:workbench.action.quit)',
  '<img src=x onerror=alert(1)>',
  '`rm -rf ~` and ``double`` backticks',
  '![i](https://evil.example/x.png)',
  '<https://evil.example/auto> https://evil.example/bare www.evil.example me@evil.example',
  '[ref][1] [1]: command:workbench.action.quit',
  '<script>alert(1)</script> &lt;b&gt;entity&lt;/b&gt; &#60;i&#62;',
  '**bold** _em_ ~~strike~~ # heading | a | b | > quote - item 1. item',
  '$(zap) :smile: $x^2$ javascript:alert(1) <!-- comment -->',
  'trailing backslash \\',
];

/** Every tag in rendered HTML: name and attribute text. Text content has `<` escaped, so these are real elements. */
export const tags = (html: string): { name: string; attrs: string }[] =>
  [...html.matchAll(/<([!/]?[A-Za-z][\w-]*)([^>]*)>/g)].map((m) => ({ name: (m[1] ?? '').toLowerCase().replace(/^\//, ''), attrs: m[2] ?? '' }));

/** Decodes the HTML entities renderers write. */
export const decode = (s: string): string =>
  s.replace(/&(#\d+|#x[0-9a-f]+|quot|amp|lt|gt|nbsp);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' } as Record<string, string>)[e.toLowerCase()] ?? '',
  );
/** What a reader sees: the text without tags, entities decoded. */
export const visibleText = (html: string): string => decode(html.replace(/<[^>]*>/g, ''));

/** Checks a link: an allow-listed PaperLens command with exactly the arguments we encoded. */
export function assertOurLink(href: string, allowed: readonly string[], args: readonly unknown[][]): void {
  const m = /^command:(paperlens\.[A-Za-z]+)\?(.*)$/.exec(decode(href));
  assert.ok(m, `a link that is not a PaperLens command: ${href}`);
  assert.ok(allowed.includes(m[1] as string), `${m[1]} is not allow-listed`);
  const decoded: unknown = JSON.parse(decodeURIComponent(m[2] as string));
  assert.ok(args.some((a) => JSON.stringify(a) === JSON.stringify(decoded)), `arguments ${JSON.stringify(decoded)} are not ours`);
}

/** Checks rendered card HTML: only harmless formatting, and only our own command links. */
export function assertSafeCard(html: string, args: readonly unknown[][], links: number): void {
  const ts = tags(html);
  const allowed = new Set(['p', 'strong', 'em', 'a', 'hr', 'br', 'code']);
  for (const t of ts) assert.ok(allowed.has(t.name), `<${t.name}${t.attrs}> in ${html}`);
  const anchors = ts.filter((t) => t.name === 'a' && t.attrs !== '');
  assert.equal(anchors.length, links, 'paper text added or removed a link');
  for (const a of anchors) {
    const href = /^\s+href="([^"]*)"(?:\s+title="[^"]*")?$/.exec(a.attrs);
    assert.ok(href, `unexpected attributes: ${a.attrs}`);
    assertOurLink(href[1] as string, HOVER_COMMANDS, args);
  }
  for (const t of ts) assert.doesNotMatch(t.attrs, /\son\w+\s*=|javascript:|\ssrc=/i, `<${t.name}${t.attrs}>`);
}


/**
 * Checks the details page: only the page's own elements, no event handler,
 * script or source attribute, links only to `allowed` commands with our
 * arguments, and the CSP: nothing by default, images from `cspSource`,
 * styles by nonce, and that nonce on the one style element. Returns the nonce.
 */
export function assertSafeDetailsHtml(html: string, allowed: readonly string[], args: readonly unknown[][], cspSource: string): string {
  const page = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'div', 'a', 'table', 'tr', 'th', 'td', 'code', 'p', 'br', 'span']);
  const ts = tags(html);
  for (const t of ts) {
    assert.ok(page.has(t.name), `<${t.name}${t.attrs}>`);
    assert.doesNotMatch(t.attrs, /\son\w+\s*=|javascript:|\ssrc=/i, `<${t.name}${t.attrs}>`);
  }
  for (const a of ts.filter((t) => t.name === 'a' && t.attrs !== '')) {
    const href = /^\s+href="([^"]*)"$/.exec(a.attrs);
    assert.ok(href, a.attrs);
    assertOurLink(href[1] as string, allowed, args);
  }
  const metas = ts.filter((t) => t.name === 'meta' && /http-equiv="Content-Security-Policy"/.test(t.attrs));
  assert.equal(metas.length, 1);
  const csp = decode(/content="([^"]*)"/.exec(metas[0]?.attrs ?? '')?.[1] ?? '');
  const nonce = /style-src 'nonce-([0-9a-f]{32})';$/.exec(csp)?.[1];
  assert.ok(nonce, `a 128-bit nonce in ${csp}`);
  assert.equal(csp, `default-src 'none'; img-src ${cspSource}; style-src 'nonce-${nonce}';`);
  assert.deepEqual(
    ts.filter((t) => t.name === 'style' && t.attrs !== '').map((t) => t.attrs.trim()),
    [`nonce="${nonce}"`],
  );
  assert.equal(ts.filter((t) => t.name === 'script').length, 0);
  return nonce;
}
