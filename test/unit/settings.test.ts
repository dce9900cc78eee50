import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import { LATEX_CITE_COMMANDS } from '../../src/core/cite/formats';
import { INSERT_FORMATS, type InsertFormat } from '../../src/core/editor/citations';
import { type Check, SETTING_RULES, SettingChecks, type SettingKey, oneOf, typeName } from '../../src/extension/settingChecks';
import { GROUPINGS, KEY_FORMULAS, Setting } from '../../src/extension/settingKeys';
import { BAD } from '../support/badSettings';

/**
 * The setting checks in plain Node: the cases test/integration/suite/settings.test.ts
 * tries through VS Code's configuration API, and the zod schemas the checks
 * replace, compared with them on many values so that what is accepted and
 * every warning's reason stay as they were.
 */

/** The zod schemas the settings were checked with before zod left the extension bundle. */
const ZOD: Record<SettingKey, z.ZodType> = {
  [Setting.citationCommand]: z.enum(LATEX_CITE_COMMANDS),
  [Setting.keyFormula]: z.enum(KEY_FORMULAS),
  [Setting.insertFormat]: z.record(z.string().min(1), z.enum(INSERT_FORMATS as [InsertFormat, ...InsertFormat[]])),
  [Setting.includeAbstract]: z.boolean(),
  [Setting.bibFile]: z.string().max(1024),
  [Setting.hoverEnabled]: z.boolean(),
  [Setting.hoverLanguages]: z.array(z.string().min(1)).max(500),
  [Setting.treeGroupBy]: z.enum(GROUPINGS),
  [Setting.libraryFiles]: z.array(z.string().min(1)).max(100),
  [Setting.libraryExclude]: z.array(z.string().min(1)).max(100),
  [Setting.libraryPaths]: z.array(z.string().min(1)).max(100),
};

/** The checks, one per setting, as SettingChecks applies them. */
const CHECKS = Object.fromEntries(Object.entries(SETTING_RULES).map(([k, r]) => [k, r.check])) as Record<SettingKey, Check<unknown>>;

/** What zod made of a value: the parsed value, or its first issue's message. */
function zodVerdict(key: SettingKey, raw: unknown): { ok: true; value: unknown } | { ok: false; reason: string } {
  const r = ZOD[key].safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: r.error.issues[0]?.message ?? 'invalid value' };
}

const keys = Object.values(Setting);

suite('settings: checks without zod', () => {
  test('every setting has bad values to try, a zod schema and a check', () => {
    for (const table of [BAD, ZOD, CHECKS]) assert.deepEqual(Object.keys(table).sort(), [...keys].sort());
    for (const key of keys) assert.deepEqual(SETTING_RULES[key].fallback, BAD[key].fallback, key);
  });

  for (const [key, { fallback, cases }] of Object.entries(BAD) as [SettingKey, (typeof BAD)[SettingKey]][]) {
    for (const [value, why] of cases) {
      test(`${key} = ${why}: the default ${JSON.stringify(fallback)}, and one warning that says so`, () => {
        const checks = new SettingChecks(() => undefined);
        assert.deepEqual(checks.valueOf(key, value), fallback);
        assert.deepEqual(checks.valueOf(key, value), fallback);
        assert.equal(checks.warnings.length, 1, checks.warnings.join('\n'));
        assert.match(checks.warnings[0] ?? '', new RegExp(`^Setting "${key.replace(/\./g, '\\.')}" has an invalid value .* using ${JSON.stringify(fallback).replace(/[[\]{}*.]/g, '\\$&')} instead\\.$`));
        const reason = zodVerdict(key, value);
        assert.ok(!reason.ok);
        assert.ok(checks.warnings[0]?.includes(`(${reason.reason})`), `${checks.warnings[0]} gives zod's reason: ${reason.reason}`);
      });
    }
  }

  test('the warnings read as before, word for word', () => {
    const said: string[] = [];
    const checks = new SettingChecks((m) => said.push(m));
    checks.valueOf(Setting.treeGroupBy, 'author');
    checks.valueOf(Setting.hoverLanguages, Array.from({ length: 501 }, (_, i) => `lang${i}`));
    checks.valueOf(Setting.insertFormat, { '': 'latex' });
    checks.valueOf(Setting.bibFile, 42);
    assert.deepEqual(said, [
      'Setting "paperlens.tree.groupBy" has an invalid value "author" (Invalid option: expected one of "technique"|"year"|"source"); using "technique" instead.',
      'Setting "paperlens.hover.languages" has an invalid value ["lang0","lang1","lang2","lang3","lang4","lang5","lang6","lang7","lang8","lang9" (Too big: expected array to have <=500 items); using [] instead.',
      'Setting "paperlens.citation.insertFormat" has an invalid value {"":"latex"} (Invalid key in record); using {} instead.',
      'Setting "paperlens.bibFile" has an invalid value 42 (Invalid input: expected string, received number); using "" instead.',
    ]);
    assert.deepEqual(checks.warnings, said);
  });

  test('good values pass as they are; unset values give the default without a warning', () => {
    const checks = new SettingChecks(() => assert.fail('no warning'));
    assert.equal(checks.valueOf(Setting.citationCommand, 'citep'), 'citep');
    assert.equal(checks.valueOf(Setting.citationCommand, undefined), 'cite');
    assert.deepEqual(checks.valueOf(Setting.insertFormat, { markdown: 'pandoc', python: 'text' }), { markdown: 'pandoc', python: 'text' });
    assert.deepEqual(checks.valueOf(Setting.hoverLanguages, ['python', 'latex']), ['python', 'latex']);
    assert.equal(checks.valueOf(Setting.bibFile, 'x'.repeat(1024)), 'x'.repeat(1024));
    assert.equal(checks.valueOf(Setting.hoverEnabled, false), false);
    assert.equal(checks.valueOf(Setting.treeGroupBy, undefined), 'technique');
  });

  test('lists and maps come back as copies, as zod gave them (VS Code hands out read-only values)', () => {
    const checks = new SettingChecks(() => undefined);
    const langs = Object.freeze(['python']);
    const formats = Object.freeze({ markdown: 'pandoc' });
    assert.notEqual(checks.valueOf(Setting.hoverLanguages, langs), langs);
    assert.notEqual(checks.valueOf(Setting.insertFormat, formats), formats);
  });

  test('type names as the warnings give them', () => {
    class Thing {}
    const cases: [unknown, string][] = [
      ['x', 'string'],
      [1, 'number'],
      [NaN, 'NaN'],
      [-Infinity, '-Infinity'],
      [null, 'null'],
      [[], 'array'],
      [{}, 'object'],
      [Object.create(null), 'object'],
      [new Date(0), 'Date'],
      [new Thing(), 'Thing'],
      [undefined, 'undefined'],
      [() => 1, 'function'],
      [10n, 'bigint'],
    ];
    for (const [x, name] of cases) assert.equal(typeName(x), name, String(name));
  });

  test('each check agrees with the zod schema it replaces: the value, or the first reason', () => {
    const junk = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true });
    const near = (n: number): fc.Arbitrary<number> => fc.integer({ min: n - 2, max: n + 2 });
    const values: Record<SettingKey, fc.Arbitrary<unknown>> = {
      [Setting.citationCommand]: fc.oneof(fc.constantFrom(...LATEX_CITE_COMMANDS), junk),
      [Setting.keyFormula]: fc.oneof(fc.constantFrom(...KEY_FORMULAS), junk),
      [Setting.insertFormat]: fc.oneof(fc.dictionary(fc.oneof(fc.constant(''), fc.string({ maxLength: 3 })), fc.oneof(fc.constantFrom(...INSERT_FORMATS), junk), { maxKeys: 4 }), junk),
      [Setting.includeAbstract]: fc.oneof(fc.boolean(), junk),
      [Setting.bibFile]: fc.oneof(near(1024).map((n) => 'b'.repeat(n)), fc.string(), junk),
      [Setting.hoverEnabled]: fc.oneof(fc.boolean(), junk),
      [Setting.hoverLanguages]: fc.oneof(
        fc.array(fc.oneof(fc.constantFrom('', 'python'), junk), { maxLength: 4 }),
        fc.tuple(near(500), fc.nat(), fc.constantFrom('', 7, 'ok')).map(([n, at, odd]) => Array.from({ length: n }, (_, i) => (i === at % n ? odd : `l${i}`))),
        junk,
      ),
      [Setting.treeGroupBy]: fc.oneof(fc.constantFrom(...GROUPINGS), junk),
      ...Object.fromEntries(
        [Setting.libraryFiles, Setting.libraryExclude, Setting.libraryPaths].map((k) => [
          k,
          fc.oneof(
            fc.array(fc.oneof(fc.constantFrom('', '**/*.bib', '/home/me/z.bib'), junk), { maxLength: 4 }),
            fc.tuple(near(100), fc.nat(), fc.constantFrom('', 7, 'ok')).map(([n, at, odd]) => Array.from({ length: n }, (_, i) => (i === at % n ? odd : `${i}.bib`))),
            junk,
          ),
        ]),
      ),
    } as Record<SettingKey, fc.Arbitrary<unknown>>;
    for (const key of keys) {
      fc.assert(
        fc.property(values[key], (raw) => {
          assert.deepStrictEqual(CHECKS[key](raw), zodVerdict(key, raw));
        }),
        { numRuns: 400 },
      );
    }
    const special: [SettingKey, unknown][] = [
      [Setting.insertFormat, JSON.parse('{"__proto__":"html","markdown":"pandoc"}')],
      [Setting.insertFormat, JSON.parse('{"2":"html","1":"latex","":"x"}')],
      [Setting.insertFormat, { [Symbol('s')]: 'latex' }],
      [Setting.insertFormat, Object.defineProperty({ a: 'latex' }, 'hidden', { value: 'html', enumerable: false })],
      [Setting.hoverLanguages, Array.from({ length: 501 }, () => '')],
      [Setting.hoverLanguages, [, 'python']],
    ];
    for (const [key, raw] of special) assert.deepStrictEqual(CHECKS[key](raw), zodVerdict(key, raw), `${key} ${String(raw)}`);
    const single = z.enum(['only']).safeParse('other');
    assert.deepStrictEqual(oneOf(['only'])('other'), { ok: false, reason: single.error?.issues[0]?.message });
  });
});
