import * as assert from 'node:assert/strict';
import {
  commandCall,
  commandUri,
  isCitationFormat,
  isGrouping,
  isPaperArg,
  isQueryArg,
  isTechniqueArg,
  isUrlArg,
  paperIdOf,
  queryOf,
  techniqueNameOf,
  urlOf,
  isEntryArg,
} from '../../src/extension/commands/args';
import { Command, type CommandId } from '../../src/extension/constants';
import { detailsHtml } from '../../src/extension/details/detailsHtml';
import { paperCardMarkdown, techniqueCardMarkdown } from '../../src/extension/hover/cardMarkdown';
import { decode } from '../support/renderCheck';
import { realData, realMatcher } from '../support/realCorpus';

const HILO = 'fast-vision-transformers-with-hilo-attention';

/** What each command's handler accepts, argument by argument, through the guards of its argument types. */
const ACCEPTS: Record<CommandId, (args: unknown[]) => boolean> = {
  [Command.searchPapers]: ([q]) => q === undefined || isQueryArg(q),
  [Command.insertCitation]: ([p]) => p === undefined || isPaperArg(p),
  [Command.copyBibtex]: ([p]) => p === undefined || isPaperArg(p),
  [Command.copyCitation]: ([p, f]) => (p === undefined || isPaperArg(p)) && (f === undefined || isCitationFormat(f)),
  [Command.citeTechniqueAtCursor]: (args) => args.length === 0,
  [Command.openDetails]: ([p]) => p === undefined || isPaperArg(p),
  [Command.openOnArxiv]: ([p]) => p === undefined || isPaperArg(p),
  [Command.revealInSidebar]: ([p]) => p === undefined || isPaperArg(p),
  [Command.searchRelated]: ([t]) => t === undefined || isTechniqueArg(t),
  [Command.groupPapersBy]: ([g]) => g === undefined || isGrouping(g),
  [Command.filterPapers]: ([q]) => q === undefined || typeof q === 'string',
  [Command.clearPapersFilter]: (args) => args.length === 0,
  [Command.openUrl]: ([u]) => isUrlArg(u),
  [Command.showOutput]: (args) => args.length === 0,
  [Command.tryHover]: (args) => args.length === 0,
  [Command.showLibrary]: (args) => args.length === 0,
  [Command.citeSeveral]: (args) => args.length === 0,
  [Command.openLibraryEntry]: ([e]) => isEntryArg(e),
};

/** Every command link in a text: the command and its decoded arguments. */
function links(text: string): { command: CommandId; args: unknown[] }[] {
  return [...text.matchAll(/command:(paperlens\.[A-Za-z]+)(?:\?([^\s)"<]*))?/g)].map((m) => ({
    command: m[1] as CommandId,
    args: m[2] === undefined ? [] : (JSON.parse(decodeURIComponent(m[2])) as unknown[]),
  }));
}

suite('command arguments: one type, one guard', () => {
  test('a paper is an id or a node that holds one; nothing else', () => {
    for (const ok of ['transmla', { paper: { id: 'transmla' } }, { kind: 'paper', paper: { id: 'transmla', title: 'x' }, parent: undefined }]) {
      assert.ok(isPaperArg(ok), JSON.stringify(ok));
      assert.equal(paperIdOf(ok), 'transmla');
    }
    for (const bad of [42, null, undefined, { paper: null }, { paper: { id: 7 } }, ['a'], { id: 'transmla' }]) assert.ok(!isPaperArg(bad), JSON.stringify(bad));
  });
  test('a query, a technique, a web link, a grouping, a citation format', () => {
    assert.equal(queryOf('kv cache'), 'kv cache');
    assert.ok(isQueryArg({ query: 'kv' }) && !isQueryArg({ query: 1 }) && !isQueryArg(null));
    assert.equal(techniqueNameOf({ technique: { name: 'MLA' } }), 'MLA');
    assert.ok(isTechniqueArg('MLA') && !isTechniqueArg({ technique: {} }) && !isTechniqueArg(3));
    assert.equal(urlOf({ url: 'https://github.com/ziplab/LITv2' }), 'https://github.com/ziplab/LITv2');
    for (const bad of ['command:workbench.action.quit', 'javascript:alert(1)', 'file:///etc/passwd', 'vscode://settings', 42, undefined, ' https://x.io', { url: 'file:///x' }]) {
      assert.ok(!isUrlArg(bad), String(bad));
    }
    assert.ok(isGrouping('year') && !isGrouping('month'));
    assert.ok(isCitationFormat('csl-json') && !isCitationFormat('ris'));
  });
  test('command URIs encode what would end a Markdown link or an HTML attribute', () => {
    assert.equal(commandUri(Command.copyBibtex, 'transmla'), 'command:paperlens.copyBibtex?%5B%22transmla%22%5D');
    assert.equal(commandUri(Command.showOutput), 'command:paperlens.showOutput');
    const uri = commandUri(Command.searchRelated, "a) [b](c'!*");
    assert.doesNotMatch(uri.slice('command:'.length), /[()'!*[\]" ]/);
    assert.deepEqual(links(uri)[0]?.args, ["a) [b](c'!*"]);
    assert.deepEqual(commandCall('Open Link', Command.openUrl, 'https://x.io'), { title: 'Open Link', command: 'paperlens.openUrl', arguments: ['https://x.io'] });
  });
  test('every link on the cards and the details page carries arguments its handler accepts', () => {
    const d = realData();
    const m = realMatcher().matchIdentifier('MultiHeadLatentAttention');
    assert.ok(m);
    const hilo = d.details.getSync(HILO);
    assert.ok(hilo);
    const found = [
      ...links(paperCardMarkdown(d.papersById.get(HILO) ?? assert.fail(HILO), { key: 'pan2022fast' })),
      ...links(techniqueCardMarkdown(m, d.papersById)),
      ...links(decode(detailsHtml(hilo, 'pan2022fast', { nonce: '0'.repeat(32), cspSource: 'x' }))),
    ];
    const commands = new Set(found.map((l) => l.command));
    for (const c of [Command.insertCitation, Command.copyBibtex, Command.openDetails, Command.revealInSidebar, Command.searchRelated, Command.openOnArxiv, Command.openUrl]) {
      assert.ok(commands.has(c), `a link runs ${c}`);
    }
    for (const l of found) assert.ok(ACCEPTS[l.command](l.args), `${l.command} ${JSON.stringify(l.args)}`);
  });
});
