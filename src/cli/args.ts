/** A command-line mistake: reported with usage and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A paper, file or position that does not exist: exit code 1. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export interface FlagSpec {
  /** Flags that take a value, such as --limit 5 or --format=bibtex. */
  values?: readonly string[];
  /** Flags that are on or off, such as --json. */
  switches?: readonly string[];
  /** Flags that take a value and may be given several times, such as --bib a.bib --bib b.bib. */
  lists?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
  lists: Map<string, string[]>;
}

/** Parses `--flag value`, `--flag=value`, `--switch` and positionals; `--` ends flags. */
export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: new Map(), switches: new Set(), lists: new Map() };
  const values = new Set(spec.values ?? []);
  const lists = new Set(spec.lists ?? []);
  const switches = new Set(spec.switches ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (/^-[A-Za-z]/.test(a)) throw new UsageError(`unknown option ${a} (to use it as a word, put it after --)`);
    if (!a.startsWith('--') || a === '-') {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (switches.has(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.switches.add(name);
    } else if (lists.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`--${name} needs a value`);
      out.lists.set(name, [...(out.lists.get(name) ?? []), v]);
    } else if (values.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`--${name} needs a value`);
      out.values.set(name, v);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}

/** A positive integer flag value, or the default. */
export function intFlag(args: ParsedArgs, name: string, dflt: number, max = 10_000): number {
  const v = args.values.get(name);
  if (v === undefined) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got "${v}"`);
  return Number(v);
}
