import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bibProblem } from '../../src/core/bib/blocks';
import { appendText } from '../../src/core/bib/plan';

/**
 * Real BibTeX is the judge of whether an entry appended to a .bib file is
 * seen: for each file, an entry is appended as PaperLens appends it, and
 * `bibtex` is asked to find it. PaperLens must refuse every file where
 * BibTeX would lose the entry (an unclosed @string, @preamble or value
 * swallows it), and accept every well-formed one. Where BibTeX recovers but
 * the file is broken all the same (an entry or a @comment that never
 * closes, which Biber reads differently), refusing is allowed.
 *
 * Skipped without `bibtex` (apt-get install texlive-latex-base), unless
 * PAPERLENS_REQUIRE_TEX=1.
 */

const hasBibtex = spawnSync('bibtex', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasBibtex && process.env['PAPERLENS_REQUIRE_TEX'] === '1') throw new Error('PAPERLENS_REQUIRE_TEX=1 but bibtex is not on PATH');
const toolTest = (title: string, fn: () => void) => (hasBibtex ? test(title, fn) : test.skip(`${title} [skipped: bibtex not on PATH; apt-get install texlive-latex-base]`, fn));

const PROBE = '@misc{paperlensprobe,\n  title = {Probe}\n}';

/** Files BibTeX reads cleanly: the probe must be accepted and found. */
const GOOD = [
  '',
  '@misc{a, title = {A}}',
  '@string{foo = "bar"}\n@misc{a, title = foo # { baz}}',
  '@preamble{"\\newcommand{\\x}{y}"}',
  '@misc(a, title = "a) b")',
  '@misc(a, title = {a)})',
  'text } { BibTeX ignores between entries\n@misc{a, title = {A}}',
  '@misc{a, title = {x\\}y}}',
  '% Missing from the PaperLens corpus: year.\n@misc{a,\n  title = {A},\n}\n',
  '@comment{notes}\n@article{b, author = {M{\\"u}ller, J.}, title = {{B}}, year = 2020}',
];

/** Files where BibTeX loses anything appended: each must be refused. */
const SWALLOWING = [
  '@string{foo = {bar',
  '@string{foo = "bar',
  '@string(foo = "bar',
  '@preamble{"\\newcommand{\\x}{y}',
  '@preamble{ {x',
  '@misc{a, title = {A',
  '@misc{a, title = "A',
  '@misc{a, title = "a{"}',
  '@misc{a, title = {A} # {B',
  '@misc(a, title = {A',
  '@misc(a, title = "A',
  '@misc{a, title = {A}, note = {x {y}',
];

/** Broken files BibTeX happens to recover from: refusing them is allowed, losing the probe is not. */
const RECOVERABLE = [
  '@string{foo = "bar"',
  '@comment{x, {unclosed}',
  '@misc{a, title = {A}',
  '@misc{a, title = {x\\}y',
  '@misc{a, title = {A}}\n\n@misc{b,\n  title = {B\n}\n',
];

suite('bibliography: real BibTeX decides what an appended entry survives', function () {
  this.timeout(120_000);
  let dir = '';
  suiteSetup(() => {
    if (hasBibtex) dir = mkdtempSync(join(tmpdir(), 'paperlens-bibtex-'));
  });
  suiteTeardown(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  /** Whether BibTeX finds the probe appended to `existing`, as PaperLens would append it. */
  const bibtexFindsProbe = (existing: string): boolean => {
    writeFileSync(join(dir, 'refs.bib'), existing + appendText(existing, PROBE));
    writeFileSync(join(dir, 'doc.aux'), '\\relax\n\\citation{paperlensprobe}\n\\bibstyle{plain}\n\\bibdata{refs}\n');
    spawnSync('bibtex', ['doc'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const log = readFileSync(join(dir, 'doc.blg'), 'utf8');
    return !log.includes('find a database entry for "paperlensprobe"');
  };

  toolTest('well-formed files: PaperLens appends, and BibTeX finds the entry', () => {
    for (const text of GOOD) {
      assert.equal(bibProblem(text), undefined, JSON.stringify(text));
      assert.ok(bibtexFindsProbe(text), `BibTeX lost the entry after ${JSON.stringify(text)}`);
    }
  });
  toolTest('files that swallow what follows: BibTeX loses the entry, and PaperLens refuses them', () => {
    for (const text of SWALLOWING) {
      assert.ok(!bibtexFindsProbe(text), `the case no longer swallows in BibTeX: ${JSON.stringify(text)}`);
      assert.ok(bibProblem(text), `PaperLens would append after ${JSON.stringify(text)}`);
    }
  });
  toolTest('broken files BibTeX recovers from: refused all the same, never lost', () => {
    for (const text of RECOVERABLE) {
      assert.ok(bibProblem(text) !== undefined || bibtexFindsProbe(text), JSON.stringify(text));
      assert.ok(bibProblem(text), `PaperLens would append after a block that never closes: ${JSON.stringify(text)}`);
    }
  });
});
