import { GLUED_AFFIXES } from './curated';
import { meetsRange } from './document';
import { compoundName, definedOtherwise, distinctive, guardSatisfied, spelledAs, versionSuffix } from './guards';
import type { Span } from './identifiers';
import type { Candidate, FileFacts, TechniqueKeys } from './keyIndex';
import { MAX_RUN, isSingleToken, tokenIndexes } from './runs';
import { STEM_SLACK, type Word, splitWords, stem } from './words';

/** Keys this short match only a name as it is spelled (a plural "s" after capitals aside): `mode` is not MoD. */
const SHORT_KEY = 4;

/** Longest glued affix (`pipeline`): see {@link gluedMatch}. */
const MAX_AFFIX = Math.max(...[...GLUED_AFFIXES].map((a) => a.length));

/**
 * Every run of words in a span whose key names a technique and that passes
 * the matcher's rules ({@link guardSatisfied}, {@link compoundName}, …),
 * with the span's words; a run must overlap the identifier under the
 * cursor. When no run does, a name glued to a common suffix
 * ({@link gluedMatch}). Undefined when the span has no words or lies in a
 * masked range (a URL, an e-mail address).
 *
 * @example
 * const line = 'use_mla = True';
 * findCandidates(keys, line, identifierAt(line, 0, false)!, false, LINE_ALONE, [])?.cands.map((c) => c.entry.t.name) // => ['MLA']
 */
export function findCandidates(keys: TechniqueKeys, line: string, span: Span, prose: boolean, facts: FileFacts, masks: readonly (readonly [number, number])[]): { words: Word[]; cands: Candidate[] } | undefined {
  // URLs, e-mail addresses, domains and copyright lines name no technique (`https://github.com/deepseek-ai`).
  if (meetsRange(masks, span.start, span.end)) return undefined;
  const windowText = line.slice(span.windowStart, span.windowEnd);
  const words = splitWords(windowText, span.windowStart);
  if (words.length === 0) return undefined;
  const token = tokenIndexes(line, words);
  // Words of the identifier under the cursor: every run must overlap them.
  const a = words.findIndex((w) => w.end > span.start);
  let b = words.length;
  for (let k = words.length - 1; k >= 0; k--) if ((words[k]?.start ?? 0) < span.end) { b = k + 1; break; }
  if (a < 0 || a >= b) return undefined;
  const identifier = line.slice(span.start, span.end);
  const mixedCase = /\p{Ll}/u.test(identifier) && /\p{Lu}/u.test(identifier);

  const cands: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    let prefix = '';
    for (let j = i; j < Math.min(words.length, i + MAX_RUN); j++) {
      const w = words[j] as Word;
      prefix += w.lower;
      const key = stem(prefix);
      if (prefix.length > keys.maxKeyLength + 8) break;
      if (j < a || i >= b) continue;
      const entries = keys.get(key);
      if (!entries) continue;
      // A one-letter word joined by "_" is a tensor prefix (`x_attn`, `q_proj`), not the start of a name, unless
      // the name itself starts with a one-letter word (`q_lora_rank`).
      const letterPrefix = j > i && (words[i] as Word).lower.length === 1 && line[(words[i] as Word).end] === '_';
      for (const entry of entries) {
        if (letterPrefix && !entry.letterLed.includes(prefix)) continue;
        // An organisation's name (DeepSeek) is no technique of its own: its releases are.
        if (entry.t.family === true) continue;
        // Outside ML code and prose only a distinctive coined name counts (`TransMLA`), never an acronym or a phrase;
        // a file whose classes are named for the technique is its own code, ML or not by its vocabulary.
        if (!facts.ml && !distinctive(entry, key) && !facts.owned.has(entry.t.id)) continue;
        if (key.length <= SHORT_KEY && !spelledAs(entry, prefix, words, j)) continue;
        if (entry.singleToken && token[i] !== token[j] && !versionSuffix(words, token, i, j)) continue;
        if (entry.guarded && !guardSatisfied(keys, entry, words, i, j, line, mixedCase, prose, facts)) continue;
        if (!entry.method && compoundName(keys, entry, words, i, j, line)) continue;
        if (prose && entry.t.kind === 'acronym' && definedOtherwise(entry, line, words, i, j)) continue;
        cands.push({ entry, i, j });
      }
    }
  }
  if (cands.length === 0) {
    const glued = gluedMatch(keys, words, a, b);
    if (glued) cands.push(glued);
  }
  return { words, cands };
}

/**
 * "shadowkvcache", "transmlaattention": a distinctive name glued to a common suffix in one lowercase word.
 *
 * @example
 * gluedMatch(keys, splitWords('transmlaattention'), 0, 1)?.entry.t.name // => 'TransMLA'
 */
export function gluedMatch(keys: TechniqueKeys, words: readonly Word[], a: number, b: number): Candidate | undefined {
  for (let k = a; k < b; k++) {
    const w = words[k] as Word;
    if (w.lower.length < 7 || w.text !== w.text.toLowerCase()) continue;
    // Only cuts that leave a head no longer than a key and a tail no longer than an affix (plus what stemming
    // removes) can match, so a 10,000-letter word costs a few lookups, not one stem per letter.
    const lowest = Math.max(5, w.lower.length - MAX_AFFIX - STEM_SLACK);
    for (let cut = Math.min(w.lower.length - 2, keys.maxKeyLength + STEM_SLACK); cut >= lowest; cut--) {
      const rest = stem(w.lower.slice(cut));
      if (!GLUED_AFFIXES.has(rest)) continue;
      const head = w.lower.slice(0, cut);
      for (const key of [head, stem(head)]) {
        const entry = (keys.get(key) ?? []).find((e) => !e.guarded && e.singleToken && isSingleToken(e.t.name));
        if (entry) return { entry, i: k, j: k };
      }
    }
  }
  return undefined;
}
