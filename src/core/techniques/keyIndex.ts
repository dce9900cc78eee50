import type { Technique } from '../../schema/lexicon';
import { TECHNIQUE_HEADS } from './curated';
import { keyOf, runKey, splitWords } from './words';

/**
 * The matcher's index of technique keys: what it looks a run of words up
 * in, and the shapes its rules pass around.
 */

/** The facts of a file the matcher reads, with the techniques whose own code the file is. */
export interface FileFacts {
  ml: boolean;
  /** Ids of techniques a class, function or type of the file is named for (`class MedusaModel`). */
  owned: ReadonlySet<string>;
}

/** What a line alone tells: no file to say it is not ML, nothing owned. */
export const LINE_ALONE: FileFacts = { ml: true, owned: new Set() };

/** One key of one technique, as the matcher's rules read it. */
export interface Entry {
  t: Technique;
  /**
   * The spellings (words lowercased and joined) of the names with this key: "mod" for MoD, "rope" for RoPE.
   * (Lists, not sets: one or two spellings a key, and 30,000 keys at 100,000 papers.)
   */
  surfaces: readonly string[];
  /** Spellings of names that start with a one-letter word of their own ("q lora rank"). */
  letterLed: readonly string[];
  /**
   * A method (MoE, MLA, sparse attention: its long form ends in a technique
   * head noun) rather than a model (CLIP, ViT, DETR): glued into a model's
   * name (`GraniteMoeHybrid`) it still names itself.
   */
  method: boolean;
  /** Names written as one token never span a space in prose. */
  singleToken: boolean;
  /** The name itself needs context (seed, master, Medusa); expansions never do. */
  guarded: boolean;
  /** The meaning this key spells out, for ambiguous acronyms. */
  meaning?: string;
}

/** A run of words [i, j] that names an entry. */
export interface Candidate {
  entry: Entry;
  i: number;
  j: number;
}

/**
 * Every key of the lexicon's techniques, with what the matcher's rules need
 * to know of each: built once, then a match is a handful of lookups.
 *
 * @example
 * const keys = new TechniqueKeys();
 * keys.add(mla); // MLA, keys ['mla', 'multiheadlatentattention', …]
 * keys.get('mla')?.[0]?.t.name // => 'MLA'
 */
/** The one empty list of spellings: most keys have no letter-led name. */
const NO_SURFACES: readonly string[] = [];

/** A set of spellings as a list, the empty one shared. */
const spellings = (set: ReadonlySet<string> | undefined): readonly string[] => (set === undefined || set.size === 0 ? NO_SURFACES : [...set]);

export class TechniqueKeys {
  private readonly byKey = new Map<string, Entry[]>();

  private longest = 0;

  /** The longest key, in characters: no run much longer than this can match. */
  get maxKeyLength(): number {
    return this.longest;
  }

  /** The entries of the techniques with this key. */
  get(key: string): readonly Entry[] | undefined {
    return this.byKey.get(key);
  }

  /** Adds a technique's keys. */
  add(t: Technique): void {
    const single = new Set(t.singleTokenKeys);
    const guarded = new Set(t.guard?.keys ?? []);
    const meaningOf = new Map((t.meanings ?? []).map((m) => [keyOf(m.expansion), m.expansion]));
    const surfaces = new Map<string, Set<string>>();
    const letterLed = new Map<string, Set<string>>();
    for (const a of [t.name, ...t.aliases, ...t.expansions]) {
      const words = splitWords(a);
      const k = runKey(words);
      const spelled = words.map((w) => w.lower).join('');
      surfaces.set(k, (surfaces.get(k) ?? new Set<string>()).add(spelled));
      if (/^\p{L}[\s_-]/u.test(a.trim())) letterLed.set(k, (letterLed.get(k) ?? new Set<string>()).add(spelled));
    }
    for (const k of t.keys) {
      const e: Entry = {
        t,
        surfaces: surfaces.has(k) ? spellings(surfaces.get(k)) : [k],
        letterLed: spellings(letterLed.get(k)),
        method: t.kind === 'phrase' || t.expansions.some((x) => TECHNIQUE_HEADS.has(splitWords(x).at(-1)?.stem ?? '')),
        singleToken: single.has(k),
        guarded: guarded.has(k),
      };
      const meaning = meaningOf.get(k);
      if (meaning) e.meaning = meaning;
      const list = this.byKey.get(k) ?? [];
      list.push(e);
      this.byKey.set(k, list);
      this.longest = Math.max(this.longest, k.length);
    }
  }
}
