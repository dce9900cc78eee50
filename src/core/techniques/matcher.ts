import type { Lexicon, Technique } from '../../schema/lexicon';
import { runNow } from '../util/sliced';
import { better } from './choice';
import { MODEL_COMPONENTS } from './curated';
import { type DocumentFacts, documentFacts, maskedRanges } from './document';
import { type Span, identifierAt } from './identifiers';
import { type Candidate, type FileFacts, LINE_ALONE, TechniqueKeys } from './keyIndex';
import { isProse, proseRegions } from './regions';
import { MAX_RUN } from './runs';
import { findCandidates } from './spanCandidates';
import { type Word, splitWords, stem } from './words';

export interface TechniqueMatch {
  technique: Technique;
  /** The identifier or prose phrase the cursor was on, as written. */
  identifier: string;
  /** The part of the line that names the technique: [start, end) offsets into the line. */
  start: number;
  end: number;
  /** The matched text ("MLA" in "use_mla"). */
  text: string;
  /** For an ambiguous acronym matched through one of its expansions: that meaning. */
  meaning?: string;
}

export interface MatchOptions {
  /**
   * Prose (Markdown, LaTeX, comments): a technique may span words separated
   * by spaces ("KV cache"). In code, only the identifier under the cursor counts.
   */
  prose?: boolean;
  /**
   * What is known of the whole file (see {@link documentFacts}): whether it
   * is ML, and whose own code it is. Without it, the line is judged alone,
   * as if the file were ML code that defines nothing.
   */
  facts?: FileFacts;
}

/**
 * Finds the technique an identifier names. Built once from the lexicon; a
 * match is a handful of map lookups, with no text search, so it can run on
 * every hover.
 *
 * How false positives are kept out:
 * - Case and word boundaries: identifiers are split into words (camelCase,
 *   snake_case, digits, version suffixes) and only whole-word runs match, so
 *   `sift` never matches inside `shift`, and "ASA" never matches "As a".
 * - Everyday words and short acronyms (seed, master, clip, Medusa, H2O, SD)
 *   are guarded: they match only when the identifier also carries one of the
 *   technique's own words (`MedusaHeads`, `SEEDTokenizer`), or for an
 *   acronym of three or more letters, a model component (`clip_model`,
 *   `sam_encoder`) or capitals inside a CamelCase identifier (`CLIPModel`).
 *   `seed = 42`, `master_node`, `clip_grad_norm_` and `torch.clip` never match.
 * - Umbrella terms (llm, cnn, mha, kv) are not in the lexicon at all.
 *
 * @example
 * const matcher = new TechniqueMatcher(lexicon);
 * matcher.matchAt('use_mla = True', 5)?.text               // => 'mla' (MLA)
 * matcher.matchIdentifier('MultiHeadLatentAttention')?.technique.name // => 'MLA'
 * matcher.matchAt('seed = 42', 1)                           // => undefined
 */
export class TechniqueMatcher {
  private readonly keys = new TechniqueKeys();

  constructor(readonly lexicon: Lexicon) {
    for (const t of lexicon.techniques) this.add(t);
  }

  /**
   * Makes a technique matchable: for a loader that adds the lexicon's
   * techniques (to `lexicon.techniques` and here) a few at a time.
   *
   * @example
   * lexicon.techniques.push(t); matcher.add(t);
   */
  add(t: Technique): void {
    this.spelled = undefined;
    this.keys.add(t);
  }

  /**
   * Whether a matching key (see `keyOf`) names a technique here.
   *
   * @example
   * matcher.knows(keyOf('TransMLA')) // => true
   */
  knows(key: string): boolean {
    return this.keys.get(key) !== undefined;
  }

  /** The technique at a 0-based column of a line, or undefined for no card. */
  matchAt(line: string, col: number, opts: MatchOptions = {}): TechniqueMatch | undefined {
    const span = identifierAt(line, col, opts.prose === true);
    if (!span) return undefined;
    return this.matchSpan(line, span, opts.prose === true, opts.facts ?? LINE_ALONE, opts.prose === true ? maskedRanges(line) : [], col);
  }

  /**
   * The file facts the matcher uses, from {@link documentFacts}: whether
   * the file is ML, and the techniques whose own code it is: a class named
   * for a guarded name, which leads the class's name, alone or before a
   * model component (`class CLIP(nn.Module)`, `class MedusaModel`,
   * `class H2OLlamaAttention`; not `class _LRScheduler`, where LR is a
   * learning rate).
   */
  fileFacts(facts: Pick<DocumentFacts, 'ml' | 'definitions'> & Partial<Pick<DocumentFacts, 'spelled'>>): FileFacts {
    // Every hover of a file asks with the same facts object: answer once.
    const known = this.fileFactsOf.get(facts);
    if (known) return known;
    const owned = new Set<string>();
    // A file that spells out an ambiguous acronym's long form means it by the acronym ("quantization aware training": QAT).
    for (const s of facts.spelled ?? []) for (const id of this.spelledOut().ids.get(s) ?? []) owned.add(id);
    for (const name of facts.definitions) {
      const words = splitWords(name);
      const modelish = words.length > 0 && MODEL_COMPONENTS.has((words[words.length - 1] as Word).stem);
      let prefix = '';
      for (let j = 0; j < Math.min(words.length, MAX_RUN); j++) {
        prefix += (words[j] as Word).lower;
        if (j < words.length - 1 && !modelish) continue;
        for (const e of this.keys.get(stem(prefix)) ?? []) if (e.surfaces.includes(prefix)) owned.add(e.t.id);
      }
      // A class spelled out as the acronym's long form: `DistributedDataParallel` is DDP's own code.
      const initials = words.map((w) => w.lower[0] ?? '').join('');
      for (const e of this.keys.get(initials) ?? []) if (e.t.kind === 'acronym' && initials.length >= 3 && spellsOut(words, e.t.expansions)) owned.add(e.t.id);
    }
    const out = { ml: facts.ml, owned };
    this.fileFactsOf.set(facts, out);
    return out;
  }

  private readonly fileFactsOf = new WeakMap<object, FileFacts>();

  /** The facts of a whole text at once (the CLI, tests). */
  factsOf(text: string, languageId: string): FileFacts & DocumentFacts {
    const d = runNow(documentFacts(text, languageId, this.spelledOut().pattern));
    return { ...d, ...this.fileFacts(d) };
  }

  private spelled: { pattern: RegExp; ids: Map<string, string[]> } | undefined;

  /**
   * The long forms of guarded acronyms, as one pattern for {@link documentFacts}
   * (words joined by spaces, hyphens or underscores), and the techniques each names.
   */
  spelledOut(): { pattern: RegExp; ids: Map<string, string[]> } {
    if (!this.spelled) {
      const ids = new Map<string, string[]>();
      for (const t of this.lexicon.techniques) {
        if (t.kind !== 'acronym' || !t.guard) continue;
        for (const x of t.expansions) {
          const norm = x.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
          if (norm.split(' ').length < 2 || !/^[a-z0-9 ]+$/.test(norm)) continue;
          ids.set(norm, [...(ids.get(norm) ?? []), t.id]);
        }
      }
      const alts = [...ids.keys()].sort((a, b) => b.length - a.length).map((n) => n.split(' ').join('[\\s_-]+'));
      this.spelled = { pattern: new RegExp(alts.length > 0 ? `\\b(?:${alts.join('|')})\\b` : '(?!)', 'gi'), ids };
    }
    return this.spelled;
  }

  /**
   * The technique at a 0-based column of one line of a file in a VS Code
   * language, judged on that line alone: prose languages, comments and
   * strings match across spaces, code matches the identifier only. With
   * the whole file at hand, pass `prose` from its {@link proseRegions}
   * instead, so that docstrings and block comments count.
   */
  matchInLanguage(line: string, col: number, languageId: string): TechniqueMatch | undefined {
    return this.matchAt(line, col, { prose: isProse(proseRegions(line, languageId), col) });
  }

  /** The technique a whole identifier names (`MultiHeadLatentAttention`, `use_mla`). */
  matchIdentifier(identifier: string): TechniqueMatch | undefined {
    if (identifier === '') return undefined;
    return this.matchSpan(identifier, { start: 0, end: identifier.length, windowStart: 0, windowEnd: identifier.length }, false, LINE_ALONE, []);
  }

  /**
   * Every technique mention in a text in a VS Code language, with 0-based
   * line and column: each identifier in code, each phrase in prose
   * (comments and strings, across lines, and prose languages throughout).
   * Linear in the text's length.
   */
  scan(text: string, languageId: string): (TechniqueMatch & { line: number; column: number })[] {
    const facts = this.factsOf(text, languageId);
    const regions = facts.regions;
    const out: (TechniqueMatch & { line: number; column: number })[] = [];
    const lineBreak = /\r\n|\r|\n/g;
    let lineStart = 0;
    for (let ln = 0; lineStart <= text.length; ln++) {
      lineBreak.lastIndex = lineStart;
      const br = lineBreak.exec(text);
      const lineEnd = br ? br.index : text.length;
      const line = text.slice(lineStart, lineEnd);
      let last = -1;
      // Every word of one long prose token ("a-b-c-…") has the same span, and a match depends only on the span:
      // look at each span once, and report each match once.
      const seen = new Set<string>();
      const reported = new Set<string>();
      let masks: [number, number][] | undefined;
      for (const m of line.matchAll(/[\p{L}\p{N}_]+/gu)) {
        const col = m.index ?? 0;
        if (col < last) continue;
        const prose = isProse(regions, lineStart + col);
        const span = identifierAt(line, col, prose);
        if (!span) continue;
        const id = `${prose}:${span.start}:${span.end}:${span.windowStart}:${span.windowEnd}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (prose) masks ??= maskedRanges(line);
        for (const hit of this.allInSpan(line, span, prose, facts, prose ? (masks ?? []) : [])) {
          if (hit.end <= last || reported.has(`${hit.start}:${hit.end}`)) continue;
          reported.add(`${hit.start}:${hit.end}`);
          out.push({ ...hit, line: ln, column: hit.start });
          last = hit.end;
        }
      }
      if (!br) break;
      lineStart = br.index + br[0].length;
    }
    return out;
  }

  /**
   * The technique an identifier (or prose phrase) names, best first: the
   * one the cursor is on when `at` is given (`GlmMoeDsaModel` is MoE on
   * "Moe" and DSA on "Dsa"), else the most specific.
   */
  private matchSpan(line: string, span: Span, prose: boolean, facts: FileFacts, masks: readonly (readonly [number, number])[], at?: number): TechniqueMatch | undefined {
    const found = findCandidates(this.keys, line, span, prose, facts, masks);
    if (!found || found.cands.length === 0) return undefined;
    const { words, cands } = found;
    const covers = (c: Candidate): boolean => at !== undefined && (words[c.i] as Word).start <= at && at < (words[c.j] as Word).end;
    let best: Candidate | undefined;
    for (const c of cands) if (!best || covers(c) > covers(best) || (covers(c) === covers(best) && better(c, best, words))) best = c;
    return best && this.toMatch(line, span, words, best);
  }

  /** Every technique an identifier names in parts of its own, most specific first (`DeepseekV2MLAAttention`: DeepSeek-V2, MLA). */
  private allInSpan(line: string, span: Span, prose: boolean, facts: FileFacts, masks: readonly (readonly [number, number])[]): TechniqueMatch[] {
    const found = findCandidates(this.keys, line, span, prose, facts, masks);
    if (!found) return [];
    const { words, cands } = found;
    const taken: Candidate[] = [];
    for (const c of [...cands].sort((x, y) => (better(x, y, words) ? -1 : better(y, x, words) ? 1 : 0))) {
      if (taken.every((t) => c.j < t.i || t.j < c.i)) taken.push(c);
    }
    return taken.sort((x, y) => x.i - y.i).map((c) => this.toMatch(line, span, words, c));
  }

  private toMatch(line: string, span: Span, words: readonly Word[], best: Candidate): TechniqueMatch {
    const start = words[best.i]?.start ?? span.start;
    const end = words[best.j]?.end ?? span.end;
    const out: TechniqueMatch = { technique: best.entry.t, identifier: line.slice(span.start, span.end), start, end, text: line.slice(start, end) };
    if (best.entry.meaning) out.meaning = best.entry.meaning;
    return out;
  }
}

/**
 * Whether words spell out one of the long forms word for word, each word a
 * form of the other (`Distributed Data Parallel` / "Distributed Data
 * Parallelism").
 */
function spellsOut(words: readonly Word[], expansions: readonly string[]): boolean {
  return expansions.some((x) => {
    const long = splitWords(x);
    return long.length === words.length && long.every((l, k) => {
      const w = (words[k] as Word).lower;
      return l.lower.startsWith(w) || w.startsWith(l.lower) || l.stem === (words[k] as Word).stem;
    });
  });
}
