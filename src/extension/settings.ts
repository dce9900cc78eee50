import * as vscode from 'vscode';
import { z } from 'zod';
import type { KeyFormulaName } from '../core/cite/keyFormulas';
import { INSERT_FORMATS, type InsertFormat } from '../core/editor/citations';
import { LATEX_CITE_COMMANDS } from '../core/cite/formats';
import { GROUPINGS, type Grouping, KEY_FORMULAS, Setting } from './settingKeys';

/** Each setting's schema and the value used when the user's value is missing or invalid. */
const SCHEMAS = {
  [Setting.citationCommand]: { schema: z.enum(LATEX_CITE_COMMANDS), fallback: 'cite' as (typeof LATEX_CITE_COMMANDS)[number] },
  [Setting.keyFormula]: { schema: z.enum(KEY_FORMULAS), fallback: 'authorYearTitle' as KeyFormulaName },
  [Setting.insertFormat]: {
    schema: z.record(z.string().min(1), z.enum(INSERT_FORMATS as [InsertFormat, ...InsertFormat[]])),
    fallback: {} as Record<string, InsertFormat>,
  },
  [Setting.includeAbstract]: { schema: z.boolean(), fallback: false },
  [Setting.bibFile]: { schema: z.string().max(1024), fallback: '' },
  [Setting.hoverEnabled]: { schema: z.boolean(), fallback: true },
  [Setting.hoverLanguages]: { schema: z.array(z.string().min(1)).max(500), fallback: [] as string[] },
  [Setting.treeGroupBy]: { schema: z.enum(GROUPINGS), fallback: 'technique' as Grouping },
} as const;

type Key = keyof typeof SCHEMAS;
type Value<K extends Key> = (typeof SCHEMAS)[K]['fallback'];

/**
 * Settings, validated with zod at every read. A value of the wrong type or
 * out of range falls back to the default, and the user is told once per
 * bad value (in the output channel and a warning), never with a crash.
 */
export class Settings {
  private readonly warned = new Set<string>();
  private readonly issued: string[] = [];

  constructor(private readonly warn: (message: string) => void) {}

  /** The warnings given so far, one per bad value, oldest first (for the output channel's readers and for tests). */
  get warnings(): readonly string[] {
    return this.issued;
  }

  /** The value of a setting for a scope, or its default when the user's value is missing or invalid. */
  get<K extends Key>(key: K, scope?: vscode.ConfigurationScope): Value<K> {
    const dot = key.indexOf('.');
    const section = key.slice(0, dot);
    const name = key.slice(dot + 1);
    const raw: unknown = vscode.workspace.getConfiguration(section, scope).get(name);
    const spec = SCHEMAS[key];
    if (raw === undefined) return spec.fallback as Value<K>;
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) return parsed.data as Value<K>;
    const shown = JSON.stringify(raw)?.slice(0, 80) ?? String(raw);
    const id = `${key}=${shown}`;
    if (!this.warned.has(id)) {
      this.warned.add(id);
      const reason = parsed.error.issues[0]?.message ?? 'invalid value';
      const message = `Setting "${key}" has an invalid value ${shown} (${reason}); using ${JSON.stringify(spec.fallback)} instead.`;
      this.issued.push(message);
      this.warn(message);
    }
    return spec.fallback as Value<K>;
  }
}
