import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, realCorpus } from '../support/realCorpus';
import { runCli as run } from '../support/runCli';

suite('cli: search', () => {
  test('--json prints {id, title, authors, year, score}, best first', () => {
    const r = run('search', 'kv cache compression', '--json', '--limit', '3');
    assert.equal(r.code, 0);
    const hits = JSON.parse(r.out) as { id: string; title: string; authors: string[]; year: number | null; score: number }[];
    assert.equal(hits.length, 3);
    assert.deepEqual(Object.keys(hits[0] ?? {}), ['id', 'title', 'authors', 'year', 'score']);
    assert.match(hits[0]?.title ?? '', /KV Cache Compression/);
    assert.ok((hits[0]?.score ?? 0) >= (hits[1]?.score ?? 0));
    const minicache = hits.find((h) => h.id.startsWith('minicache'));
    assert.deepEqual(minicache?.authors, ['Akide Liu', 'Jing Liu', 'Zizheng Pan']);
    assert.equal(minicache?.year, 2024);
  });
  test('words after the command form one query; --limit=N works', () => {
    const r = run('search', 'speculative', 'decoding', '--limit=2', '--json');
    assert.equal((JSON.parse(r.out) as unknown[]).length, 2);
  });
  test('text output names authors or says they are unknown', () => {
    const dated = realCorpus().papers.find((p) => p.authors.length === 0 && p.year !== undefined);
    assert.ok(dated);
    assert.ok(run('search', dated.title, '--limit', '1').out.includes(`${dated.title}\n    ${dated.id} · ${dated.year} · authors unknown\n`));
    assert.match(run('search', 'hilo attention', '--limit', '1').out, /Fast Vision Transformers with HiLo Attention\n.*2022 · Zizheng Pan, Jianfei Cai, Bohan Zhuang\n/);
    const thin = realCorpus().papers.find((p) => p.authors.length === 0 && p.year === undefined);
    assert.ok(thin);
    assert.match(run('search', thin.title, '--limit', '1').out, /\n.*year unknown · authors unknown\n/);
  });
  test('bad arguments exit 2 with a clear message', () => {
    for (const args of [['search'], ['search', 'x', '--limit', '0'], ['search', 'x', '--limit', 'ten'], ['search', 'x', '--bogus'], ['nope']]) {
      const r = run(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^paperlens: .+\n\nusage: /, args.join(' '));
    }
  });
});

suite('cli: show', () => {
  test('--json prints the full record', () => {
    const r = run('show', 'fast-vision-transformers-with-hilo-attention', '--json');
    assert.equal(r.code, 0);
    const p = JSON.parse(r.out) as { title: string; sources: unknown[]; codeUrl: string };
    assert.equal(p.title, 'Fast Vision Transformers with HiLo Attention');
    assert.equal(p.sources.length, 2);
    assert.equal(p.codeUrl, 'https://github.com/ziplab/LITv2');
  });
  test('a unique id prefix is enough', () => {
    assert.match(run('show', 'transmla').out, /^TransMLA: Multi-head Latent Attention/);
  });
  test('an unknown id exits 1 and suggests ids', () => {
    const r = run('show', 'hilo-attention-paper');
    assert.equal(r.code, 1);
    assert.match(r.err, /no paper with id "hilo-attention-paper"; did you mean fast-vision-transformers-with-hilo-attention/);
  });
  test('an ambiguous prefix exits 1 and says so', () => {
    const r = run('show', 'deepseek');
    assert.equal(r.code, 1);
    assert.match(r.err, /is the start of \d+ ids/);
  });
});

suite('cli: stats', () => {
  test('--json accounts for every seed record', () => {
    const r = run('stats', '--json');
    const s = JSON.parse(r.out) as { papers: number; files: Record<string, { records: number; papers: number; merged: number }> };
    assert.equal(s.papers, 397);
    assert.equal(Object.keys(s.files).length, 5);
    for (const f of Object.values(s.files)) assert.equal(f.records, f.papers + f.merged);
  });
  test('the table has a total row', () => {
    assert.match(run('stats').out, /total\s+420\s+397\s+23/);
  });
});

suite('cli: hover, techniques and scan', () => {
  const file = join(REPO, 'test', 'fixtures', 'workspace', 'model.py');
  const lines = readFileSync(file, 'utf8').split('\n');
  const pos = (needle: string): string => {
    const i = lines.findIndex((l) => l.includes(needle));
    return `${file}:${i + 1}:${(lines[i] ?? '').indexOf(needle) + 2}`;
  };
  test('hover --json prints {technique: {name, expansion}, papers: [{id, title, year, role}]}', () => {
    const r = run('hover', pos('MultiHeadLatentAttention(nn.Module)'), '--json');
    assert.equal(r.code, 0, r.err);
    const card = JSON.parse(r.out) as { technique: { name: string; expansion: string }; papers: { id: string; title: string; year: number | null; role: string }[] };
    assert.deepEqual(card.technique, { name: 'MLA', expansion: 'Multi-head Latent Attention' });
    assert.deepEqual(Object.keys(card.papers[0] ?? {}), ['id', 'title', 'year', 'role']);
    assert.ok(card.papers.some((p) => p.id === 'transmla-multi-head-latent-attention-is-all-you-need'));
  });
  test('hover on an ordinary identifier prints null and exits 0', () => {
    const r = run('hover', pos('seed: int = 0'), '--json');
    assert.equal(r.code, 0);
    assert.equal(r.out.trim(), 'null');
  });
  test('hover on an arXiv link names its paper; an id no bundled paper has shows nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paperlens-'));
    const f = join(dir, 'links.py');
    writeFileSync(f, '# see https://arxiv.org/abs/2205.13213v2\n# and arXiv:2101.99999\n');
    const r = run('hover', `${f}:1:20`, '--json');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), { arxiv: '2205.13213', papers: [{ id: 'fast-vision-transformers-with-hilo-attention', title: 'Fast Vision Transformers with HiLo Attention', year: 2022, role: 'linked' }] });
    assert.equal(run('hover', `${f}:2:12`, '--json').out.trim(), 'null');
  });
  test('hover: a line past the end is not found (1); a bad position is a usage error (2)', () => {
    assert.equal(run('hover', `${file}:9999:1`).code, 1);
    assert.equal(run('hover', `${file}:0:1`).code, 2);
    assert.equal(run('hover', file).code, 2);
    assert.equal(run('hover', '/no/such/file.py:1:1').code, 1);
  });
  test('techniques --json lists the lexicon', () => {
    const list = JSON.parse(run('techniques', '--json').out) as { name: string; kind: string; papers: unknown[] }[];
    assert.ok(list.length > 300);
    assert.ok(list.some((t) => t.name === 'GRPO' && t.kind === 'acronym'));
  });
  test('scan --json lists every mention with 1-based line and column', () => {
    const rows = JSON.parse(run('scan', file, '--json').out) as { line: number; column: number; text: string; technique: { name: string } }[];
    const names = new Set(rows.map((r) => r.technique.name));
    for (const n of ['MLA', 'KV cache', 'RoPE', 'MoE', 'FlashAttention']) assert.ok(names.has(n), n);
    const mla = rows.find((r) => r.text === 'MultiHeadLatentAttention');
    assert.deepEqual([mla?.line, mla?.column], [41, 7]);
    assert.ok(!rows.some((r) => /^(seed|data|model|index|config)$/i.test(r.text)));
  });
});

suite('cli: the built dist/cli.js', () => {
  const cli = join(REPO, 'dist', 'cli.js');
  const exec = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  suiteSetup(function () {
    if (!existsSync(cli)) this.skip(); // npm test builds first; a bare `mocha` run may not have
  });
  test('runs on the shipped data, with exit codes 0, 1 and 2', () => {
    const ok = exec('search', 'kv cache compression', '--json');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match((JSON.parse(ok.stdout) as { title: string }[])[0]?.title ?? '', /KV Cache Compression/);
    assert.equal(exec('show', 'no-such-paper').status, 1);
    assert.equal(exec('search').status, 2);
    assert.equal(exec('--help').status, 0);
  });
  test('missing data is a clear error, exit 1', () => {
    const r = spawnSync(process.execPath, [cli, 'stats'], { encoding: 'utf8', env: { ...process.env, PAPERLENS_DATA_DIR: '/nonexistent' } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /manifest\.json is missing; run "npm run build" first/);
  });
});

suite('cli: --bib, the user\'s own bibliographies', () => {
  const own = join(REPO, 'test', 'fixtures', 'workspace', 'library', 'own.bib');
  const csl = join(REPO, 'test', 'fixtures', 'workspace', 'library', 'refs.csl.json');
  test('search ranks library entries with the bundled papers; a bundled paper the user has shows their key', () => {
    const r = run('search', 'latent', 'attention', '--bib', own, '--bib', csl, '--json');
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.out) as { id?: string; key?: string }[];
    assert.ok(rows.some((x) => x.key === 'doe2024latentmixer' && x.id === undefined));
    assert.ok(rows.some((x) => x.id?.startsWith('transmla') && x.key === 'meng2025transmla'));
    assert.match(r.err, /own\.bib:27: the entry "broken" never closes/);
  });
  test('cite and show take a library key; a bundled paper is cited with the user\'s key', () => {
    assert.equal(run('cite', 'doe2024latentmixer', '--format', 'pandoc', '--bib', own).out, '[@doe2024latentmixer]\n');
    assert.equal(run('cite', 'transmla-multi', '--format', 'latex', '--bib', own).out, '\\cite{meng2025transmla}\n');
    assert.match(run('show', 'lovelace1843notes', '--bib', own).out, /^Sketch of the Analytical Engine[^]*venue {9}Scientific Memoirs/);
    assert.match(run('search', 'speculative sampling examples', '--bib', csl).out, /zhang2023csl/);
  });
  test('a --bib file that does not exist is exit 1, with its name', () => {
    const r = run('search', 'x', '--bib', 'no-such.bib');
    assert.equal(r.code, 1);
    assert.match(r.err, /no-such\.bib/);
  });
});
