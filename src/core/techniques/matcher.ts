import { GLUED_AFFIXES, MODEL_COMPONENTS, TECHNIQUE_HEADS } from './curated';
import { type DocumentFacts, documentFacts, maskedRanges, meetsRange } from './document';
import { isSingleToken, tokenIndexes } from './tokens';
import { paperCountOf } from './papers';
import type { Lexicon, Technique } from '../../schema/lexicon';
import { type Word, keyOf, runKey, splitWords, stem } from './words';
import { foldForSearch } from '../text/clean';
import { isProse, proseRegions } from './regions';
import { runNow } from '../util/sliced';

/** Longest run of words a technique name spans. */
const MAX_RUN = 6;

/** Longest glued affix (`pipeline`), and the most characters stemming may take off a word (`-ings`). */
const MAX_AFFIX = Math.max(...[...GLUED_AFFIXES].map((a) => a.length));
const STEM_SLACK = 5;

const KIND_RANK: Record<Technique['kind'], number> = { name: 3, acronym: 2, phrase: 1 };

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

/** The facts of a file the matcher reads, with the techniques whose own code the file is. */
export interface FileFacts {
  ml: boolean;
  /** Ids of techniques a class, function or type of the file is named for (`class MedusaModel`). */
  owned: ReadonlySet<string>;
}

/** What a line alone tells: no file to say it is not ML, nothing owned. */
const LINE_ALONE: FileFacts = { ml: true, owned: new Set() };

/** Keys this short match only a name as it is spelled (a plural "s" after capitals aside): `mode` is not MoD. */
const SHORT_KEY = 4;

interface Entry {
  t: Technique;
  /** The spellings (words lowercased and joined) of the names with this key: "mod" for MoD, "rope" for RoPE. */
  surfaces: ReadonlySet<string>;
  /** Spellings of names that start with a one-letter word of their own ("q lora rank"). */
  letterLed: ReadonlySet<string>;
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

interface Candidate {
  entry: Entry;
  i: number;
  j: number;
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
 */
export class TechniqueMatcher {
  private readonly byKey = new Map<string, Entry[]>();
  private maxKeyLength = 0;

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
        surfaces: surfaces.get(k) ?? new Set([k]),
        letterLed: letterLed.get(k) ?? new Set(),
        method: t.kind === 'phrase' || t.expansions.some((x) => TECHNIQUE_HEADS.has(splitWords(x).at(-1)?.stem ?? '')),
        singleToken: single.has(k),
        guarded: guarded.has(k),
      };
      const meaning = meaningOf.get(k);
      if (meaning) e.meaning = meaning;
      const list = this.byKey.get(k) ?? [];
      list.push(e);
      this.byKey.set(k, list);
      this.maxKeyLength = Math.max(this.maxKeyLength, k.length);
    }
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
        for (const e of this.byKey.get(stem(prefix)) ?? []) if (e.surfaces.has(prefix)) owned.add(e.t.id);
      }
      // A class spelled out as the acronym's long form: `DistributedDataParallel` is DDP's own code.
      const initials = words.map((w) => w.lower[0] ?? '').join('');
      for (const e of this.byKey.get(initials) ?? []) if (e.t.kind === 'acronym' && initials.length >= 3 && spellsOut(words, e.t.expansions)) owned.add(e.t.id);
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
    const found = this.candidates(line, span, prose, facts, masks);
    if (!found || found.cands.length === 0) return undefined;
    const { words, cands } = found;
    const covers = (c: Candidate): boolean => at !== undefined && (words[c.i] as Word).start <= at && at < (words[c.j] as Word).end;
    let best: Candidate | undefined;
    for (const c of cands) if (!best || covers(c) > covers(best) || (covers(c) === covers(best) && better(c, best, words))) best = c;
    return best && this.toMatch(line, span, words, best);
  }

  /** Every technique an identifier names in parts of its own, most specific first (`DeepseekV2MLAAttention`: DeepSeek-V2, MLA). */
  private allInSpan(line: string, span: Span, prose: boolean, facts: FileFacts, masks: readonly (readonly [number, number])[]): TechniqueMatch[] {
    const found = this.candidates(line, span, prose, facts, masks);
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

  private candidates(line: string, span: Span, prose: boolean, facts: FileFacts, masks: readonly (readonly [number, number])[]): { words: Word[]; cands: Candidate[] } | undefined {
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
        if (prefix.length > this.maxKeyLength + 8) break;
        if (j < a || i >= b) continue;
        const entries = this.byKey.get(key);
        if (!entries) continue;
        // A one-letter word joined by "_" is a tensor prefix (`x_attn`, `q_proj`), not the start of a name, unless
        // the name itself starts with a one-letter word (`q_lora_rank`).
        const letterPrefix = j > i && (words[i] as Word).lower.length === 1 && line[(words[i] as Word).end] === '_';
        for (const entry of entries) {
          if (letterPrefix && !entry.letterLed.has(prefix)) continue;
          // An organisation's name (DeepSeek) is no technique of its own: its releases are.
          if (entry.t.family === true) continue;
          // Outside ML code and prose only a distinctive coined name counts (`TransMLA`), never an acronym or a phrase;
          // a file whose classes are named for the technique is its own code, ML or not by its vocabulary.
          if (!facts.ml && !distinctive(entry, key) && !facts.owned.has(entry.t.id)) continue;
          if (key.length <= SHORT_KEY && !spelledAs(entry, prefix, words, j)) continue;
          if (entry.singleToken && token[i] !== token[j] && !versionSuffix(words, token, i, j)) continue;
          if (entry.guarded && !this.guardSatisfied(entry, words, i, j, line, mixedCase, prose, facts)) continue;
          if (!entry.method && this.compoundName(entry, words, i, j, line)) continue;
          if (prose && entry.t.kind === 'acronym' && definedOtherwise(entry, line, words, i, j)) continue;
          cands.push({ entry, i, j });
        }
      }
    }
    if (cands.length === 0) {
      const glued = this.gluedMatch(words, a, b);
      if (glued) cands.push(glued);
    }
    return { words, cands };
  }

  /**
   * A guarded name (an everyday word, a short acronym) counts only in an ML
   * file, and then only with company: the file is the technique's own code
   * (`class MedusaModel`); or another word of the identifier (or, in prose,
   * of the phrase) is from the technique's own vocabulary, or in code a
   * model component (`MedusaModel`, `clip_model`) or another technique's
   * name (`vit_base_patch16_clip_224`); or, for an acronym, capitals inside
   * a CamelCase identifier (`CLIPModel`).
   */
  private guardSatisfied(e: Entry, words: readonly Word[], i: number, j: number, line: string, mixedCase: boolean, prose: boolean, facts: FileFacts): boolean {
    if (facts.owned.has(e.t.id)) return true;
    if (!facts.ml) return false;
    // In prose an everyday word is the word ("as one unit", "clip the value"); the name is written as the name ("CLIP").
    const written = line.slice(words[i]?.start ?? 0, words[j]?.end ?? 0);
    if (prose && /\p{Lu}/u.test(e.t.name) && written !== e.t.name && !e.t.aliases.includes(written)) return false;
    const context = new Set(e.t.guard?.context ?? []);
    for (let k = 0; k < words.length; k++) {
      if (k >= i && k <= j) continue;
      const w = words[k] as Word;
      if (context.has(w.stem)) return true;
      if (prose) continue;
      if (MODEL_COMPONENTS.has(w.stem)) return true;
      if (w.lower.length >= 3 && (this.byKey.get(w.stem) ?? []).some((x) => x.t !== e.t && !x.guarded && x.surfaces.has(w.lower))) return true;
    }
    if (e.t.kind !== 'acronym' || prose || !mixedCase) return false;
    const surface = line.slice(words[i]?.start ?? 0, words[j]?.end ?? 0);
    const next = words[j + 1];
    const prev = words[i - 1];
    const camelNeighbour = (next !== undefined && /^\p{Lu}\p{Ll}/u.test(next.text)) || (prev !== undefined && /\p{Ll}$/u.test(prev.text));
    return surface.length >= 3 && surface === foldForSearch(e.t.name) && /^\p{Lu}+$/u.test(surface) && camelNeighbour;
  }

  /**
   * In code, a name glued to another name forms a third model's name:
   * `CLIPSegModel` is CLIPSeg, `VitMatte` ViTMatte, `Wav2Vec2Bert` w2v-BERT,
   * `RFDetrModel` RF-DETR. A word glued after the name (no `_`, a capital)
   * must be a class-name part (`CLIPTextModel`, `DetrForObjectDetection`,
   * `SamImageProcessor`), a version or another technique; a glued prefix of
   * one or two letters makes a variant.
   */
  private compoundName(e: Entry, words: readonly Word[], i: number, j: number, line: string): boolean {
    // The first word glued after the name, past a version (`Wav2Vec2Bert`: past the 2, Bert).
    let k = j + 1;
    let end = (words[j] as Word).end;
    while (words[k] && (words[k] as Word).start === end && /^(?:\d+|v\d+)$/i.test((words[k] as Word).text)) end = (words[k++] as Word).end;
    const next = words[k];
    // Only models make models of other names: `SnapKVCluster` is SnapKV's cluster (a method a corpus paper
    // coins), `CLIPSegModel` is CLIPSeg, `Swin2SRModel` Swin2SR, `LlavaOnevisionModel` LLaVA-OneVision (models: an
    // acronym, a release with a number, or a name the corpus discusses but does not introduce).
    const model = e.t.kind === 'acronym' || /\d/.test(e.t.name) || !e.t.papers.some((p) => p.role === 'introduces');
    if (model && next && next.start === end && /^\p{Lu}/u.test(next.text)) {
      const part = next.lower;
      if (!CLASS_PARTS.has(part) && !CLASS_PARTS.has(next.stem) && !GLUED_AFFIXES.has(next.stem) && !(this.byKey.get(next.stem) ?? []).some((x) => x.t !== e.t && x.surfaces.has(part))) return true;
    }
    // A name glued after another name-part in one token (`FastViT`, `MobileViT`, `GroupViT`), or after a short
    // capitalised prefix and a hyphen (`RF-DETR`, `OWL-ViT`, `Co-DETR`).
    const prev = words[i - 1];
    const first = words[i] as Word;
    if (!prev) return false;
    const between = line.slice(prev.end, first.start);
    const glued = between === '' && /^\p{Lu}\p{Ll}+$|^\p{Lu}{1,3}$/u.test(prev.text) && /\p{Lu}/u.test(first.text[0] ?? '');
    const prefixed = between === '-' && prev.text.length <= 3 && /^\p{Lu}/u.test(prev.text);
    if (!glued && !prefixed) return false;
    // …unless the prefix is a technique or a class part of its own (`SamVisionAttention`).
    if (CLASS_PARTS.has(prev.lower) || (this.byKey.get(prev.stem) ?? []).some((x) => x.surfaces.has(prev.lower))) return false;
    return true;
  }

  /** "shadowkvcache", "transmlaattention": a distinctive name glued to a common suffix in one lowercase word. */
  private gluedMatch(words: readonly Word[], a: number, b: number): Candidate | undefined {
    for (let k = a; k < b; k++) {
      const w = words[k] as Word;
      if (w.lower.length < 7 || w.text !== w.text.toLowerCase()) continue;
      // Only cuts that leave a head no longer than a key and a tail no longer than an affix (plus what stemming
      // removes) can match, so a 10,000-letter word costs a few lookups, not one stem per letter.
      const lowest = Math.max(5, w.lower.length - MAX_AFFIX - STEM_SLACK);
      for (let cut = Math.min(w.lower.length - 2, this.maxKeyLength + STEM_SLACK); cut >= lowest; cut--) {
        const rest = stem(w.lower.slice(cut));
        if (!GLUED_AFFIXES.has(rest)) continue;
        const head = w.lower.slice(0, cut);
        for (const key of [head, stem(head)]) {
          const entry = (this.byKey.get(key) ?? []).find((e) => !e.guarded && e.singleToken && isSingleToken(e.t.name));
          if (entry) return { entry, i: k, j: k };
        }
      }
    }
    return undefined;
  }
}

/**
 * Words that follow a model's name in its classes' names: `CLIPTextModel`,
 * `DetrForObjectDetection`, `SamImageProcessor`, `Qwen2VLForConditionalGeneration`.
 */
const CLASS_PARTS: ReadonlySet<string> = new Set(
  ('model models pre pretrained for config configuration processor processing image images text vision visual audio video ' +
    'feature features extractor tokenizer tokenization encoder decoder layer layers block blocks attention output outputs ' +
    'head heads embedding embeddings pipeline backbone mlp cache module loss result results props mapping wrapper adapter ' +
    'trainer kernel impl forward base large small tiny huge causal conditional generation sequence token object detection ' +
    'segmentation classification question answering masked lm ctc speech frame mask semantic instance universal depth ' +
    'estimation zero shot prior sparse moe expert experts router gate attn self cross rotary position positional ' +
    'multimodal language projector projection patch').split(' '),
);

/**
 * Whether the line defines the acronym as something else: "mean absolute
 * error (MAE)", "DiT: … for Document Image Transformer". Words whose
 * initials spell the acronym, none of them the technique's own expansion.
 */
function definedOtherwise(entry: Entry, line: string, words: readonly Word[], i: number, j: number): boolean {
  const letters = foldForSearch(entry.t.name).replace(/[^A-Za-z]/g, '').toLowerCase();
  if (letters.length < 2 || letters.length > 6) return false;
  const own = new Set(entry.t.expansions.map((x) => x.toLowerCase().replace(/[^a-z]+/g, ' ').trim()));
  const tokens = [...line.matchAll(/[A-Za-z]+/g)].filter((m) => (m.index ?? 0) < (words[i]?.start ?? 0) || (m.index ?? 0) >= (words[j]?.end ?? 0));
  for (let s = 0; s + letters.length <= tokens.length; s++) {
    const run = tokens.slice(s, s + letters.length);
    if (run.map((m) => (m[0][0] ?? '').toLowerCase()).join('') !== letters) continue;
    // Consecutive words only (one space or hyphen apart), not an abbreviation's own letters.
    const joined = line.slice(run[0]?.index ?? 0, (run[run.length - 1]?.index ?? 0) + (run[run.length - 1]?.[0].length ?? 0));
    if (!/^[A-Za-z]+(?:[ -][A-Za-z]+)*$/.test(joined) || run.some((m) => m[0].length < 2)) continue;
    if (!own.has(joined.toLowerCase().replace(/[^a-z]+/g, ' ').trim())) return true;
  }
  return false;
}

/** A name no ordinary text spells by accident: a coined name or an acronym of six letters or more, not guarded. */
function distinctive(entry: Entry, key: string): boolean {
  return entry.t.kind !== 'phrase' && !entry.guarded && key.length >= 6;
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

/**
 * Whether a run spelled `prefix` (its words lowercased and joined) is one of
 * the entry's own spellings: a short key (`mod`, `sam`, `rop`) matches no
 * stemmed form of another word (`mode`, `same`, `Yolos`). A plural "s"
 * after capitals counts (`ViTs`, `LLMs`).
 */
function spelledAs(entry: Entry, prefix: string, words: readonly Word[], j: number): boolean {
  if (entry.surfaces.has(prefix)) return true;
  const last = (words[j] as Word).text;
  return prefix.endsWith('s') && entry.surfaces.has(prefix.slice(0, -1)) && /\p{Lu}s$/u.test(last);
}

/** Whether the words of run [i, j] after the first whitespace token are only a version: "DeepSeek V3", "Qwen 2.5". */
function versionSuffix(words: readonly Word[], token: readonly number[], i: number, j: number): boolean {
  let k = i;
  while (k <= j && token[k] === token[i]) k++;
  const rest = words.slice(k, j + 1);
  return rest.length > 0 && rest.length <= 2 && token[j] === token[k] && rest.every((w) => /^(?:v\d+|\d+|v)$/i.test(w.text));
}

/** How specific a technique is: a technique over a model release (DeepSeek-V3, YOLOv6, named with a number). */
function specificity(t: Technique): number {
  return t.kind === 'name' && /\d/.test(t.name) ? 1 : 2;
}

/**
 * Most specific first: in different parts of an identifier, a technique
 * over a model release over a family name (`DeepseekV2MLAAttention` is MLA);
 * then more words covered (RT-DETRv2 over RT-DETR), then a coined
 * name over an acronym over a phrase, then fewer papers.
 */
function better(x: Candidate, y: Candidate, words: readonly Word[]): boolean {
  // Between different parts of an identifier; where one run holds the other (RT-DETR in RTDetrV2), the longer wins.
  const disjoint = x.j < y.i || y.j < x.i;
  const spec = specificity(x.entry.t) - specificity(y.entry.t);
  if (disjoint && spec !== 0) return spec > 0;
  const len = (c: Candidate): number => c.j - c.i + 1;
  if (len(x) !== len(y)) return len(x) > len(y);
  const rank = KIND_RANK[x.entry.t.kind] - KIND_RANK[y.entry.t.kind];
  if (rank !== 0) return rank > 0;
  const chars = (c: Candidate): number => (words[c.j]?.end ?? 0) - (words[c.i]?.start ?? 0);
  if (chars(x) !== chars(y)) return chars(x) > chars(y);
  return paperCountOf(x.entry.t) < paperCountOf(y.entry.t);
}

interface Span {
  /** The identifier or token under the cursor. */
  start: number;
  end: number;
  /** The words that may take part in a match: the identifier, or in prose a few neighbours too. */
  windowStart: number;
  windowEnd: number;
}

/**
 * Longest token that can be an identifier worth a card: no technique name
 * is near it, and hashes, base64 and minified blobs are longer. Bounds the
 * work of a hover or a scan on any line.
 */
export const MAX_TOKEN = 256;

const IDENT = /[\p{L}\p{N}_]/u;
const WINDOW_TOKEN = /[\p{L}\p{N}_\-]/u;
const PROSE_TOKEN = /[\p{L}\p{N}_\-²³¹⁰-₉]/u;

/**
 * The identifier around a column. In prose, a token may contain hyphens
 * (T-Stitch, SN-Net), and up to three neighbouring tokens on each side,
 * separated by single spaces, may join it ("KV cache", "speculative decoding").
 */
export function identifierAt(line: string, col: number, prose: boolean): Span | undefined {
  // In prose a dot between digits belongs to a version: "Qwen2.5-VL", "DeepSeek-V3.2".
  const versionDot = (k: number): boolean => prose && line[k] === '.' && /\d/.test(line[k - 1] ?? '') && /\d/.test(line[k + 1] ?? '');
  const isCharAt = (k: number): boolean => {
    const c = line[k];
    return c !== undefined && ((prose ? PROSE_TOKEN : IDENT).test(c) || versionDot(k));
  };
  const isChar = (c: string | undefined): boolean => c !== undefined && (prose ? PROSE_TOKEN : IDENT).test(c);
  if (!isChar(line[col])) {
    // The cursor just after an identifier still hovers it, as in editors.
    if (col > 0 && isChar(line[col - 1])) col--;
    else return undefined;
  }
  let start = col;
  let end = col + 1;
  while (start > 0 && isCharAt(start - 1)) if (col - --start > MAX_TOKEN) return undefined;
  while (end < line.length && isCharAt(end)) if (++end - col > MAX_TOKEN) return undefined;
  if (end - start > MAX_TOKEN) return undefined;
  // Hyphens at the edges are punctuation, not part of the name.
  while (prose && line[start] === '-' && start < end) start++;
  while (prose && line[end - 1] === '-' && end > start) end--;
  if (start >= end || !/[\p{L}]/u.test(line.slice(start, end))) return undefined;
  let windowStart = start;
  let windowEnd = end;
  if (prose) {
    // Up to three neighbouring tokens each side, separated by one space. A scan, not a regex: a regex anchored
    // at the end of a long prefix backtracks over it once per start position.
    const isWordChar = (c: string | undefined): boolean => c !== undefined && WINDOW_TOKEN.test(c);
    for (let n = 0; n < 3; n++) {
      let s = windowStart - 1;
      if (line[s] !== ' ' || !isWordChar(line[s - 1])) break;
      while (isWordChar(line[s - 1]) && windowStart - s <= MAX_TOKEN) s--;
      if (windowStart - s > MAX_TOKEN) break;
      windowStart = s;
    }
    for (let n = 0; n < 3; n++) {
      let e = windowEnd + 1;
      if (line[windowEnd] !== ' ' || !isWordChar(line[e])) break;
      while (isWordChar(line[e]) && e - windowEnd <= MAX_TOKEN) e++;
      if (e - windowEnd > MAX_TOKEN) break;
      windowEnd = e;
    }
  }
  return { start, end, windowStart, windowEnd };
}
