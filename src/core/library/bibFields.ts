/**
 * The fields of one BibTeX block, as BibTeX reads them: `name = value`
 * pairs with braced, quoted, numeric and macro values joined by `#`, and
 * the problems found on the way (where, and why), for the reader in
 * bibtex.ts.
 */

/** A field or macro name, as BibTeX allows it: no space, none of `"#%'(),={}`, not starting with a digit; any other character (Göttingen) is fine. */
const FIELD_NAME = /[^\s"#%'(),={}0-9][^\s"#%'(),={}]*/uy;
const SPACE = /\s*/y;
const NUMBER = /\d+/y;
const MACRO = FIELD_NAME;

export interface Fields {
  fields: Map<string, string>;
  error?: { at: number; reason: string };
  warnings: { at: number; reason: string }[];
}

/** The `name = value` pairs of a block body (`@type{key, …}` or `@string{name = value}`). */
export function readFields(body: string, isString: boolean, macros: ReadonlyMap<string, string>): Fields {
  const fields = new Map<string, string>();
  const warnings: Fields['warnings'] = [];
  const close = body[body.length - 1] === ')' ? ')' : '}';
  let i = body.search(/[{(]/) + 1;
  if (!isString) {
    const comma = body.indexOf(',', i);
    if (comma < 0) return { fields, warnings };
    i = comma + 1;
  }
  const end = body.length - 1;
  const skip = (): void => {
    SPACE.lastIndex = i;
    SPACE.exec(body);
    i = SPACE.lastIndex;
  };
  for (;;) {
    skip();
    while (body[i] === ',') {
      i++;
      skip();
    }
    if (i >= end) return { fields, warnings };
    FIELD_NAME.lastIndex = i;
    const name = FIELD_NAME.exec(body)?.[0];
    if (name === undefined) return { fields, warnings, error: { at: i, reason: `expected a field name, found "${body.slice(i, i + 12).split('\n')[0]}"` } };
    i = FIELD_NAME.lastIndex;
    skip();
    if (body[i] !== '=') return { fields, warnings, error: { at: i, reason: `the field "${name}" has no "=" after its name` } };
    i++;
    let value = '';
    for (;;) {
      skip();
      const c = body[i];
      if (c === '{' || c === '"') {
        const stop = valueEnd(body, i, end);
        if (stop === undefined) return { fields, warnings, error: { at: i, reason: `the value of "${name}" never ends` } };
        value += body.slice(i + 1, stop);
        i = stop + 1;
      } else if (c !== undefined && /\d/.test(c)) {
        NUMBER.lastIndex = i;
        value += NUMBER.exec(body)?.[0] ?? '';
        i = NUMBER.lastIndex;
      } else {
        MACRO.lastIndex = i;
        const macro = MACRO.exec(body)?.[0];
        if (macro === undefined) return { fields, warnings, error: { at: i, reason: `the field "${name}" has no value` } };
        const expanded = macros.get(macro.toLowerCase());
        if (expanded === undefined) warnings.push({ at: i, reason: `"${macro}" is not a defined @string; read as empty` });
        value += expanded ?? '';
        i = MACRO.lastIndex;
      }
      skip();
      if (body[i] !== '#') break;
      i++;
    }
    const k = name.toLowerCase();
    if (!fields.has(k)) fields.set(k, value);
    skip();
    if (body[i] !== ',' && i < end && body[i] !== close) {
      return { fields, warnings, error: { at: i, reason: `a comma is missing after the field "${name}"` } };
    }
  }
}

/** The index of the delimiter closing the value opening at `open` (`{…}` nesting; `"…"` ends at a quote at depth 0). */
function valueEnd(body: string, open: number, end: number): number | undefined {
  // Character codes, not one-character strings: this loop reads every character of every value.
  const quoted = body.charCodeAt(open) === QUOTE;
  let depth = quoted ? 0 : 1;
  for (let j = open + 1; j < end; j++) {
    const d = body.charCodeAt(j);
    if (d === OPEN) depth++;
    else if (d === CLOSE) {
      depth--;
      if (!quoted && depth === 0) return j;
      if (depth < 0) return undefined;
    } else if (quoted && d === QUOTE && depth === 0) return j;
  }
  return undefined;
}

const OPEN = 0x7b;
const CLOSE = 0x7d;
const QUOTE = 0x22;
