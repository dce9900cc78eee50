import type { KeyFormulaName } from '../core/cite/keyFormulas';
import { LATEX_CITE_COMMANDS } from '../core/cite/formats';
import { INSERT_FORMATS, type InsertFormat } from '../core/editor/citations';
import { LIBRARY_EXCLUDE, LIBRARY_FILES } from '../core/library/read';
import { GROUPINGS, type Grouping, KEY_FORMULAS, Setting } from './settingKeys';

/**
 * What each setting accepts, its default, and the warning for a value it
 * does not accept. No `vscode` import: settings.ts reads the values, this
 * judges them, and the unit tests run it in plain Node.
 *
 * The checks accept exactly what the zod schemas that came before them
 * accepted, and give the reason zod gave first, word for word ("Invalid
 * option: expected one of …", "Too big: expected array to have <=500
 * items"), so that zod stays out of the extension bundle while the warnings
 * stay the same; a unit test compares the two on many values.
 */

/** A check's verdict on a raw value: the value to use (lists and maps copied), or why it is refused. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Judges a raw setting value. */
export type Check<T> = (raw: unknown) => Verdict<T>;

const accept = <T>(value: T): Verdict<T> => ({ ok: true, value });
const refuse = (reason: string): Verdict<never> => ({ ok: false, reason });

/**
 * The name of a value's type, as the warnings give it.
 *
 * @example
 * typeName([1]) // => 'array'
 * typeName(NaN) // => 'NaN'
 * typeName(new Date()) // => 'Date'
 */
export function typeName(x: unknown): string {
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : Number.isFinite(x) ? 'number' : String(x);
  if (typeof x === 'object') {
    if (x === null) return 'null';
    if (Array.isArray(x)) return 'array';
    if (Object.getPrototypeOf(x) !== Object.prototype && 'constructor' in x && x.constructor) return (x.constructor as { name: string }).name;
  }
  return typeof x;
}

const wrongType = (expected: string, x: unknown): Verdict<never> => refuse(`Invalid input: expected ${expected}, received ${typeName(x)}`);

const isObject = (x: unknown): x is object => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An object made by `{}`, `JSON.parse` or `Object.create(null)`, not an instance of a class. */
function isPlainObject(x: unknown): x is Record<PropertyKey, unknown> {
  if (!isObject(x)) return false;
  const ctor = (x as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/**
 * One of the given strings.
 *
 * @example
 * oneOf(['technique', 'year'])('author') // => { ok: false, reason: 'Invalid option: expected one of "technique"|"year"' }
 */
export function oneOf<const V extends readonly string[]>(values: V): Check<V[number]> {
  const reason = values.length === 1 ? `Invalid input: expected "${values[0]}"` : `Invalid option: expected one of ${values.map((v) => `"${v}"`).join('|')}`;
  return (x) => ((values as readonly unknown[]).includes(x) ? accept(x as V[number]) : refuse(reason));
}

/**
 * true or false.
 *
 * @example
 * isBoolean('yes') // => { ok: false, reason: 'Invalid input: expected boolean, received string' }
 */
export const isBoolean: Check<boolean> = (x) => (typeof x === 'boolean' ? accept(x) : wrongType('boolean', x));

/**
 * A string of at most `max` characters.
 *
 * @example
 * textUpTo(3)('refs.bib') // => { ok: false, reason: 'Too big: expected string to have <=3 characters' }
 */
export function textUpTo(max: number): Check<string> {
  return (x) => {
    if (typeof x !== 'string') return wrongType('string', x);
    return x.length > max ? refuse(`Too big: expected string to have <=${max} characters`) : accept(x);
  };
}

const name: Check<string> = (x) => {
  if (typeof x !== 'string') return wrongType('string', x);
  return x === '' ? refuse('Too small: expected string to have >=1 characters') : accept(x);
};

/**
 * A list of at most `max` non-empty strings; the reason names the first
 * problem (the length before any item).
 *
 * @example
 * namesUpTo(500)(['python', '']) // => { ok: false, reason: 'Too small: expected string to have >=1 characters' }
 */
export function namesUpTo(max: number): Check<string[]> {
  return (x) => {
    if (!Array.isArray(x)) return wrongType('array', x);
    if (x.length > max) return refuse(`Too big: expected array to have <=${max} items`);
    const out: string[] = [];
    for (let i = 0; i < x.length; i++) {
      const v = name(x[i]);
      if (!v.ok) return v;
      out.push(v.value);
    }
    return accept(out);
  };
}

/**
 * An object from non-empty names to values `value` accepts; the reason
 * names the first bad key or value, in key order. A `__proto__` key is
 * left out, never copied.
 *
 * @example
 * namedMap(oneOf(['latex', 'pandoc']))({ markdown: 'pandoc' }) // => { ok: true, value: { markdown: 'pandoc' } }
 * namedMap(oneOf(['latex', 'pandoc']))({ '': 'latex' }) // => { ok: false, reason: 'Invalid key in record' }
 */
export function namedMap<T>(value: Check<T>): Check<Record<string, T>> {
  return (x) => {
    if (!isPlainObject(x)) return wrongType('record', x);
    const out: Record<string, T> = {};
    for (const k of Reflect.ownKeys(x)) {
      if (k === '__proto__' || !Object.prototype.propertyIsEnumerable.call(x, k)) continue;
      if (typeof k !== 'string' || k === '') return refuse('Invalid key in record');
      const v = value(x[k]);
      if (!v.ok) return v;
      out[k] = v.value;
    }
    return accept(out);
  };
}

export interface Rule<T> {
  check: Check<T>;
  /** Used when the user's value is missing or refused. */
  fallback: T;
}

const rule = <T>(check: Check<T>, fallback: T): Rule<T> => ({ check, fallback });

/** Each setting's check and default. */
export const SETTING_RULES = {
  [Setting.citationCommand]: rule(oneOf(LATEX_CITE_COMMANDS), 'cite'),
  [Setting.keyFormula]: rule<KeyFormulaName>(oneOf(KEY_FORMULAS), 'authorYearTitle'),
  [Setting.insertFormat]: rule<Record<string, InsertFormat>>(namedMap(oneOf(INSERT_FORMATS)), {}),
  [Setting.includeAbstract]: rule(isBoolean, false),
  [Setting.bibFile]: rule(textUpTo(1024), ''),
  [Setting.hoverEnabled]: rule(isBoolean, true),
  [Setting.hoverLanguages]: rule(namesUpTo(500), []),
  [Setting.treeGroupBy]: rule<Grouping>(oneOf(GROUPINGS), 'technique'),
  [Setting.libraryFiles]: rule(namesUpTo(100), [...LIBRARY_FILES]),
  [Setting.libraryExclude]: rule(namesUpTo(100), [...LIBRARY_EXCLUDE]),
  [Setting.libraryPaths]: rule(namesUpTo(100), []),
};

/** A setting's key, such as `paperlens.tree.groupBy`. */
export type SettingKey = keyof typeof SETTING_RULES;
/** The type of a setting's value. */
export type SettingValue<K extends SettingKey> = (typeof SETTING_RULES)[K]['fallback'];

/**
 * Judges the raw values of settings: a value of the wrong type or out of
 * range gives the default, and the user is warned once per bad value, never
 * with a crash.
 */
export class SettingChecks {
  private readonly warned = new Set<string>();
  private readonly issued: string[] = [];

  constructor(private readonly warn: (message: string) => void) {}

  /** The warnings given so far, one per bad value, oldest first (for the output channel's readers and for tests). */
  get warnings(): readonly string[] {
    return this.issued;
  }

  /**
   * The value to use for a setting whose raw value is `raw` (undefined when
   * unset): the value itself when it is good, else the default, with a
   * warning the first time this value is seen.
   *
   * @example
   * const checks = new SettingChecks((m) => log.warn(m));
   * checks.valueOf('paperlens.tree.groupBy', 'author') // => 'technique', after warning
   * // Setting "paperlens.tree.groupBy" has an invalid value "author" (Invalid option: expected one of "technique"|"year"|"source"); using "technique" instead.
   */
  valueOf<K extends SettingKey>(key: K, raw: unknown): SettingValue<K> {
    const { check, fallback } = SETTING_RULES[key] as Rule<SettingValue<K>>;
    if (raw === undefined) return fallback;
    const verdict = check(raw);
    if (verdict.ok) return verdict.value;
    const shown = JSON.stringify(raw)?.slice(0, 80) ?? String(raw);
    const id = `${key}=${shown}`;
    if (!this.warned.has(id)) {
      this.warned.add(id);
      const message = `Setting "${key}" has an invalid value ${shown} (${verdict.reason}); using ${JSON.stringify(fallback)} instead.`;
      this.issued.push(message);
      this.warn(message);
    }
    return fallback;
  }
}
