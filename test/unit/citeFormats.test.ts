import * as assert from 'node:assert/strict';
import { bibAuthors, describeMissing, isoDate, toBiblatex, toBibtex } from '../../src/core/cite/bibtex';
import {
  CITATION_FORMATS,
  type CslItem,
  apaAuthors,
  formatBibliography,
  formatCitation,
  isCitationFormat,
  toCslJson,
} from '../../src/core/cite/formats';
import { assignKeys } from '../../src/core/cite/keys';
import { makePaper, org, person } from '../support/papers';
import { paperById, realCorpus } from '../support/realCorpus';

const HILO = 'fast-vision-transformers-with-hilo-attention';
/** A preprint: an arXiv id and the first version's date from arXiv, its full author list, no venue or DOI. */
const PREPRINT = (() => {
  const p = realCorpus().papers.find((x) => x.arxiv && x.date?.day && x.provenance?.['date']?.via === 'primary' && x.authors.length > 0 && !x.authorsTruncated && !x.venue && !x.doi);
  if (!p?.arxiv || !p.date?.year || !p.date.month || !p.date.day) throw new Error('the corpus has no preprint with a full date');
  return { id: p.id, arxiv: p.arxiv, year: p.date.year, month: p.date.month, day: p.date.day };
})();
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DEEPSEEK_V3 = 'deepseek-v3-technical-report';
const MATFORMER = 'matformer-nested-transformer-for-elastic-inference';
/** The shape of a paper the listings say little about, and no metadata was found for: title only. */
const THIN = makePaper({ title: 'TransMLA: Multi-head Latent Attention Is All You Need', shortName: 'TransMLA' });
/** A listing's month and day without a year. */
const PARTIAL_DATE = makePaper({ title: 'SANA-Video: Efficient Video Generation', shortName: 'SANA-Video', authors: [person('Junsong Chen')], date: { month: 9, day: 29 } });
const TMLR = { type: 'journal', name: 'Transactions on Machine Learning Research', short: 'TMLR', year: 2024 } as const;

suite('cite bibtex: entries', () => {
  test('a paper with full metadata: @inproceedings at its venue, with its arXiv id as an eprint', () => {
    assert.equal(
      toBibtex(paperById(HILO), 'pan2022fast'),
      [
        '@inproceedings{pan2022fast,',
        '  title         = {Fast Vision Transformers with {HiLo} Attention},',
        '  author        = {Pan, Zizheng and Cai, Jianfei and Zhuang, Bohan},',
        '  booktitle     = {Advances in Neural Information Processing Systems},',
        '  year          = {2022},',
        '  eprint        = {2205.13213},',
        '  archivePrefix = {arXiv},',
        '  primaryClass  = {cs.CV},',
        '  url           = {https://arxiv.org/abs/2205.13213}',
        '}',
      ].join('\n'),
    );
  });
  test('a preprint: @misc with the first version\'s year and month, the eprint and its page', () => {
    const bib = toBibtex(paperById(PREPRINT.id), 'k');
    assert.match(bib, /^@misc\{k,$/m);
    const id = escaped(PREPRINT.arxiv);
    assert.match(bib, new RegExp(`^ {2}year {10}= \\{${PREPRINT.year}\\},\\n {2}month {9}= ${MONTHS[PREPRINT.month - 1]},\\n {2}eprint {8}= \\{${id}\\},\\n {2}archivePrefix = \\{arXiv\\},$`, 'm'));
    assert.match(bib, new RegExp(`^ {2}url {11}= \\{https://arxiv\\.org/abs/${id}\\}$`, 'm'));
    assert.doesNotMatch(bib, /howpublished/); // the arXiv page, not the code, is where the paper is
  });
  test('a journal paper is an @article; a DOI is kept; a venue\'s year wins over the preprint\'s, with no month', () => {
    const p = makePaper({ title: 'A study', authors: [person('Ada Lovelace')], year: 2023, date: { year: 2023, month: 11 }, venue: TMLR, doi: '10.1000/x_y', arxiv: '2311.00001' });
    const bib = toBibtex(p, 'k');
    assert.match(bib, /^@article\{k,\n {2}title {9}= \{A study\},\n {2}author {8}= \{Lovelace, Ada\},\n {2}journal {7}= \{Transactions on Machine Learning Research\},\n {2}year {10}= \{2024\},$/m);
    assert.doesNotMatch(bib, /month/);
    assert.match(bib, /^ {2}doi {11}= \{10\.1000\/x_y\},$/m);
    // Without authors there is no proper @article: the venue waits until they are known.
    assert.match(toBibtex(makePaper({ title: 'T', venue: TMLR }), 'k'), /^@misc\{k,/m);
  });
  test('a thin paper: only what is known, a key field for sorting, a comment saying what is missing', () => {
    assert.equal(
      toBibtex(THIN, 'transmla'),
      [
        '% Missing from the PaperLens corpus: authors, year. Add them before you publish.',
        '@misc{transmla,',
        '  title = {{TransMLA}: Multi-head Latent Attention Is All You Need},',
        '  key   = {TransMLA}',
        '}',
      ].join('\n'),
    );
  });
  test('an organisation is braced and a cut-short list ends in "and others"', () => {
    const bib = toBibtex(paperById(DEEPSEEK_V3), 'deepseekai2024deepseekv3');
    assert.match(bib, /^@misc\{deepseekai2024deepseekv3,$/m);
    assert.match(bib, /^ {2}author {8}= \{\{DeepSeek-AI\} and Liu, Aixin and Feng, Bei and others\},$/m);
    assert.match(bib, /^% Missing from the PaperLens corpus: authors after the first 3 \(the listing says "et al\."\)\./);
    assert.match(bib, /^ {2}month {9}= dec,$/m);
  });
  test('the listing\'s author count and partial date show in the comment, never as fields', () => {
    assert.match(toBibtex(paperById(MATFORMER), 'matformer2023'), /^% Missing from the PaperLens corpus: authors \(the listing counts 11, names not given\)\./);
    const sana = toBibtex(PARTIAL_DATE, 'sanavideo');
    assert.match(sana, /year \(the listing gives only Sep 29\)/);
    assert.doesNotMatch(sana, /month|year *=/); // a month without a year is not a date
  });
  test('missing: "note" moves the gap into the note field instead of a comment', () => {
    const bib = toBibtex(THIN, 'transmla', { missing: 'note' });
    assert.doesNotMatch(bib, /^%/m);
    assert.match(bib, /^ {2}note {2}= \{Missing from the PaperLens corpus: authors, year\}$/m);
    assert.equal(toBibtex(paperById(HILO), 'k', { missing: 'note' }), toBibtex(paperById(HILO), 'k')); // nothing missing, no note
  });
  test('the abstract only when asked, escaped like any field', () => {
    assert.doesNotMatch(toBibtex(paperById(HILO), 'k'), /abstract/);
    const bib = toBibtex(makePaper({ title: 'T', abstract: 'We save 50% & more: ~2× faster.' }), 'k', { abstract: true });
    assert.match(bib, /^ {2}abstract = \{We save 50\\% \\& more: \\textasciitilde\{\}2\$\\times\$ faster\.\}$/m);
    assert.doesNotMatch(toBibtex(makePaper({ title: 'T' }), 'k', { abstract: true }), /abstract/); // empty abstract: no field
  });
  test('names: accents escaped, a comma or "and" inside a name braced, a display-only name braced whole', () => {
    const p = makePaper({
      title: 'T',
      authors: [person('Baptiste Rozière'), { name: 'X', family: 'Smith, Jr', given: 'John' }, { name: 'Ann and Bo', family: 'Bo', given: 'Ann and' }, { name: 'Plato' }],
    });
    assert.equal(bibAuthors(p), 'Rozi{\\`e}re, Baptiste and {Smith, Jr}, John and Bo, {Ann and} and {Plato}');
  });
  test('a URL character that would break the field is percent-encoded', () => {
    const bib = toBibtex(makePaper({ title: 'T', codeUrl: 'https://x.io/a_b%20c#d', urls: [] }), 'k');
    assert.match(bib, /howpublished = \{\\url\{https:\/\/x\.io\/a_b%20c#d\}\}/);
    // No arXiv page: the code is where the paper is found.
  });
});

suite('cite biblatex: entries', () => {
  test('a paper with full metadata: the venue\'s year, eprinttype arxiv, url', () => {
    assert.equal(
      toBiblatex(paperById(HILO), 'pan2022fast'),
      [
        '@inproceedings{pan2022fast,',
        '  title       = {Fast Vision Transformers with {HiLo} Attention},',
        '  author      = {Pan, Zizheng and Cai, Jianfei and Zhuang, Bohan},',
        '  booktitle   = {Advances in Neural Information Processing Systems},',
        '  date        = {2022},',
        '  eprint      = {2205.13213},',
        '  eprinttype  = {arxiv},',
        '  eprintclass = {cs.CV},',
        '  url         = {https://arxiv.org/abs/2205.13213}',
        '}',
      ].join('\n'),
    );
  });
  test('a preprint is @online with its ISO date; a journal paper is @article with journaltitle', () => {
    assert.match(toBiblatex(paperById(PREPRINT.id), 'k'), new RegExp(`^@online\\{k,[^]*^ {2}date {7}= \\{${iso(PREPRINT)}\\},$`, 'm'));
    const p = makePaper({ title: 'T', authors: [person('Ada Lovelace')], venue: TMLR, codeUrl: 'https://x.io/c', urls: [] });
    assert.match(toBiblatex(p, 'k'), /^@article\{k,\n.*\n.*\n {2}journaltitle = \{Transactions on Machine Learning Research\},\n {2}date {9}= \{2024\},\n {2}url {10}= \{https:\/\/x\.io\/c\}\n\}$/);
  });
  test('a thin paper still gets a valid entry with its gap shown', () => {
    assert.equal(
      toBiblatex(THIN, 'transmla'),
      '% Missing from the PaperLens corpus: authors, year. Add them before you publish.\n@online{transmla,\n  title = {{TransMLA}: Multi-head Latent Attention Is All You Need}\n}',
    );
  });
  test('isoDate is as precise as the corpus: day, month, year, or nothing without a year', () => {
    assert.equal(isoDate(paperById(HILO)), '2022-05-26');
    assert.equal(isoDate(makePaper({ title: 'T', year: 2024, date: { year: 2024, month: 6 } })), '2024-06');
    assert.equal(isoDate(makePaper({ title: 'T', year: 2024 })), '2024');
    assert.equal(isoDate(PARTIAL_DATE), undefined);
  });
});

suite('cite formats: keys, prose and comments', () => {
  const hilo = paperById(HILO);
  const transmla = THIN;

  test('LaTeX \\cite and its variants', () => {
    assert.equal(formatCitation(hilo, 'pan2022fast', 'latex'), '\\cite{pan2022fast}');
    for (const cmd of ['citep', 'citet', 'autocite', 'parencite', 'textcite'] as const) {
      assert.equal(formatCitation(hilo, 'pan2022fast', 'latex', { latexCommand: cmd }), `\\${cmd}{pan2022fast}`);
    }
  });
  test('Pandoc and Quarto', () => {
    assert.equal(formatCitation(hilo, 'pan2022fast', 'pandoc'), '[@pan2022fast]');
  });
  test('plain text in APA style, with n.d. and the title first when metadata is thin', () => {
    assert.equal(
      formatCitation(hilo, 'k', 'text'),
      'Pan, Z., Cai, J., & Zhuang, B. (2022). Fast Vision Transformers with HiLo Attention. Advances in Neural Information Processing Systems. https://arxiv.org/abs/2205.13213',
    );
    assert.equal(formatCitation(transmla, 'k', 'text'), 'TransMLA: Multi-head Latent Attention Is All You Need. (n.d.).');
    assert.equal(
      formatCitation(paperById(DEEPSEEK_V3), 'k', 'text'),
      'DeepSeek-AI, Liu, A., Feng, B., et al. (2024). DeepSeek-V3 Technical Report. https://arxiv.org/abs/2412.19437',
    );
  });
  test('APA names: initials for hyphenated and double given names, one author, two authors', () => {
    const two = makePaper({ title: 'T', authors: [person('De-An Huang'), person('Jean Paul Sartre')] });
    assert.equal(apaAuthors(two), 'Huang, D.-A., & Sartre, J. P.');
    assert.equal(apaAuthors(makePaper({ title: 'T', authors: [person('Ada Lovelace')] })), 'Lovelace, A.');
    assert.equal(apaAuthors(transmla), undefined);
  });
  test('a title ending in "?" gets no extra period', () => {
    const p = makePaper({ title: 'Is Attention All You Need?', year: 2024, codeUrl: 'https://x.io/a', urls: [] });
    assert.equal(formatCitation(p, 'k', 'text'), 'Is Attention All You Need? (2024). https://x.io/a');
    assert.equal(formatCitation(p, 'k', 'markdown'), '[Is Attention All You Need?](https://x.io/a) (2024).');
  });
  test('Markdown: the title linked to the arXiv page or the code, or in italics without a link; the venue in italics; Markdown characters escaped', () => {
    assert.equal(
      formatCitation(hilo, 'k', 'markdown'),
      'Pan, Z., Cai, J., & Zhuang, B. (2022). [Fast Vision Transformers with HiLo Attention](https://arxiv.org/abs/2205.13213). *Advances in Neural Information Processing Systems*.',
    );
    const journal = makePaper({ title: 'T', authors: [person('Ada Lovelace')], year: 2023, venue: { ...TMLR, name: 'J_1' } });
    assert.equal(formatCitation(journal, 'k', 'markdown'), 'Lovelace, A. (2024). *T.* *J\\_1*.');
    assert.equal(formatCitation(transmla, 'k', 'markdown'), '*TransMLA: Multi-head Latent Attention Is All You Need.* (n.d.).');
    const p = makePaper({ title: 'A [Star]*_Net_*', codeUrl: 'https://x.io/a_(b)', urls: [] });
    assert.equal(formatCitation(p, 'k', 'markdown'), '[A \\[Star\\]\\*\\_Net\\_\\*](<https://x.io/a_(b)>). (n.d.).');
  });
  test('a one-line code comment, the year left out when unknown, any comment prefix', () => {
    assert.equal(formatCitation(hilo, 'pan2022fast', 'comment'), '# See: Fast Vision Transformers with HiLo Attention (2022), pan2022fast');
    assert.equal(formatCitation(transmla, 'transmla', 'comment', { commentPrefix: '//' }), '// See: TransMLA: Multi-head Latent Attention Is All You Need, transmla');
    assert.equal(formatCitation(transmla, 'transmla', 'comment', { commentPrefix: '' }), 'See: TransMLA: Multi-head Latent Attention Is All You Need, transmla');
    assert.equal(formatCitation(makePaper({ title: 'Two\nLines' }), 'k', 'comment'), '# See: Two Lines, k');
  });
  test('isCitationFormat knows exactly the eight formats', () => {
    assert.deepEqual([...CITATION_FORMATS], ['bibtex', 'biblatex', 'latex', 'pandoc', 'markdown', 'text', 'comment', 'csl-json']);
    for (const f of CITATION_FORMATS) assert.ok(isCitationFormat(f));
    assert.ok(!isCitationFormat('ris'));
    assert.ok(!isCitationFormat('BibTeX'));
  });
});

suite('cite formats: CSL-JSON', () => {
  test('a paper with full metadata', () => {
    assert.deepEqual(toCslJson(paperById(HILO), 'pan2022fast'), {
      id: 'pan2022fast',
      type: 'paper-conference',
      title: 'Fast Vision Transformers with HiLo Attention',
      author: [
        { family: 'Pan', given: 'Zizheng' },
        { family: 'Cai', given: 'Jianfei' },
        { family: 'Zhuang', given: 'Bohan' },
      ],
      issued: { 'date-parts': [[2022]] },
      'container-title': 'Advances in Neural Information Processing Systems',
      archive: 'arXiv',
      number: '2205.13213',
      URL: 'https://arxiv.org/abs/2205.13213',
    });
    assert.deepEqual(toCslJson(paperById(PREPRINT.id), 'k').issued, { 'date-parts': [[PREPRINT.year, PREPRINT.month, PREPRINT.day]] }); // a preprint: its first version
    const journal = toCslJson(makePaper({ title: 'T', authors: [person('Ada Lovelace')], venue: TMLR, doi: '10.1000/x' }), 'k');
    assert.deepEqual([journal.type, journal['container-title'], journal.DOI], ['article-journal', 'Transactions on Machine Learning Research', '10.1000/x']);
  });
  test('a thin paper: no invented author or date', () => {
    assert.deepEqual(toCslJson(THIN, 'transmla'), {
      id: 'transmla',
      type: 'article',
      title: 'TransMLA: Multi-head Latent Attention Is All You Need',
    });
    assert.deepEqual(toCslJson(PARTIAL_DATE, 'sanavideo').issued, undefined); // a month and day without a year
  });
  test('organisations are literal; a cut-short list ends in Pandoc\'s {literal: "others"}', () => {
    assert.deepEqual(toCslJson(paperById(DEEPSEEK_V3), 'k').author, [
      { literal: 'DeepSeek-AI' },
      { family: 'Liu', given: 'Aixin' },
      { family: 'Feng', given: 'Bei' },
      { literal: 'others' },
    ]);
  });
  test('abstract and note only on request; the string form is the same object', () => {
    const p = paperById(HILO);
    assert.equal(toCslJson(p, 'k').abstract, undefined);
    assert.equal(toCslJson(p, 'k', { abstract: true }).abstract, p.abstract);
    assert.equal(toCslJson(THIN, 'k', { missing: 'note' }).note, 'Missing from the PaperLens corpus: authors, year');
    assert.deepEqual(JSON.parse(formatCitation(p, 'k', 'csl-json')), toCslJson(p, 'k'));
  });
  test('every paper in the corpus gives a well-formed CSL item', () => {
    const papers = realCorpus().papers;
    const keys = assignKeys(papers);
    const items = JSON.parse(formatBibliography(papers, keys, 'csl-json')) as CslItem[];
    assert.equal(items.length, papers.length);
    for (const item of items) {
      assert.deepEqual(Object.keys(item).filter((k) => !['id', 'type', 'title', 'author', 'issued', 'container-title', 'archive', 'number', 'DOI', 'URL'].includes(k)), [], item.id);
      assert.ok(['article', 'paper-conference', 'article-journal'].includes(item.type), item.id);
      assert.equal(item.type !== 'article', item['container-title'] !== undefined, item.id);
      if (item.number !== undefined) assert.equal(item.URL, `https://arxiv.org/abs/${item.number}`, item.id);
      assert.match(item.id, /^[a-z0-9]+$/);
      assert.ok(item.title.length > 0);
      for (const a of item.author ?? []) {
        assert.ok('literal' in a ? a.literal.length > 0 : a.family.length > 0 && (a.given === undefined || a.given.length > 0), item.id);
      }
      if (item.issued) {
        const [parts] = item.issued['date-parts'];
        assert.ok(parts.length >= 1 && parts.length <= 3 && parts.every(Number.isInteger), item.id);
        assert.ok(parts[0] !== undefined && parts[0] >= 1900 && (parts[1] ?? 1) >= 1 && (parts[1] ?? 1) <= 12, item.id);
      }
      if (item.URL) assert.doesNotThrow(() => new URL(item.URL as string), item.id);
    }
  });
});

suite('cite formats: a whole bibliography', () => {
  const papers = realCorpus().papers;
  const keys = assignKeys(papers);

  test('BibTeX: a header that counts the gaps, then every entry, sorted by key', () => {
    const bib = formatBibliography(papers, keys, 'bibtex');
    const thin = papers.filter((p) => describeMissing(p) !== undefined).length;
    assert.match(bib, new RegExp(`^% PaperLens bibliography: 397 entries\\. ${thin} lack some metadata; a comment above each says what\\.\\n\\n`));
    const entryKeys = [...bib.matchAll(/^@(?:misc|inproceedings|article)\{([a-z0-9]+),$/gm)].map((m) => m[1]);
    assert.equal(entryKeys.length, 397);
    assert.deepEqual(entryKeys, [...entryKeys].sort());
    assert.equal((bib.match(/^% Missing/gm) ?? []).length, thin);
  });
  test('the same bibliography from the corpus in any order', () => {
    assert.equal(formatBibliography([...papers].reverse(), keys, 'biblatex'), formatBibliography(papers, keys, 'biblatex'));
  });
  test('a paper without a key is an error, not a silent gap', () => {
    assert.throws(() => formatBibliography(papers, new Map(), 'bibtex'), /no citation key for/);
  });
  test('describeMissing: nothing for a complete record', () => {
    assert.equal(describeMissing(paperById(HILO)), undefined);
    assert.equal(describeMissing(makePaper({ title: 'T', authors: [org('OpenAI')], year: 2024 })), undefined);
  });
});
