/**
 * Techniques from the user's own papers, learnt at run time, in slices:
 * the name a title coins before its colon ("LatentMixer: Mixing Latent
 * Attention Heads…") and the acronyms its abstract defines ("Latent Head
 * Mixing (LHM)"), so that hovering `LatentMixer` or `use_lhm` in code
 * finds the user's paper. Only distinctive names are learnt, and names the
 * bundled lexicon already has are left to it; the matcher's precision rules
 * (exact spelling for short keys, guards, ML-file checks) apply as to any
 * technique.
 */
import type { Lexicon, Technique } from '../../schema/lexicon';
import { DATA_VERSION } from '../data/version';
import { findAcronyms } from '../techniques/acronyms';
import { keyOf } from '../techniques/words';
import type { Sliced } from '../util/sliced';
import type { LibraryEntry } from './entry';

/** How many entries are read between points where the work may pause. */
const STEP_ENTRIES = 500;

/** A coined name: one token of five or more characters with a capital or a digit inside it (LatentMixer, FlashAttention-2, TransMLA). */
const COINED = /^[\p{Lu}\p{Ll}][\p{L}\d]*(?:[-.][\p{L}\d]+)*$/u;

/** The id of an entry, as learnt techniques name their paper. */
export const entryId = (e: Pick<LibraryEntry, 'file' | 'key'>): string => `library:${e.file}#${e.key}`;

/**
 * The techniques the user's entries introduce, as a lexicon for a
 * TechniqueMatcher of its own. `known` tells which matching keys the
 * bundled lexicon already has.
 *
 * @example
 * runNow(learnTechniques([latentMixerEntry], () => false)).techniques.map((t) => t.name) // => ['LatentMixer', 'LHM']
 */
export function* learnTechniques(entries: readonly LibraryEntry[], known: (key: string) => boolean): Sliced<Lexicon> {
  const byKey = new Map<string, Technique>();
  let n = 0;
  for (const e of entries) {
    if (++n % STEP_ENTRIES === 0) yield;
    const paper = { id: entryId(e), role: 'introduces' as const, mentions: 1, inTitle: true };
    const coined = coinedName(e.title);
    if (coined) add(byKey, known, { name: coined, kind: 'name', expansions: [], paper, single: true });
    for (const a of findAcronyms(`${e.title}. ${e.abstract ?? ''}`)) {
      // Two letters say too little ("ML", "AI"); a long form of one word is not a definition.
      if (a.short.replace(/-/g, '').length < 3 || a.long.split(/\s+/).length < 2) continue;
      add(byKey, known, { name: a.short, kind: 'acronym', expansions: [a.long], paper, single: true });
    }
  }
  return { version: DATA_VERSION, techniques: [...byKey.values()] };
}

/** The name a title coins before its colon, when it is one distinctive token. */
function coinedName(title: string): string | undefined {
  const head = /^([^:]{3,40}):\s/.exec(title)?.[1]?.trim();
  if (!head || /\s/.test(head) || head.length < 5 || !COINED.test(head)) return undefined;
  // A capital or a digit after the first letter: a coined word, not an everyday one ("Attention:").
  return /.[\p{Lu}\d]/u.test(head) ? head : undefined;
}

function add(
  byKey: Map<string, Technique>,
  known: (key: string) => boolean,
  t: { name: string; kind: 'name' | 'acronym'; expansions: string[]; paper: Technique['papers'][number]; single: boolean },
): void {
  const key = keyOf(t.name);
  if (key.length < 3 || known(key)) return;
  const have = byKey.get(key);
  if (have) {
    if (!have.papers.some((p) => p.id === t.paper.id)) have.papers.push(t.paper);
    return;
  }
  const aliases = [t.name, ...t.expansions];
  byKey.set(key, {
    id: `library-${key.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'technique'}`,
    name: t.name,
    kind: t.kind,
    expansions: t.expansions,
    aliases,
    keys: [...new Set(aliases.map(keyOf).filter((k) => k !== ''))],
    singleTokenKeys: t.single ? [key] : [],
    papers: [t.paper],
  });
}
