import type { Paper } from '../../schema/corpus';
import { slugOf } from '../../core/corpus/titles';
import { KIND_RANK } from '../../core/techniques/kinds';
import { isSingleToken } from '../../core/techniques/runs';
import { keyOf } from '../../core/techniques/words';
import type { Technique, TechniquePaper } from '../../schema/lexicon';
import type { Candidate } from './candidates';
import { STOP_PHRASES } from './curated';
import { meaningGroups, preferredForm } from './forms';
import { guardOf } from './guard';
import { type Mentions, countMentions } from './mentions';
import { PHRASE_MIN_PAPERS } from './phrases';
import { type PaperFacts, rankPapers } from './ranking';
import type { TokenWords } from './tokenWords';

/** What the last step of the build knows of the corpus, beside the candidates. */
interface CorpusFacts extends PaperFacts {
  /** How often each paper names each key, with the variants of {@link countMentions}. */
  mentions: ReadonlyMap<string, ReadonlyMap<string, Mentions>>;
  /** Words the corpus writes in lowercase (see everydayWords). */
  everyday: ReadonlySet<string>;
  /** Keys of organisations that author papers ("deepseekai"). */
  organisations: readonly string[];
}

/**
 * Turns the candidates into the lexicon's techniques: counts how often each
 * paper names each candidate, lets a phrase that mostly spells out an
 * acronym join it, gives each key to one technique, drops what too few
 * papers back, guards everyday names, and orders each technique's papers,
 * most central first. Techniques come out in key order, with unique ids.
 *
 * @example
 * finalize(table.all(), papers, words, everydayWords(papers)).find((t) => t.name === 'Medusa')?.papers[0]?.role // => 'introduces'
 */
export function finalize(cands: Candidate[], papers: readonly Paper[], words: TokenWords, everyday: ReadonlySet<string>): Technique[] {
  const facts: CorpusFacts = {
    organisations: organisationKeys(papers),
    mentions: countMentions(papers, candidateKeys(cands), words),
    year: new Map(papers.map((p) => [p.id, p.year ?? 0])),
    titleOf: new Map(papers.map((p) => [p.id, p.title])),
    everyday,
  };
  absorbSpelledOutPhrases(cands, facts.mentions);
  const owner = keyOwners(cands);
  const out: Technique[] = [];
  const usedIds = new Set<string>();
  for (const c of [...cands].sort((a, b) => a.key.localeCompare(b.key))) {
    if (owner.get(c.key) !== c) continue; // absorbed by a stronger technique with the same key
    const t = techniqueOf(c, owner, facts, usedIds);
    if (t) out.push(t);
  }
  return out;
}

/** Organisations that author papers ("DeepSeek-AI"), as keys: a family name that starts one is a company, not a technique. */
function organisationKeys(papers: readonly Paper[]): string[] {
  return [
    ...new Set(papers.flatMap((p) => [...(p.organization ? [p.organization] : []), ...p.authors.filter((a) => a.organization === true).map((a) => a.name)]).map(keyOf)),
  ];
}

/** Every key a technique can end up with: its own, its names', expansions' and aliases'. */
function candidateKeys(cands: readonly Candidate[]): Set<string> {
  const out = new Set<string>();
  for (const c of cands) {
    out.add(c.key);
    for (const n of c.names.keys()) out.add(keyOf(n));
    for (const e of c.expansions.keys()) out.add(e);
    for (const a of c.aliases) out.add(keyOf(a));
  }
  out.delete('');
  return out;
}

/**
 * A phrase that mostly occurs inside an acronym's expansion is that
 * acronym: "latent attention" is nearly always "multi-head latent
 * attention" (MLA). Its names become the acronym's aliases, and the phrase
 * is left without a name.
 */
function absorbSpelledOutPhrases(cands: readonly Candidate[], mentions: CorpusFacts['mentions']): void {
  const total = (key: string): number => {
    let n = 0;
    for (const m of mentions.get(key)?.values() ?? []) n += m.title + m.body;
    return n;
  };
  const oneMeaning = new Set(cands.filter((c) => c.kind === 'acronym' && meaningGroups(c.expansions).length === 1));
  for (const ph of cands.filter((c) => c.kind === 'phrase')) {
    const own = total(ph.key);
    if (own === 0) continue;
    for (const ac of cands) {
      if (ac.kind !== 'acronym' || !oneMeaning.has(ac)) continue;
      const longer = [...ac.expansions.keys()].filter((e) => e !== ph.key && e.endsWith(ph.key));
      if (longer.length > 0 && longer.reduce((n, e) => n + total(e), 0) >= 0.8 * own) {
        for (const name of ph.names.keys()) ac.aliases.add(name);
        ph.kind = 'phrase';
        ph.names.clear();
        break;
      }
    }
  }
}

/** A key belongs to one technique: the strongest kind, then the one it names. */
function keyOwners(cands: readonly Candidate[]): Map<string, Candidate> {
  const owner = new Map<string, Candidate>();
  const claim = (key: string, c: Candidate): void => {
    const cur = owner.get(key);
    if (!cur || KIND_RANK[c.kind] > KIND_RANK[cur.kind] || (cur.key !== key && c.key === key)) owner.set(key, c);
  };
  for (const c of cands) if (c.names.size > 0) claim(c.key, c);
  for (const c of cands) {
    for (const e of c.expansions.keys()) claim(e, c);
    for (const a of c.aliases) claim(keyOf(a), c);
  }
  return owner;
}

/** The technique a candidate makes, or undefined when it has no name, no key of its own, or too few papers. */
function techniqueOf(c: Candidate, owner: ReadonlyMap<string, Candidate>, facts: CorpusFacts, usedIds: Set<string>): Technique | undefined {
  const name = preferredForm(c.names);
  if (name === '') return undefined;
  const meanings = meaningGroups(c.expansions);
  const aliasList = [name, ...c.names.keys(), ...meanings.map((m) => m.display), ...c.expansions.values()].map((x) =>
    typeof x === 'string' ? x : x.display,
  );
  aliasList.push(...c.aliases);
  const keys = [...new Set(aliasList.map(keyOf))].filter((k) => k !== '' && owner.get(k) === c && !STOP_PHRASES.has(k));
  if (keys.length === 0) return undefined;
  const single = new Set(keys.filter((k) => aliasList.every((a) => keyOf(a) !== k || isSingleToken(a))));

  const ps = papersOf(c, name, keys, single, facts.mentions);
  if (ps.length === 0) return undefined;
  if (c.kind === 'phrase' && ps.length < PHRASE_MIN_PAPERS) return undefined;
  // A name nobody introduces (a family name, a mentioned name) needs two papers behind it.
  if (c.introducedBy.size === 0 && c.kind === 'name' && ps.length < 2) return undefined;
  const guard = guardOf(c, name, keys, ps.length, facts.everyday);
  rankPapers(ps, [name, ...c.names.keys()], [name, ...aliasList], facts);

  const t: Technique = {
    id: uniqueId(name, usedIds),
    name,
    kind: c.kind,
    expansions: meanings.map((m) => m.display),
    aliases: [...new Set(aliasList)],
    keys,
    singleTokenKeys: keys.filter((k) => single.has(k)),
    papers: ps,
  };
  if (meanings.length > 1) t.meanings = meanings.map((m) => ({ expansion: m.display, papers: [...m.papers].sort() }));
  if (guard) t.guard = guard;
  if (c.family === true && c.introducedBy.size === 0 && facts.organisations.some((o) => o.startsWith(keyOf(name)))) t.family = true;
  return t;
}

/**
 * The papers that name a technique by any of its keys, with their counts,
 * and those that introduce it. A cased name counts only where it is
 * written with a capital, a one-token name only inside one token: "CRAFT"
 * is a method, "hand-crafted" is not; "ASA" is a name, "As a" is not.
 */
function papersOf(c: Candidate, name: string, keys: readonly string[], single: ReadonlySet<string>, mentions: CorpusFacts['mentions']): TechniquePaper[] {
  const byPaper = new Map<string, TechniquePaper>();
  const cased = /\p{Lu}/u.test(name) && c.kind !== 'phrase';
  for (const key of keys) {
    const k = `${cased ? '^' : ''}${single.has(key) ? '=' : ''}${key}`;
    for (const [id, m] of mentions.get(k) ?? []) {
      const tp = byPaper.get(id) ?? { id, role: 'mentions', mentions: 0, inTitle: false };
      tp.mentions += m.title + m.body;
      if (m.title > 0) tp.inTitle = true;
      byPaper.set(id, tp);
    }
  }
  for (const id of c.introducedBy) {
    const tp = byPaper.get(id) ?? { id, role: 'introduces', mentions: 0, inTitle: false };
    tp.role = 'introduces';
    byPaper.set(id, tp);
  }
  return [...byPaper.values()];
}

/** The name's slug, numbered from 2 when an earlier technique has it ("sam", "sam-2"). */
function uniqueId(name: string, usedIds: Set<string>): string {
  let id = slugOf(name);
  for (let n = 2; usedIds.has(id); n++) id = `${slugOf(name)}-${n}`;
  usedIds.add(id);
  return id;
}
