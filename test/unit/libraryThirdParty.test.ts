import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Entry, Library, Options } from '@retorquere/bibtex-parser';
import { parseBibtexNow } from '../../src/core/library/bibtex';
import { parseCslJson } from '../../src/core/library/csl';
import { runNow } from '../../src/core/util/sliced';

/**
 * The library reader on .bib files nobody on this project wrote: every
 * .bib that Debian's TeX Live packages ship (texlive-base's xampl.bib,
 * texlive-bibtex-extra's biblatex-examples.bib, Nelson Beebe's
 * bibliographies, …), judged against two other readers:
 * @retorquere/bibtex-parser (the parser behind Better BibTeX) and pandoc's
 * own BibTeX reader (through its CSL-JSON output, read back by ours).
 * Needs the TeX packages the README's apt line installs; skipped without
 * them, unless PAPERLENS_REQUIRE_TEX=1.
 */

const ROOT = '/usr/share/texlive/texmf-dist/bibtex/bib';
const APT = 'apt-get install --no-install-recommends texlive-latex-base texlive-bibtex-extra';

function bibFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? bibFiles(p) : p.endsWith('.bib') ? [p] : [];
    })
    .sort();
}

const files = existsSync(ROOT) ? bibFiles(ROOT) : [];
const missing = files.length === 0 ? `no .bib files under ${ROOT}` : undefined;
if (missing !== undefined && process.env['PAPERLENS_REQUIRE_TEX'] === '1') throw new Error(`PAPERLENS_REQUIRE_TEX=1 but ${missing}; install with: ${APT}`);
const realTest = (title: string, fn: () => void | Promise<void>) => (missing === undefined ? test(title, fn) : test.skip(`${title} [skipped: ${missing}; install with: ${APT}]`, fn));

/** Files small enough for @retorquere/bibtex-parser, which takes seconds per 100 KB. */
const ORACLE_LIMIT = 100_000;

suite('library: every .bib Debian TeX Live ships', () => {
  let parse: (input: string, options?: Options) => Library;
  suiteSetup(async () => {
    ({ parse } = await import('@retorquere/bibtex-parser'));
  });

  realTest('every file reads with no error, and they hold thousands of entries', () => {
    let entries = 0;
    for (const f of files) {
      const r = parseBibtexNow(readFileSync(f, 'utf8'), f);
      assert.deepEqual(r.problems.filter((p) => p.severity === 'error'), [], relative(ROOT, f));
      entries += r.entries.length;
    }
    assert.ok(files.length >= 20 && entries >= 5000, `${files.length} files, ${entries} entries`);
  });

  realTest('the same entries, years and author counts as Better BibTeX\'s parser', () => {
    let compared = 0;
    for (const f of files.filter((x) => statSync(x).size <= ORACLE_LIMIT)) {
      const text = readFileSync(f, 'utf8');
      const ours = parseBibtexNow(text, f);
      const theirs = new Map(parse(text, { english: false }).entries.map((e: Entry) => [e.key, e]));
      const where = relative(ROOT, f);
      assert.deepEqual(ours.entries.map((e) => e.key).sort(), [...theirs.keys()].sort(), where);
      for (const e of ours.entries) {
        const o = theirs.get(e.key) as Entry;
        // BibLaTeX's date wins over year; compare the year where the entry has no date.
        const year = o.fields.date === undefined ? /\d{4}/.exec(String(o.fields.year ?? ''))?.[0] : undefined;
        if (year !== undefined) assert.equal(e.year, Number(year), `${where}: ${e.key}`);
        // An undefined @string (defined in another file) is empty for BibTeX, the literal macro name for that parser.
        const names = (o.fields.author ?? o.fields.editor ?? []).filter((n) => !(n.name && /^[\w:-]+$/.test(n.name) && !e.authors.some((a) => a.name === n.name)));
        assert.equal(e.authors.length + (e.authorsTruncated ? 1 : 0), names.length, `${where}: ${e.key}`);
        compared++;
      }
    }
    assert.ok(compared >= 500, `${compared} entries compared`);
  });

  realTest('pandoc reads the same keys and years: its CSL-JSON, read back, agrees with the .bib', () => {
    if (spawnSync('pandoc', ['--version']).status !== 0) return assert.fail('pandoc is not installed');
    for (const f of files.filter((x) => /\/(?:xampl|biblatex-examples|texnique|serif)\.bib$/.test(x))) {
      const bib = parseBibtexNow(readFileSync(f, 'utf8'), f);
      const out = spawnSync('pandoc', ['-f', f.includes('biblatex') ? 'biblatex' : 'bibtex', '-t', 'csljson', f], { encoding: 'utf8', maxBuffer: 1 << 26 });
      const csl = runNow(parseCslJson(out.stdout, 'pandoc.json'));
      assert.deepEqual(csl.problems, [], relative(ROOT, f));
      assert.deepEqual(csl.entries.map((e) => e.key).sort(), bib.entries.map((e) => e.key).sort(), relative(ROOT, f));
      const byKey = new Map(bib.entries.map((e) => [e.key, e]));
      const sameYear = csl.entries.filter((e) => e.year === byKey.get(e.key)?.year).length;
      // pandoc's BibTeX reader does not follow crossref for the year; BibTeX (and PaperLens) do.
      assert.ok(sameYear >= csl.entries.length - 2, `${relative(ROOT, f)}: ${sameYear} of ${csl.entries.length} years agree`);
    }
  });
});
