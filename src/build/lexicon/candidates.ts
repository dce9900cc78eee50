import { KIND_RANK } from '../../core/techniques/kinds';
import { stemsOf } from '../../core/techniques/words';
import type { TechniqueKind } from '../../schema/lexicon';
import { FUNCTION_WORDS, GENERIC_STEMS } from './curated';

/** One long form of an acronym, with the papers that define it. */
export interface Expansion {
  display: string;
  papers: Set<string>;
}

/** A technique in the making, gathered by the phases of {@link buildLexicon} and judged by {@link finalize}. */
export interface Candidate {
  key: string;
  kind: TechniqueKind;
  /** Surface forms of the name, with counts, for the canonical display. */
  names: Map<string, number>;
  /** Expansions by key. */
  expansions: Map<string, Expansion>;
  aliases: Set<string>;
  introducedBy: Set<string>;
  /** Context stems for guarded names: words the technique comes with. */
  context: Set<string>;
  /** A family name derived from versioned names (YOLO from YOLOv6, DeepSeek from DeepSeek-V3). */
  family?: boolean;
}

/**
 * The candidates of one build, by key, in the order they were first seen
 * (which decides ties later, so the phases run in a fixed order).
 *
 * @example
 * const table = new CandidateTable();
 * table.ensure('mla', 'acronym');
 * table.ensure('mla', 'name').kind // => 'name' (the stronger kind wins)
 */
export class CandidateTable {
  private readonly byKey = new Map<string, Candidate>();

  /** The candidate with this key, if any. */
  get(key: string): Candidate | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The candidate with this key, made if new; its kind rises to `kind` when that is stronger. */
  ensure(key: string, kind: TechniqueKind): Candidate {
    let c = this.byKey.get(key);
    if (!c) {
      c = { key, kind, names: new Map(), expansions: new Map(), aliases: new Set(), introducedBy: new Set(), context: new Set() };
      this.byKey.set(key, c);
    } else if (KIND_RANK[kind] > KIND_RANK[c.kind]) {
      c.kind = kind;
    }
    return c;
  }

  /** The candidates as they are now, live: a phase that adds while it reads takes {@link all} instead. */
  values(): IterableIterator<Candidate> {
    return this.byKey.values();
  }

  /** A snapshot of the candidates, in insertion order. */
  all(): Candidate[] {
    return [...this.byKey.values()];
  }
}

/**
 * Counts one more use of a surface form of the candidate's name.
 *
 * @example
 * addName(c, 'TransMLA'); addName(c, 'TransMLA'); c.names.get('TransMLA') // => 2
 */
export function addName(c: Candidate, name: string): void {
  c.names.set(name, (c.names.get(name) ?? 0) + 1);
}

/**
 * Adds the content words of a text to a candidate's context (for a guarded name's company).
 *
 * @example
 * addContext(c, 'Multi-head Latent Attention'); [...c.context] // => ['head', 'latent', 'attention'] ('multi' is generic)
 */
export function addContext(c: Candidate, text: string): void {
  for (const s of stemsOf(text)) {
    if (s.length >= 3 && !GENERIC_STEMS.has(s) && !FUNCTION_WORDS.has(s) && !/^\d+$/.test(s)) c.context.add(s);
  }
}
