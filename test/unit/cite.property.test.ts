import * as assert from 'node:assert/strict';
import type { Creator, Library, Options } from '@retorquere/bibtex-parser';
import * as fc from 'fast-check';
import { toBiblatex, toBibtex } from '../../src/core/cite/bibtex';
import { KEY_FORMULA_NAMES, keyFormulaNamed } from '../../src/core/cite/keyFormulas';
import { assignKeys } from '../../src/core/cite/keys';
import type { Author, Paper } from '../../src/schema/corpus';
import { fuzzParams } from '../support/fuzz';
import { makePaper } from '../support/papers';

/**
 * Property tests of citations: BibTeX and BibLaTeX entries for arbitrary
 * Unicode titles and author names parse with a real BibTeX parser and read
 * back as the same text; citation keys are always unique, ASCII-safe and
 * independent of the order of the papers.
 */

type Parse = (input: string, options?: Options) => Library;

/**
 * What a reader sees, with the spellings the writer chooses on purpose
 * folded on both sides: compatibility forms (𝜇 → μ), whitespace, and the
 * characters LaTeX writes as ASCII ligatures, which a parser may read back
 * either way: quotes (“ as ``, ‘ as `), hyphens (U+2010, U+2011 as -), the
 * figure dash (as --, an en dash) and the fraction slash (as /). The parser
 * writes math super- and subscripts as HTML tags (`ᵀ` → `$^{T}$` →
 * `<sup>T</sup>`), which NFKC folds to the letter.
 */
const visible = (s: string): string =>
  s
    .replace(/<\/?su[bp]>/g, '')
    .normalize('NFKC')
    .replace(/``|''|[“”]/g, '"')
    .replace(/„/g, ',,')
    .replace(/[`‘’]/g, "'")
    .replace(/‚/g, ',')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\u2012/g, '–')
    .replace(/⁄/g, '/')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The text an entry is expected to carry: what the LaTeX writer documents it
 * drops (C0 and C1 control characters, soft hyphens, zero-width marks, a BOM)
 * removed, and line breaks of every kind (and tabs) as spaces.
 */
const written = (s: string): string =>
  s.replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ').replace(/[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]/g, '');

/**
 * Characters the writer gets right but this parser reads differently, as
 * citeRoundTrip.test.ts records (the toolchain test compiles them with real
 * LaTeX): a macron below (\b{b}), ∅ (\emptyset), · (read as ˙), − (read as -).
 */
const PARSER_GAPS = /[\u0331∅·\u2212]/;

/** Text with at least one visible character: titles and names are never blank in the corpus. */
const text = (unit: 'grapheme' | 'binary', maxLength: number) =>
  fc.string({ unit, minLength: 1, maxLength }).filter((s) => visible(written(s)) !== '' && !PARSER_GAPS.test(s.normalize('NFD')));
const anyText = (maxLength: number) => fc.oneof(text('grapheme', maxLength), text('binary', maxLength), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength }).filter((s) => visible(written(s)) !== ''));

const person: fc.Arbitrary<Author> = fc.tuple(anyText(20), anyText(20)).map(([given, family]) => ({ name: `${given} ${family}`, given, family }));
const organisation: fc.Arbitrary<Author> = anyText(30).map((name) => ({ name, organization: true }));

/** The creator the parser should read back for an author. */
const creator = (a: Author): Creator =>
  a.organization || a.family === undefined ? { name: visible(written(a.name)) } : { lastName: visible(written(a.family)), firstName: visible(written(a.given ?? '')) };
/**
 * The parser's reading, normalised. BibTeX reads lowercase words at the start
 * of a family name as its "von" part (`van der Berg` → von `van der`, last
 * `Berg`), which styles print together again; so the prefix is joined back.
 */
const normalise = (cs: readonly Creator[]): Creator[] =>
  cs.map((c) => {
    const { prefix, lastName, ...rest } = c as Creator & { prefix?: string };
    const joined: Record<string, string> = {};
    for (const [k, v] of Object.entries(rest)) if (typeof v === 'string') joined[k] = visible(v);
    if (lastName !== undefined) joined['lastName'] = visible(prefix === undefined ? lastName : `${prefix} ${lastName}`);
    return joined as Creator;
  });

suite('citation properties (fast-check)', () => {
  let parse: Parse;
  suiteSetup(async () => {
    // The package's CommonJS build is broken; its ESM build works (see citeRoundTrip.test.ts).
    ({ parse } = await import('@retorquere/bibtex-parser'));
  });

  for (const [dialect, write, type] of [
    ['BibTeX', toBibtex, 'misc'],
    ['BibLaTeX', toBiblatex, 'online'],
  ] as const) {
    test(`${dialect}: an entry for any Unicode title and author names parses with no errors and reads back as the same text`, () => {
      fc.assert(
        fc.property(anyText(120), fc.array(fc.oneof({ weight: 4, arbitrary: person }, { weight: 1, arbitrary: organisation }), { maxLength: 4 }), fc.boolean(), (title, authors, cut) => {
          const paper = makePaper({ title, authors, authorsTruncated: cut && authors.length > 0 });
          const entry = write(paper, 'k', { abstract: false });
          assert.doesNotMatch(entry, /[\x00-\x08\x0b-\x1f\x7f]/, 'no control characters');
          const lib = parse(entry, { english: false });
          assert.deepEqual(lib.errors, [], entry);
          assert.equal(lib.entries.length, 1, entry);
          const e = lib.entries[0];
          assert.equal(e?.key, 'k');
          assert.equal(e?.type, type);
          assert.equal(visible(e?.fields.title ?? ''), visible(written(title)), entry);
          const want = authors.map(creator);
          if (paper.authorsTruncated) want.push({ lastName: 'others' });
          assert.deepEqual(normalise(e?.fields.author ?? []), want, entry);
        }),
        fuzzParams(150, 0.2),
      );
    });
  }

  test('BibTeX: the abstract, any Unicode, reads back too', () => {
    fc.assert(
      fc.property(anyText(300), (abstract) => {
        const lib = parse(toBibtex(makePaper({ title: 'T', abstract }), 'k', { abstract: true }), { english: false });
        assert.deepEqual(lib.errors, []);
        assert.equal(visible(lib.entries[0]?.fields.abstract ?? ''), visible(written(abstract)));
      }),
      fuzzParams(100, 0.2),
    );
  });
});

// ---- keys -----------------------------------------------------------------

let serial = 0;
/** A paper with an arbitrary title, maybe authors in any script, maybe a year. Ids are unique, as in the corpus. */
const paper: fc.Arbitrary<Paper> = fc
  .tuple(
    fc.oneof(anyText(60), fc.constantFrom('A Survey', 'Attention Is All You Need', 'TransMLA: Multi-head Latent Attention', '大模型', '∅', 'The Of And', '2024')),
    fc.array(fc.oneof(person, organisation, fc.constantFrom<Author>({ name: '李 明', given: '李', family: '明' }, { name: 'Rozière', family: 'Rozière' })), { maxLength: 2 }),
    fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }),
    fc.option(fc.constantFrom('TransMLA', 'H₂O', 'S²FT', 'α-Entmax', '大模型', 'Less is More', '∅'), { nil: undefined }),
  )
  .map(([title, authors, year, shortName]) => {
    const p = makePaper({ title, authors, ...(year === undefined ? {} : { year }), ...(shortName === undefined ? {} : { shortName }) });
    return { ...p, id: `${p.id.slice(0, 40).replace(/-+$/, '')}-${++serial}` };
  });

suite('citation key properties (fast-check)', () => {
  for (const name of KEY_FORMULA_NAMES) {
    test(`${name}: every key is [a-z0-9]+ and unique, whatever the titles and names`, () => {
      fc.assert(
        fc.property(fc.array(paper, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 40 }), (papers, dupOf) => {
          // Many papers that want the same key: copies of others with another id.
          const twins = dupOf.slice(0, papers.length).map((n, i) => ({ ...(papers[n % papers.length] as Paper), id: `twin-${i}-${++serial}` }));
          const all = [...papers, ...twins];
          const keys = assignKeys(all, keyFormulaNamed(name));
          assert.equal(keys.size, all.length);
          const values = [...keys.values()];
          for (const k of values) assert.match(k, /^[a-z0-9]+$/);
          assert.equal(new Set(values).size, values.length, 'keys repeat');
        }),
        fuzzParams(100, 0.2),
      );
    });
  }

  test('under heavy clashes, a suffixed key never takes a key another paper wants', () => {
    // Titles whose keys are another title's key plus suffix letters: two "Efficient Models" want "efficientmodelsa", which "Efficient Modelsa" wants bare.
    const clashing = fc
      .array(fc.constantFrom('Efficient Models', 'Efficient Modelsa', 'Efficient Modelsb', 'Efficient Modelsaa', 'Efficient Modelsz', 'Efficient Modelsba'), { maxLength: 80 })
      .map((titles) => titles.map((title, i) => ({ ...makePaper({ title }), id: `p-${i}` })));
    fc.assert(
      fc.property(clashing, (papers) => {
        const keys = [...assignKeys(papers).values()];
        assert.equal(new Set(keys).size, papers.length, 'keys repeat');
      }),
      fuzzParams(100, 0.2),
    );
  });

  test('keys depend on the set of papers, not their order', () => {
    fc.assert(
      fc.property(
        fc.array(paper, { minLength: 1, maxLength: 30 }).chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }))),
        ([ps, shuffled]) => {
          assert.deepEqual(new Map([...assignKeys(shuffled)].sort()), new Map([...assignKeys(ps)].sort()));
        },
      ),
      fuzzParams(100, 0.2),
    );
  });

  test('more than 26 papers that want one key get aa, ab, … and still never a key another paper wants bare', () => {
    const base = makePaper({ title: 'Efficient Vision Transformers' });
    const clones = Array.from({ length: 60 }, (_, i) => ({ ...base, id: `clone-${String(i).padStart(2, '0')}` }));
    const other = makePaper({ title: 'Efficient Vision Transformersa' }); // wants "efficientvisiontransformersa" bare
    const keys = assignKeys([...clones, { ...other, id: 'other' }]);
    assert.equal(keys.get('other'), 'efficientvisiontransformersa');
    assert.equal(new Set(keys.values()).size, 61);
    assert.equal(keys.get('clone-00'), 'efficientvisiontransformersb');
    assert.equal(keys.get('clone-59'), 'efficientvisiontransformersbi');
  });
});
