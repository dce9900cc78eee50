import * as fc from 'fast-check';
import * as assert from 'node:assert/strict';
import { citeKeysEdit } from '../../src/core/editor/citations';
import { BibtexCache, parseBibtex, parseBibtexNow } from '../../src/core/library/bibtex';
import { LIBRARY_MAX_BYTES, readLibrary } from '../../src/core/library/read';
import type { LibraryEntry } from '../../src/core/library/entry';
import { LibraryReferences } from '../../src/core/library/references';
import { LibrarySearch, fuseRankings } from '../../src/core/library/search';
import { learnTechniques } from '../../src/core/library/learn';
import { parseCslJson } from '../../src/core/library/csl';
import { matchPaper, paperMatcher } from '../../src/core/library/match';
import { parseNames } from '../../src/core/library/names';
import { texToUnicode } from '../../src/core/library/tex';
import { runNow } from '../../src/core/util/sliced';
import { realCorpus, realData } from '../support/realCorpus';

suite('library: TeX to Unicode', () => {
  const cases: [string, string][] = [
    ['{\\"O}sterreich', 'Österreich'],
    ['Erd{\\H{o}}s', 'Erdős'],
    ["\\'{E}cole and Jos\\'e", 'École and José'],
    ['Stra{\\ss}e, {\\AA}ngstr{\\"o}m, {\\L}ukasz', 'Straße, Ångström, Łukasz'],
    ['na\\"\\i{}ve', 'naïve'],
    ['Fran\\c{c}ois {\\v{S}}koda', 'François Škoda'],
    ['a---b -- c', 'a—b – c'],
    ["``quoted'' and \\enquote{this}", '“quoted” and “this”'],
    ['The {TeX}book and \\TeX{} and \\LaTeX', 'The TeXbook and TeX and LaTeX'],
    ['\\emph{Deep} $\\alpha$-nets with $O(n^2)$ and $O(n \\log n)$', 'Deep α-nets with O(n²) and O(n log n)'],
    ['S$^{2}$FT and H$_2$O', 'S²FT and H₂O'],
    ['\\url{https://x.io/a_b} \\href{http://a}{Link}', 'https://x.io/a_b Link'],
    ['50\\% \\& more', '50% & more'],
    ['{\\noopsort{1973c}}1981', '1981'],
    ['M\\"{u}ller~and~Sons', 'Müller and Sons'],
    ['A User\'s Guide to \\PLOT', "A User's Guide to PLOT"],
  ];
  for (const [tex, text] of cases) test(`${tex} → ${text}`, () => assert.equal(texToUnicode(tex), text));
});

suite('library: BibTeX names', () => {
  test('Last, First; First Last; von parts; Jr; a braced organisation; and others', () => {
    const { authors, truncated } = parseNames('Pan, Zizheng and Jianfei Cai and van de Weijer, Joost and Ludwig van Beethoven and Smith, Jr., John and {World Health Organization} and others');
    assert.deepEqual(authors, [
      { name: 'Zizheng Pan', given: 'Zizheng', family: 'Pan' },
      { name: 'Jianfei Cai', given: 'Jianfei', family: 'Cai' },
      { name: 'Joost van de Weijer', given: 'Joost', family: 'van de Weijer' },
      { name: 'Ludwig van Beethoven', given: 'Ludwig', family: 'van Beethoven' },
      { name: 'John Smith Jr.', given: 'John', family: 'Smith Jr.' },
      { name: 'World Health Organization', organization: true },
    ]);
    assert.equal(truncated, true);
  });
  test('accents in names, a single name, "and" inside braces', () => {
    assert.deepEqual(parseNames('Rozi{\\`e}re, Baptiste and Plato and {Barnes and Noble}').authors, [
      { name: 'Baptiste Rozière', given: 'Baptiste', family: 'Rozière' },
      { name: 'Plato', family: 'Plato' },
      { name: 'Barnes and Noble', organization: true },
    ]);
  });
});

suite('library: reading a BibTeX file', () => {
  const file = 'refs.bib';
  test('macros, concatenation, month macros, quoted values, BibLaTeX dates and fields, arXiv eprints, DOIs', () => {
    const bib = [
      '@string{nips = "Advances in Neural Information Processing Systems"}',
      '@STRING(conf = "Proc. ")',
      '@inproceedings{pan2022fast,',
      '  author = {Pan, Zizheng and Cai, Jianfei and Zhuang, Bohan},',
      '  title = "Fast Vision Transformers with {HiLo} Attention",',
      '  booktitle = conf # nips,',
      '  year = 2022, month = may,',
      '  eprint = {2205.13213}, archivePrefix = {arXiv},',
      '  doi = {https://doi.org/10.5555/3600270.3601384}',
      '}',
      '@online{transmla, title = {{TransMLA}}, subtitle = {Multi-head Latent Attention Is All You Need}, date = {2025-02-11/2025-06-01}, eprinttype = {arxiv}, eprint = {2502.07864v3}}',
      '@comment{ignored, title = {no}}',
      '@preamble{"\\newcommand{\\noopsort}[1]{}"}',
    ].join('\n');
    const r = parseBibtexNow(bib, file);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.entries.map((e) => [e.key, e.type, e.title, e.venue, e.year, e.date, e.arxiv, e.doi, e.line]),
      [
        ['pan2022fast', 'inproceedings', 'Fast Vision Transformers with HiLo Attention', 'Proc. Advances in Neural Information Processing Systems', 2022, { year: 2022, month: 5 }, '2205.13213', '10.5555/3600270.3601384', 3],
        ['transmla', 'online', 'TransMLA: Multi-head Latent Attention Is All You Need', undefined, 2025, { year: 2025, month: 2, day: 11 }, '2502.07864', undefined, 11],
      ],
    );
  });
  test('crossref: the entry inherits what it lacks, the parent title becomes its booktitle', () => {
    const r = parseBibtexNow('@inproceedings{a, title = {A}, crossref = {conf}}\n@proceedings{conf, title = {The Conference}, year = 1999, publisher = {P}}', file);
    assert.deepEqual([r.entries[0]?.venue, r.entries[0]?.year], ['The Conference', 1999]);
  });
  test('an entry that never closes is a problem at its line; reading resumes at the next @ line; nothing after it is lost', () => {
    const r = parseBibtexNow('@misc{ok1, title = {One}}\n@misc{broken,\n  title = {Never closed,\n  year = 2020\n@misc{ok2, title = {Two}}\n', file);
    assert.deepEqual(r.entries.map((e) => e.key), ['ok1', 'ok2']);
    assert.equal(r.entries[1]?.line, 5);
    assert.deepEqual(r.problems.map((p) => [p.line, p.key, p.severity]), [[2, 'broken', 'error']]);
    assert.match(r.problems[0]?.reason ?? '', /never closes/);
  });
  test('a missing comma, a missing "=", a repeated key and a missing key are problems at their lines; an undefined macro is a warning', () => {
    const r = parseBibtexNow('@misc{a,\n  title = {A}\n  year = 2020}\n@misc{b, title {B}}\n@misc{c, title = {C}}\n@misc{C, title = {again}}\n@misc{, title = {no key}}\n@misc{d, journal = jmlr, title = {D}}', file);
    assert.deepEqual(r.entries.map((e) => e.key), ['c', 'd']);
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.severity, p.reason]),
      [
        [3, 'error', 'a comma is missing after the field "title"'],
        [4, 'error', 'the field "title" has no "=" after its name'],
        [6, 'error', 'the key "C" is used again (first on line 5); this entry is skipped'],
        [7, 'error', 'the @misc entry has no citation key'],
        [8, 'warning', '"jmlr" is not a defined @string; read as empty'],
      ],
    );
  });
  test('text outside entries is ignored, as BibTeX ignores it; an e-mail address is not an entry', () => {
    const r = parseBibtexNow('Notes by ann@example.org\n\n@misc{a, title = {A}}\n', file);
    assert.deepEqual([r.entries.map((e) => e.key), r.problems], [['a'], []]);
  });
});

suite('library: reading a CSL-JSON file', () => {
  const json = JSON.stringify(
    [
      { id: 'pan2022', type: 'paper-conference', title: 'Fast ViTs', author: [{ family: 'Pan', given: 'Zizheng' }, { literal: 'others' }], issued: { 'date-parts': [[2022, 5, 26]] }, 'container-title': 'NeurIPS', archive: 'arXiv', number: '2205.13213', DOI: '10.1/x' },
      { id: 'vdw', title: 'T', author: [{ family: 'Weijer', 'non-dropping-particle': 'van de', given: 'Joost' }, { literal: 'OpenAI' }], issued: { raw: '2021-03' } },
      { title: 'no id' },
      { id: 'pan2022', title: 'again' },
    ],
    null,
    2,
  );
  test('items, names, dates, venue, arXiv and DOI; a broken item is a problem at its line and the rest loads', () => {
    const r = runNow(parseCslJson(json, 'refs.json'));
    assert.deepEqual(
      r.entries.map((e) => [e.key, e.type, e.title, e.authors.map((a) => a.name), e.authorsTruncated, e.date, e.venue, e.arxiv, e.doi]),
      [
        ['pan2022', 'paper-conference', 'Fast ViTs', ['Zizheng Pan'], true, { year: 2022, month: 5, day: 26 }, 'NeurIPS', '2205.13213', '10.1/x'],
        ['vdw', 'article', 'T', ['Joost van de Weijer', 'OpenAI'], false, { year: 2021, month: 3 }, undefined, undefined, undefined],
      ],
    );
    // An item's line is the line of its opening brace.
    const lines = json.split('\n');
    const opening = (needle: string) => lines.slice(0, lines.findIndex((l) => l.includes(needle))).lastIndexOf('  {') + 1;
    assert.deepEqual(
      r.problems.map((p) => [p.line, p.reason]),
      [
        [opening('"no id"'), 'this item has no "id" or "citation-key", so it cannot be cited'],
        [opening('"again"'), 'the id "pan2022" is used again (first on line 2); this item is skipped'],
      ],
    );
  });
  test('invalid JSON in one item costs only that item; a file that is not CSL-JSON says so', () => {
    const r = runNow(parseCslJson('[\n{"id": "a", "title": "A"},\n{"id": "b", "title": },\n{"id": "c", "title": "C"}\n]', 'x.json'));
    assert.deepEqual(r.entries.map((e) => e.key), ['a', 'c']);
    assert.equal(r.problems[0]?.line, 3);
    assert.match(r.problems[0]?.reason ?? '', /^this item is not valid JSON/);
    assert.deepEqual(runNow(parseCslJson('@misc{a}', 'x.json')).problems.map((p) => p.reason), ['is not CSL-JSON: it does not start with [ or {']);
    assert.match(runNow(parseCslJson('[{"id": "a", "title": "A"', 'x.json')).problems[0]?.reason ?? '', /never closes/);
  });
});

suite('library: which entries are bundled papers', () => {
  const m = paperMatcher(realCorpus().papers);
  test('by arXiv id, by DOI, or by title with a year one apart at most', () => {
    assert.equal(matchPaper(m, { title: 'anything', arxiv: '2205.13213' }), 'fast-vision-transformers-with-hilo-attention');
    assert.equal(matchPaper(m, { title: 'Fast Vision Transformers with {HiLo} Attention', year: 2023 }), 'fast-vision-transformers-with-hilo-attention');
    assert.equal(matchPaper(m, { title: 'Fast vision transformers with HiLo attention.' }), 'fast-vision-transformers-with-hilo-attention');
    assert.equal(matchPaper(m, { title: 'Fast Vision Transformers with HiLo Attention', year: 2019 }), undefined);
    assert.equal(matchPaper(m, { title: 'Attention Is All You Need', year: 2017 }), undefined);
  });

  test('after an edit, the entries are matched again (in slices, or at the next look-up): the edited entry by its new text', () => {
    const lib = new LibrarySearch();
    const cache = new BibtexCache();
    const text = '@misc{hilo, title = {Fast Vision Transformers with HiLo Attention}, year = 2022}\n@misc{other, title = {Something Else}}';
    runNow(lib.setFile(runNow(parseBibtex(text, 'refs.bib', cache))));
    const refs = new LibraryReferences(lib, realData().corpus.papers);
    assert.equal(refs.entryForPaper('fast-vision-transformers-with-hilo-attention')?.key, 'hilo');
    runNow(lib.setFile(runNow(parseBibtex(text.replace('HiLo Attention', 'LoHi Attention'), 'refs.bib', cache))));
    refs.changed();
    runNow(refs.rematch());
    assert.equal(refs.entryForPaper('fast-vision-transformers-with-hilo-attention'), undefined);
    runNow(lib.setFile(runNow(parseBibtex(`% moved\n${text}`, 'refs.bib', cache))));
    refs.changed();
    assert.equal(refs.entryForPaper('fast-vision-transformers-with-hilo-attention')?.line, 2);
  });
});

suite('library: several keys at once', () => {
  test('a new \\cite{a,b} or [@a; @b]; into an existing group, only the keys not there yet', () => {
    assert.deepEqual(citeKeysEdit('x y', 2, ['a', 'b'], 'latex', 'citep'), { start: 2, end: 2, text: '\\citep{a,b}', alreadyCited: false });
    assert.deepEqual(citeKeysEdit('x y', 2, ['a', 'b'], 'pandoc'), { start: 2, end: 2, text: '[@a; @b]', alreadyCited: false });
    assert.deepEqual(citeKeysEdit('see \\cite{a} z', 10, ['a', 'b', 'c'], 'latex'), { start: 11, end: 11, text: ', b, c', alreadyCited: false });
    assert.deepEqual(citeKeysEdit('see [@a] z', 6, ['a', 'b'], 'pandoc'), { start: 7, end: 7, text: '; @b', alreadyCited: false });
    assert.equal(citeKeysEdit('see \\cite{a,b}', 11, ['b', 'a'], 'latex').alreadyCited, true);
  });
});

suite('library: techniques from the user\'s own papers', () => {
  test('a title\'s coined name and an abstract\'s acronyms of three letters or more; everyday words, short acronyms and known names are left out', () => {
    const entry = (key: string, title: string, abstract?: string) => ({ key, type: 'misc', title, authors: [], authorsTruncated: false, file: 'refs.bib', line: 1, ...(abstract ? { abstract } : {}) });
    const lexicon = runNow(
      learnTechniques(
        [
          entry('a', 'LatentMixer: Mixing Latent Heads', 'We mix heads by Latent Head Mixing (LHM) on a Graphics Processor (GP).'),
          entry('b', 'Attention: A Survey'),
          entry('c', 'TransMLA: Known Already'),
          entry('d', 'FlashAttention-3: Faster'),
        ],
        (key) => key === 'transmla',
      ),
    );
    assert.deepEqual(lexicon.techniques.map((t) => [t.name, t.kind, t.expansions, t.papers.map((p) => p.id)]), [
      ['LatentMixer', 'name', [], ['library:refs.bib#a']],
      ['LHM', 'acronym', ['Latent Head Mixing'], ['library:refs.bib#a']],
      ['FlashAttention-3', 'name', [], ['library:refs.bib#d']],
    ]);
  });
});

suite('library: reading a file again after an edit', () => {
  const TEXT = [
    '@string{tug = "TUGboat"}',
    '@article{knuth84, author = {Knuth, Donald E.}, title = {Literate Programming}, journal = tug, year = 1984}',
    '@proceedings{conf, title = {Proceedings of the Conference}, year = 2020}',
    '@inproceedings{child, author = {Doe, Jane}, title = {A Paper}, crossref = {conf}}',
    '@misc{other, title = {Another}, year = 2001}',
  ].join('\n');
  const read = (text: string, cache?: BibtexCache) => runNow(parseBibtex(text, 'refs.bib', cache));
  const plain = (f: ReturnType<typeof read>) => JSON.parse(JSON.stringify(f)) as unknown;

  test('with the cache, every edit reads as a fresh read does: an entry, a line shift, a macro, a crossref parent', () => {
    const cache = new BibtexCache();
    read(TEXT, cache);
    const edits = [
      TEXT.replace('Literate Programming', 'Literate Programming, Again'),
      `% a new first line\n${TEXT}`,
      TEXT.replace('"TUGboat"', '"TUGboat Journal"'),
      TEXT.replace('Proceedings of the Conference', 'Proceedings of the Other Conference').replace('year = 2020', 'year = 2021'),
      TEXT.replace(/@misc\{other[^\n]*/, ''),
      TEXT,
    ];
    for (const edited of edits) assert.deepEqual(plain(read(edited, cache)), plain(read(edited)), edited);
  });

  test('property: any run of edits, read with the cache, reads as a fresh read does (braces, @ signs, macros, lines)', () => {
    // A file with every kind of block, text between blocks, an "@" that starts no block, and entries in parentheses.
    const base = [
      '@string{tug = "TUGboat"}',
      '% a comment line, and an e-mail: someone@example.org',
      ...Array.from({ length: 12 }, (_, i) => `@article{a${i},\n  author = {Doe, Jane and Roe, Rich},\n  title = {Title {${i}}},\n  journal = tug,\n  year = ${2000 + i}\n}`),
      '@comment{ignored {nested} text}',
      '@proceedings{conf, title = {Proceedings}, year = 2020}',
      '@inproceedings(paren, title = "A (paren) title", crossref = {conf})',
      '@preamble{"\\newcommand{\\x}{y}"}',
      '@misc{last, title = {Last}}',
    ].join('\n');
    const piece = fc.constantFrom('{', '}', '@', '@misc{', '@string{tug = "T"}', '\n', '\n@article{z, title = {Z}}\n', ',', '=', '"', '(', ')', 'x', ' and ', 'tug', '#');
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 30 }), ins: fc.array(piece, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const cache = new BibtexCache();
        let text = base;
        read(text, cache);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.ins.join('') + text.slice(at + e.del);
          assert.deepEqual(plain(read(text, cache)), plain(read(text)));
        }
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  test('a file with a block that never closes is read again whole: a block reads as it did only after the same @string blocks', () => {
    // Review findings: the same text after other macros, and an entry moved past the @string it uses.
    const t1 = '@string{b = a}\n@string{a = "X"}\n@misc{k, title = b}\n@string{b = a}\n@misc{bad,';
    const pairs: [string, string][] = [
      [t1, t1],
      [t1, t1.replace('title = b}', 'title = b # "!"}')],
      ['@misc{k, title = a}\n@string{a = "X"}\n@misc{bad,', '@string{a = "X"}\n@misc{k, title = a}\n@misc{bad,'],
    ];
    for (const [before, after] of pairs) {
      const cache = new BibtexCache();
      read(before, cache);
      assert.deepEqual(plain(read(after, cache)), plain(read(after)), after);
    }
  });

  test('an unchanged entry is not read again: its entry is the same object; a changed one is new', () => {
    const cache = new BibtexCache();
    const first = read(TEXT, cache);
    const again = read(TEXT.replace('{Another}', '{Another One}'), cache);
    assert.equal(again.entries[0], first.entries[0]);
    assert.notEqual(again.entries[3], first.entries[3]);
    assert.equal(again.entries[3]?.title, 'Another One');
  });

  test('the search finds the edited entry and forgets the old text; the other files stay', () => {
    const lib = new LibrarySearch();
    const cache = new BibtexCache();
    runNow(lib.setFile(read(TEXT, cache)));
    runNow(lib.setFile(runNow(parseBibtex('@misc{x, title = {Quantum Gravity}}', 'other.bib'))));
    runNow(lib.setFile(read(TEXT.replace('Literate Programming', 'Structured Programming'), cache)));
    assert.equal(lib.search('structured programming')[0]?.entry.key, 'knuth84');
    assert.equal(lib.search('literate').length, 0);
    assert.equal(lib.search('quantum gravity')[0]?.entry.key, 'x');
    assert.equal(lib.size, 5);
  });
});

suite('library: an edit to a large file keeps its index', () => {
  // 1,200 entries (over the size from which an edit is indexed beside the file's index), each a distinct title.
  const WORDS = ['sparse', 'attention', 'kernel', 'diffusion', 'graph', 'pruning', 'token', 'vision', 'speech', 'memory', 'routing', 'quantized', 'recurrent', 'contrastive', 'latent', 'adaptive'];
  const title = (i: number) => `${WORDS[i % 16]} ${WORDS[Math.floor(i / 16) % 16]} ${WORDS[Math.floor(i / 256) % 16]} study ${i}`;
  const entryText = (i: number, t = title(i)) => `@article{k${i},\n  author = {Author${i % 37}, Ann},\n  title = {${t}},\n  journal = {Journal ${i % 5}},\n  year = ${1990 + (i % 30)}\n}`;
  const TEXT = Array.from({ length: 1200 }, (_, i) => entryText(i)).join('\n');
  const QUERIES = ['sparse attention', 'graph pruning study', 'author7', 'memory routing 1999', 'vision', 'latnet', 'study 1111', 'journal 3 kernel'];
  const keys = (lib: LibrarySearch, q: string) => lib.search(q, 10).map((h) => h.entry.key);
  const fresh = (text: string) => {
    const lib = new LibrarySearch();
    runNow(lib.setFile(runNow(parseBibtex(text, 'big.bib'))));
    return lib;
  };

  test('after edits, searches rank as a fresh index of the edited file does', () => {
    const cache = new BibtexCache();
    const lib = new LibrarySearch();
    runNow(lib.setFile(runNow(parseBibtex(TEXT, 'big.bib', cache))));
    let text = TEXT;
    const edits: ((t: string) => string)[] = [
      (t) => t.replace(entryText(5), entryText(5, 'Quantum Sparse Attention Revisited')),
      (t) => `% a new first line\n${t}`,
      (t) => t.replace(entryText(700), ''),
      (t) => `${t}\n${entryText(5000, 'graph pruning study of routing')}`,
    ];
    for (const edit of edits) {
      text = edit(text);
      runNow(lib.setFile(runNow(parseBibtex(text, 'big.bib', cache))));
      const again = fresh(text);
      for (const q of QUERIES) assert.deepEqual(keys(lib, q), keys(again, q), q);
      assert.equal(lib.size, again.size);
    }
    assert.equal(lib.search('quantum sparse attention')[0]?.entry.key, 'k5');
    assert.equal(lib.search('study 700').some((h) => h.entry.key === 'k700'), false);
    // Every hit is the entry as the file holds it now: one line down (the new first line), five up (k700's lines are gone).
    assert.equal(lib.search('study 1111')[0]?.entry.line, 1 + 1111 * 6 + 1 - 5);
  });

  test('ties between the file\'s index and the edited entries go to the earlier entry, as in one index', () => {
    const cache = new BibtexCache();
    const lib = new LibrarySearch();
    runNow(lib.setFile(runNow(parseBibtex(TEXT, 'big.bib', cache))));
    const text = TEXT.replace(entryText(5), entryText(5, 'other words here'));
    runNow(lib.setFile(runNow(parseBibtex(text, 'big.bib', cache))));
    for (const limit of [1, 4, 10]) assert.deepEqual(lib.search('journal 0', limit).map((h) => h.entry.key), fresh(text).search('journal 0', limit).map((h) => h.entry.key), String(limit));
  });

  test('an edit to many entries indexes the file again whole; nothing stale is found', () => {
    const cache = new BibtexCache();
    const lib = new LibrarySearch();
    runNow(lib.setFile(runNow(parseBibtex(TEXT, 'big.bib', cache))));
    const renamed = TEXT.replace(/study (\d+)/g, 'survey $1');
    runNow(lib.setFile(runNow(parseBibtex(renamed, 'big.bib', cache))));
    assert.equal(lib.search('study').length, 0);
    for (const q of ['survey 1111', 'sparse attention']) assert.deepEqual(keys(lib, q), keys(fresh(renamed), q), q);
  });
});

suite('library: the top of a search is the top of the whole ranking', () => {
  test('for every limit, the hits are the first of all hits (by score, then by id), whatever order the candidates come in', () => {
    // Review finding: papers boosted by an author and papers tied at the floor, with a cut in between.
    const E = (i: number, authors: string[]): LibraryEntry => ({ key: `k${i}`, type: 'misc', title: `paper number${i}`, authors: authors.map((name) => ({ name })), authorsTruncated: false, file: 'f', line: i + 1 });
    const entries = Array.from({ length: 30 }, (_, i) => E(i, []));
    for (const i of [0, 1, 2, 3]) entries[i] = E(i, ['Ann Smith', 'B Lee', 'C Kim', 'D Park']);
    for (const i of [25, 26, 27, 28]) entries[i] = E(i, ['Ann Graph', 'B Lee', 'C Kim', 'D Park']);
    entries[20] = E(20, ['Ann Smith']);
    entries[10] = E(10, ['Ann Graph']);
    const lib = new LibrarySearch();
    runNow(lib.setFile({ file: 'f', format: 'bibtex', entries, problems: [] }));
    for (const q of ['smith graph', 'smith', 'paper', 'lee kim', 'number1']) {
      const all = lib.search(q, 1000).map((h) => h.entry.key);
      for (let limit = 1; limit <= 12; limit++) assert.deepEqual(lib.search(q, limit).map((h) => h.entry.key), all.slice(0, limit), `${q} ${limit}`);
    }
  });
});

suite('library: CSL-JSON as Zotero exports it', () => {
  test('the citation key Zotero or Better BibTeX exports wins over the item id', () => {
    const text = JSON.stringify([
      { id: 'http://zotero.org/users/1/items/ABCD1234', 'citation-key': 'doe2020deep', type: 'article-journal', title: 'Deep Things' },
      { id: 'smith2019', type: 'book', title: 'A Book' },
    ]);
    assert.deepEqual(runNow(parseCslJson(text, 'My Library.json')).entries.map((e) => e.key), ['doe2020deep', 'smith2019']);
  });
});

suite('library: files that are not what they say', () => {
  const read = (bytes: Uint8Array) => runNow(readLibrary(bytes, 'file:///w/refs.bib'));

  test('a binary file renamed .bib: no entries, one problem at line 1 that says so', () => {
    const r = read(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    assert.deepEqual(r.entries, []);
    assert.deepEqual(r.problems.map((p) => [p.line, p.severity, p.reason]), [[1, 'error', 'is not text (it holds NUL bytes)']]);
  });

  test('a file over the size bound is refused before it is decoded, with its size', () => {
    const r = read(new Uint8Array(LIBRARY_MAX_BYTES + 1));
    assert.deepEqual(r.entries, []);
    assert.match(r.problems[0]?.reason ?? '', /^is 64 MB; PaperLens reads library files up to 64 MB$/);
  });

  test('a 20 MB file reads whole, in steps of at most a hundred entries', () => {
    const entry = (i: number) => `@article{key${i},\n  author = {Author, Some and Other, Any},\n  title = {A Title About Topic Number ${i} ${'and more words '.repeat(40)}},\n  journal = {Journal},\n  year = {${1950 + (i % 70)}}\n}\n`;
    const n = Math.ceil((20 * 1024 * 1024) / entry(0).length);
    const text = Array.from({ length: n }, (_, i) => entry(i)).join('');
    assert.ok(text.length >= 20 * 1024 * 1024);
    const work = readLibrary(new TextEncoder().encode(text), 'file:///w/big.bib');
    let steps = 0;
    let r = work.next();
    while (!r.done) {
      steps++;
      r = work.next();
    }
    assert.equal(r.value.entries.length, n);
    assert.deepEqual(r.value.problems, []);
    assert.ok(steps >= (2 * n) / 100, `${steps} steps for ${n} entries`);
  });
});

suite('library: your papers on a technique', () => {
  const papers = realData().corpus.papers;
  const lib = new LibrarySearch();
  runNow(
    lib.setFile(
      parseBibtexNow(
        [
          '@misc{a, title = {Budgeted KV-Cache Eviction for Streaming Decoders}, year = 2024}',
          '@misc{b, title = {TransMLA for Everyone}, year = 2025}',
          '@misc{c, title = {A Key-Value Cache Survey}, year = 2023}',
          '@misc{d, title = {Caching at the Edge}, year = 2020}',
          '@misc{hilo, title = {Fast Vision Transformers with {HiLo} Attention}, author = {Pan, Zizheng}, year = 2022}',
        ].join('\n'),
        'refs.bib',
      ),
    ),
  );
  const refs = new LibraryReferences(lib, papers);

  test('titles that name the technique or its expansion as whole words; never part of a word, never a bundled paper', () => {
    assert.deepEqual(refs.entriesNaming(['KV cache', 'key-value cache'], 3).map((e) => e.key), ['a', 'c']);
    assert.deepEqual(refs.entriesNaming(['MLA'], 3), []);
    assert.deepEqual(refs.entriesNaming(['HiLo'], 3), []);
    assert.deepEqual(refs.entriesNaming(['KV cache', 'key-value cache'], 1).map((e) => e.key), ['a']);
  });

  test('one ranking: a result that matches more of the query comes first, from either source; then rank fusion', () => {
    const corpus = (q: string, n: number) => realData().search.search(q, { limit: n });
    const top = (q: string) => refs.search(q, corpus, 5).map((r) => (r.kind === 'entry' ? `entry:${r.entry.key}` : `paper:${r.paper.id}`));
    // "Budgeted KV-Cache Eviction" matches two words of three; the bundled KV cache compression papers all three.
    const three = top('kv cache compression');
    assert.match(three[0] ?? '', /^paper:.*kv-cache-compression/);
    assert.ok(three.indexOf('entry:a') === -1 || three.indexOf('entry:a') > 0, three.join(' '));
    // Both match every word of "kv cache eviction"? Only the entry does; it comes first.
    assert.equal(top('kv cache eviction')[0], 'entry:a');
    // The user's HiLo is the bundled paper: one row.
    assert.equal(top('hilo attention').filter((r) => r.includes('hilo')).length, 1);
  });

  test('fuseRankings: tiers first, then the sum of reciprocal ranks, then list order', () => {
    assert.deepEqual(fuseRankings([['a', 'b'], ['b', 'c']], (x) => x), ['b', 'a', 'c']);
    assert.deepEqual(fuseRankings([['a', 'b'], ['c']], (x) => x, (x) => (x === 'c' ? 2 : 1)), ['c', 'a', 'b']);
    assert.deepEqual(fuseRankings([['a'], ['b']], (x) => x), ['a', 'b']);
  });
});
