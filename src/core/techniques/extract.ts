import type { Paper } from '../../schema/corpus';
import { slugOf } from '../corpus/titles';
import { DATA_VERSION } from '../data/version';
import { findAcronyms } from './acronyms';
import {
  ALIASES,
  COMMON_IDENTIFIERS,
  GENERIC_MODIFIERS,
  GENERIC_STEMS,
  NON_METHOD_HEADS,
  STOP_PHRASES,
  TECHNIQUE_HEADS,
  UMBRELLA_ACRONYMS,
} from './curated';
import { type Lexicon, LexiconSchema, type Technique, type TechniqueKind, type TechniquePaper } from '../../schema/lexicon';
import { foldForSearch } from '../text/clean';
import { isSingleToken } from './tokens';
import { type Word, keyOf, splitWords, stem, stemsOf } from './words';

/** A phrase becomes a technique when this many papers use it. */
export const PHRASE_MIN_PAPERS = 3;
/** Longest run of words a technique name spans. */
export const MAX_RUN = 6;

const KIND_RANK: Record<TechniqueKind, number> = { name: 3, acronym: 2, phrase: 1 };

interface Expansion {
  display: string;
  papers: Set<string>;
}

interface Candidate {
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

const FUNCTION_WORDS = new Set(
  'of in on to for the a an is are with by and or from at as into via meets beyond towards toward you your not all no do does can be'.split(' '),
);

/**
 * Builds the technique lexicon from the corpus: names papers coin (the short
 * name before a title's colon; "we propose X"), acronyms defined in
 * parentheses with their long forms, and technique phrases that recur
 * across papers; plus the small curated alias and stop lists. Each
 * technique lists the papers that introduce it, then those that mention it.
 */
export function buildLexicon(papers: readonly Paper[]): Lexicon {
  const words = new TokenWords();
  const cands = new Map<string, Candidate>();
  const get = (key: string, kind: TechniqueKind): Candidate => {
    let c = cands.get(key);
    if (!c) {
      c = { key, kind, names: new Map(), expansions: new Map(), aliases: new Set(), introducedBy: new Set(), context: new Set() };
      cands.set(key, c);
    } else if (KIND_RANK[kind] > KIND_RANK[c.kind]) {
      c.kind = kind;
    }
    return c;
  };
  const addName = (c: Candidate, name: string): void => {
    c.names.set(name, (c.names.get(name) ?? 0) + 1);
  };

  for (const p of papers) {
    // Names a paper coins in its title: "TransMLA: …", "Swin Transformer V2: …".
    if (p.shortName && isCoinedName(p.shortName)) {
      const c = get(keyOf(p.shortName), 'name');
      addName(c, p.shortName);
      c.introducedBy.add(p.id);
      addContext(c, p.title);
      const base = versionless(p.shortName);
      if (base) c.aliases.add(base);
    }
    // "we dub HiLo", "We present Medusa, a simple framework …".
    for (const { name, context } of proposedNames(p.abstract)) {
      const c = get(keyOf(name), 'name');
      addName(c, name);
      c.introducedBy.add(p.id);
      addContext(c, `${p.title} ${context}`);
    }
    // "Multi-head Latent Attention (MLA)".
    const text = `${p.title}. ${p.abstract}`;
    for (const d of findAcronyms(text)) {
      const key = keyOf(d.short);
      if (key === '' || UMBRELLA_ACRONYMS.has(key)) continue;
      const longStems = stemsOf(d.long);
      if (NON_METHOD_HEADS.has(longStems[longStems.length - 1] ?? '')) continue;
      const c = get(key, 'acronym');
      addName(c, d.short);
      const ek = keyOf(d.long);
      const e = c.expansions.get(ek) ?? { display: d.long, papers: new Set<string>() };
      e.papers.add(p.id);
      c.expansions.set(ek, e);
      if ((p.shortName !== undefined && keyOf(p.shortName) === key) || definedAsOwn(text, d.index, d.long)) c.introducedBy.add(p.id);
      addContext(c, d.long);
    }
  }

  // Technique phrases that recur: "speculative decoding", "KV cache", "sparse attention".
  // A phrase that spells out a clear acronym (mixture of experts → MoE) joins it.
  const acronyms = [...cands.values()].filter((c) => c.kind === 'acronym' && c.key.length >= 3 && meaningGroups(c.expansions).length === 1);
  for (const [key, ph] of recurringPhrases(papers)) {
    const owner = cands.get(key) ?? acronyms.find((c) => c.expansions.has(key));
    if (owner) {
      owner.aliases.add(ph.display);
      continue;
    }
    const c = get(key, 'phrase');
    addName(c, ph.display);
  }

  // The family name behind versioned names: YOLOv6 and YOLOv12 → YOLO; DeepSeek-V3 → DeepSeek.
  for (const c of [...cands.values()]) {
    if (c.kind !== 'name') continue;
    for (const n of c.names.keys()) {
      const base = familyName(n);
      if (!base || cands.has(keyOf(base))) continue;
      const fam = get(keyOf(base), 'name');
      fam.family = true;
      addName(fam, base);
    }
  }

  // Named techniques the corpus discusses but does not introduce: "FlashAttention".
  for (const [key, n] of mentionedNames(papers)) {
    if (cands.has(key)) continue;
    const c = get(key, 'name');
    for (const [form, count] of n.forms) c.names.set(form, count);
    for (const v of n.variants) c.aliases.add(v);
  }

  // Releases of a named technique that papers discuss: "wav2vec 2.0" beside wav2vec. Code writes them joined
  // (`Wav2Vec2Model`), so the version without its ".0" is an alias too.
  const bases = [...cands.values()].filter((c) => c.kind !== 'phrase' && c.key.length >= 3 && c.names.size > 0).map((c) => preferredForm(c.names));
  for (const [key, n] of versionedNames(papers, bases)) {
    if (cands.has(key)) continue;
    const c = get(key, 'name');
    for (const [form, count] of n.forms) c.names.set(form, count);
    for (const form of n.forms.keys()) {
      const short = form.replace(/\.0$/, '');
      if (short !== form) c.aliases.add(short);
    }
  }

  // Names that coined names are built on and papers also write on their own: Mamba (Multimodal Mamba,
  // LaMamba-Diff), LLaVA (LLaVA-UHD, Dynamic-LLaVA), Swin (Swin Transformer V2), DeepSpeed.
  const everyday = everydayWords(papers);
  for (const [base, n] of embeddedNames(papers, [...cands.values()].filter((c) => c.kind === 'name').flatMap((c) => [...c.names.keys()]), everyday)) {
    const key = keyOf(base);
    if (cands.has(key)) continue;
    // "Swin" is Swin Transformer: the base and a generic head word.
    const longer = [...cands.values()].find((c) => c.kind === 'name' && [...c.names.keys()].some((x) => new RegExp(`^${base} (?:${[...UMBRELLA_WORDS].join('|')})$`, 'i').test(x)));
    if (longer) {
      longer.aliases.add(base);
      continue;
    }
    const c = get(key, 'name');
    c.names.set(base, n);
  }

  // A prefixed acronym of another technique, said with its prefix spelled out: M-RoPE, "Multimodal Rotary
  // Position Embedding", is "multimodal RoPE" (`_get_multimodal_rope_positions`).
  for (const c of cands.values()) {
    if (c.kind !== 'acronym') continue;
    for (const n of c.names.keys()) {
      const m = /^(\p{Lu}{1,2})-(.+)$/u.exec(n);
      const base = m?.[2];
      if (!m || base === undefined || !cands.has(keyOf(base))) continue;
      for (const e of c.expansions.values()) {
        const first = e.display.split(/[\s-]+/)[0] ?? '';
        if (first.length > 3 && first.toLowerCase().startsWith((m[1] ?? '').toLowerCase())) c.aliases.add(`${first} ${base}`);
      }
    }
  }

  // A long form that ends in "Model" is also said without it: "Segment Anything" for SAM.
  for (const c of cands.values()) {
    if (c.kind !== 'acronym') continue;
    for (const e of c.expansions.values()) {
      const m = /^(.+\S)\s+Model$/.exec(e.display);
      if (m?.[1] !== undefined && m[1].split(/\s+/).length >= 2) c.aliases.add(m[1]);
    }
  }

  // Curated aliases, for techniques the corpus has.
  for (const [name, aliases] of Object.entries(ALIASES)) {
    const k = keyOf(name);
    const owner = cands.get(k) ?? [...cands.values()].find((c) => c.expansions.has(k));
    if (owner) for (const a of aliases) owner.aliases.add(a);
  }

  // Guarded names also take context from what their introducing papers are about.
  const introducing = new Set([...cands.values()].flatMap((c) => [...c.introducedBy]));
  const salient = salientStems(papers, introducing, words);
  for (const c of cands.values()) for (const id of c.introducedBy) for (const st of salient.get(id) ?? []) c.context.add(st);

  const techniques = finalize([...cands.values()], papers, words, everyday);
  return LexiconSchema.parse({ version: DATA_VERSION, techniques });
}

/** A short name that is a name, not a phrase: "TransMLA", "Deja Vu", "Swin Transformer V2"; not "Less is More". */
export function isCoinedName(s: string): boolean {
  if (/[,;!?%&]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 3) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase())) || words.length === 1;
}

/**
 * The family a versioned name belongs to: "YOLOv12" → "YOLO", "DeepSeek-V3.2"
 * → "DeepSeek", "YOLO9000" → "YOLO". Undefined when there is no version.
 */
export function familyName(name: string): string | undefined {
  const m = /^(.*?\p{L})[-\s]?([vV]\d+(?:\.\d+)*|\d+(?:\.\d+)*)$/u.exec(name);
  const base = m?.[1];
  if (base === undefined || base.replace(/[^\p{L}\d]/gu, '').length < 3) return undefined;
  // "DeepSeek-R1" and "M2R2" are names, not versions of "DeepSeek-R" and "M2R".
  if (!/^[vV]/.test(m?.[2] ?? '') && !/\p{L}{2}$/u.test(base)) return undefined;
  return base;
}

/** "Swin Transformer V2" → "Swin Transformer"; "MInference 1.0" → "MInference". */
function versionless(name: string): string | undefined {
  const m = /^(.+?)\s+(?:[vV]\d+(?:\.\d+)?|\d+(?:\.\d+)?)$/.exec(name);
  return m?.[1];
}

const PROPOSE_RE =
  /\b(?:[Ww]e (?:propose|introduce|present|dub|call|name|term|develop)|(?:called|dubbed|named|termed|coined))\s+(?:it |this |them )?(?:as )?(?:(?:a|an|the) )?(?:(?:novel|new|simple|lightweight|efficient|general|unified) )*(\p{Lu}[\p{L}\d]*(?:[-.][\p{L}\d]+)*\+*(?: (?:[vV]\d+|\d+(?:\.\d+)?)(?![\p{L}\d]))?)([^.;(]{0,120})/gu;

/** A name with its own shape: inner capitals (HiLo, LITv2), digits, or an all-caps part (SN-Net). */
export function isDistinctiveName(name: string): boolean {
  const parts = name.replace(/\s+(?:[vV]?\d+(?:\.\d+)?)$/, '').split(/[-.\s]+/).filter((x) => x !== '');
  // "MoE-based", "Transformer-based 1-Dimensional", "DETR-like" are adjectives, not names.
  if (parts.slice(1).some((w) => /^\p{Ll}{3,}$/u.test(w))) return false;
  return parts.some((w) => /\p{Ll}\p{Lu}/u.test(w) || /\d/.test(w) || /^\p{Lu}{2,}/u.test(w));
}

/**
 * Names a paper says it proposes: "we dub HiLo", "We present Medusa, a
 * simple framework". A capitalised plain word counts only when an
 * appositive follows ("Medusa, a …", "Janus, an …"), so "we propose a
 * Coarse-to-Fine architecture" does not coin "Coarse-to-Fine".
 */
export function proposedNames(abstract: string): { name: string; context: string }[] {
  const out: { name: string; context: string }[] = [];
  for (const m of abstract.matchAll(PROPOSE_RE)) {
    const name = m[1] ?? '';
    const rest = m[2] ?? '';
    const appositive = /^,\s+(a|an|the)\b/.test(rest) || /^\s+(is|that|which)\b/.test(rest);
    if (name.length < 2 || UMBRELLA_ACRONYMS.has(keyOf(name))) continue;
    if (!isDistinctiveName(name) && !(appositive && /^\p{Lu}\p{Ll}+$/u.test(name))) continue;
    out.push({ name, context: rest });
  }
  return out;
}

/**
 * "we propose … termed Dynamic Focus-aware Positional Queries (DFPQ)": the
 * long form follows the proposing verb closely. "we propose X for
 * Diffusion Transformers (DiTs)" does not coin DiT.
 */
function definedAsOwn(text: string, paren: number, long: string): boolean {
  const longStart = text.lastIndexOf(long, paren);
  if (longStart < 0) return false;
  const lead = text.slice(Math.max(0, longStart - 80), longStart);
  const m = /\b(?:we (?:propose|introduce|present|develop|design)|termed|called|dubbed|named|coined)\b([^.;]*)$/i.exec(lead);
  const gap = (m?.[1] ?? '').trim();
  return m !== null && !gap.includes(',') && gap.split(/\s+/).filter((w) => w !== '').length <= 3;
}

/** Number of salient abstract words that join a guarded name's context. */
const SALIENT_PER_PAPER = 10;

/** Each listed paper's most distinctive abstract stems (tf-idf over the whole corpus), without generic words. */
function salientStems(papers: readonly Paper[], wanted: ReadonlySet<string>, words: TokenWords): Map<string, string[]> {
  const tfOf = (p: Paper): Map<string, number> => {
    const tf = new Map<string, number>();
    for (const st of words.stemsOf(p.abstract)) {
      if (st.length < 3 || GENERIC_STEMS.has(st) || FUNCTION_WORDS.has(st) || /\d/.test(st)) continue;
      tf.set(st, (tf.get(st) ?? 0) + 1);
    }
    return tf;
  };
  const df = new Map<string, number>();
  for (const p of papers) for (const st of tfOf(p).keys()) df.set(st, (df.get(st) ?? 0) + 1);
  const n = papers.length;
  const out = new Map<string, string[]>();
  for (const p of papers) {
    if (!wanted.has(p.id)) continue;
    const scored = [...tfOf(p)].map(([st, f]) => [st, f * Math.log(n / (df.get(st) ?? 1))] as const);
    scored.sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    out.set(p.id, scored.slice(0, SALIENT_PER_PAPER).map(([st]) => st));
  }
  return out;
}

/**
 * The words of whitespace-free tokens, remembered for the whole build: a
 * corpus says "attention" and "the" thousands of times, and splitting a
 * token is the same wherever it stands (no word spans a space).
 */
class TokenWords {
  private readonly cache = new Map<string, { words: readonly Word[]; upper: readonly boolean[] }>();

  of(token: string): { words: readonly Word[]; upper: readonly boolean[] } {
    let e = this.cache.get(token);
    if (!e) {
      const words = splitWords(token);
      e = { words, upper: words.map((w) => /\p{Lu}/u.test(w.text)) };
      this.cache.set(token, e);
    }
    return e;
  }

  /** stemsOf(text), token by token. */
  stemsOf(text: string): string[] {
    const out: string[] = [];
    for (const token of text.split(/\s+/)) if (token !== '') for (const w of this.of(token).words) out.push(w.stem);
    return out;
  }
}

function addContext(c: Candidate, text: string): void {
  for (const s of stemsOf(text)) {
    if (s.length >= 3 && !GENERIC_STEMS.has(s) && !FUNCTION_WORDS.has(s) && !/^\d+$/.test(s)) c.context.add(s);
  }
}

/** Surface-word runs of a paper's prose, never across punctuation. */
function proseChunks(text: string): string[] {
  return text.split(/[.,;:()[\]"!?]+\s*|\s+-{2,}\s+/);
}

interface Phrase {
  display: string;
  papers: Set<string>;
}

/**
 * 2–3 word phrases ending in a technique head noun ("speculative decoding",
 * "KV cache", "mixture of experts") that at least PHRASE_MIN_PAPERS papers
 * use, one of them in its title (a phrase papers are about), or one more
 * paper when no title names it.
 */
export function recurringPhrases(papers: readonly Paper[]): Map<string, Phrase> {
  const found = new Map<string, { forms: Map<string, number>; papers: Set<string>; inTitle: boolean }>();
  for (const p of papers) {
    const titleKeys = new Set<string>();
    for (const part of ['title', 'abstract'] as const) {
      for (const chunk of proseChunks(p[part])) {
        const words = chunk.split(/[\s/]+/).filter((w) => w !== '');
        // Only a run that ends in a technique head can be a phrase: test each word once.
        const lettered = words.map((w) => wordShape(w).lettered);
        const head = words.map((w) => wordShape(w).head);
        for (let n = 2; n <= 3; n++) {
          for (let i = 0; i + n <= words.length; i++) {
            if (!head[i + n - 1]) continue;
            const ws = words.slice(i, i + n);
            if (!lettered.slice(i, i + n).every(Boolean)) continue;
            const parts = ws.flatMap((w) => w.split('-')).filter((w) => w !== '');
            const first = (parts[0] ?? '').toLowerCase();
            if (FUNCTION_WORDS.has(first) || GENERIC_MODIFIERS.has(stem(first))) continue;
            if (parts.slice(1, -1).some((w) => FUNCTION_WORDS.has(w.toLowerCase()) && w.toLowerCase() !== 'of')) continue;
            const key = keyOf(ws.join(' '));
            if (STOP_PHRASES.has(key)) continue;
            const f = found.get(key) ?? { forms: new Map(), papers: new Set(), inTitle: false };
            const surface = ws.join(' ');
            f.forms.set(surface, (f.forms.get(surface) ?? 0) + 1);
            f.papers.add(p.id);
            if (part === 'title') titleKeys.add(key);
            found.set(key, f);
          }
        }
      }
    }
    for (const k of titleKeys) {
      const f = found.get(k);
      if (f) f.inTitle = true;
    }
  }
  const out = new Map<string, Phrase>();
  for (const [key, f] of found) {
    if (f.papers.size < (f.inTitle ? PHRASE_MIN_PAPERS : PHRASE_MIN_PAPERS + 1)) continue;
    out.set(key, { display: preferredForm(f.forms), papers: f.papers });
  }
  return out;
}

/**
 * CamelCase technique names that at least two papers mention, such as
 * FlashAttention: the last CamelCase part is a technique head noun. A
 * numbered variant ("FlashAttention-2") is an alias of the name.
 */
export function mentionedNames(papers: readonly Paper[]): Map<string, { forms: Map<string, number>; variants: Set<string> }> {
  const found = new Map<string, { forms: Map<string, number>; variants: Set<string>; papers: Set<string> }>();
  for (const p of papers) {
    for (const m of `${p.title} ${p.abstract}`.matchAll(/(?<![\p{L}\d-])(\p{Lu}[\p{L}\d]*\p{Ll}\p{Lu}[\p{L}\d]*)(-\d+)?(?![\p{L}\d-])/gu)) {
      const name = m[1] ?? '';
      const words = splitWords(name);
      if (words.length < 2 || !TECHNIQUE_HEADS.has(words[words.length - 1]?.stem ?? '')) continue;
      const key = keyOf(name);
      const f = found.get(key) ?? { forms: new Map(), variants: new Set(), papers: new Set() };
      f.forms.set(name, (f.forms.get(name) ?? 0) + 1);
      if (m[2]) f.variants.add(m[0]);
      f.papers.add(p.id);
      found.set(key, f);
    }
  }
  return new Map([...found].filter(([, f]) => f.papers.size >= 2));
}

/**
 * Versioned names of known techniques that at least two papers write:
 * "wav2vec 2.0", "Swin Transformer V2". The base must be a technique name
 * the corpus already has; the version a number or `v` and a number.
 *
 * @example
 * versionedNames(papers, ['wav2vec']).get(keyOf('wav2vec 2.0'))?.forms // => Map { 'wav2vec 2.0' => 5 }
 */
export function versionedNames(papers: readonly Paper[], bases: readonly string[]): Map<string, { forms: Map<string, number> }> {
  const usable = [...new Set(bases)].filter((b) => b.length >= 3 && !/\d$/.test(b));
  if (usable.length === 0) return new Map();
  const alts = usable.sort((a, b) => b.length - a.length).map((b) => b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(${alts.join('|')})([- ]?)((?:[vV])?\\d+(?:\\.\\d+)?)(?![\\p{L}\\p{N}]|\\.\\d)`, 'gu');
  const found = new Map<string, { forms: Map<string, number>; papers: Set<string> }>();
  for (const p of papers) {
    for (const m of `${p.title} ${p.abstract}`.matchAll(re)) {
      const form = m[0];
      const key = keyOf(form);
      const f = found.get(key) ?? { forms: new Map(), papers: new Set() };
      f.forms.set(form, (f.forms.get(form) ?? 0) + 1);
      f.papers.add(p.id);
      found.set(key, f);
    }
  }
  return new Map([...found].filter(([, f]) => f.papers.size >= 2).map(([k, f]) => [k, { forms: f.forms }]));
}

/**
 * Parts of coined names that papers also write as names of their own
 * ("Mamba" in "Multimodal Mamba" and alone in six abstracts), with the
 * number of papers that write them alone. A part must look like a name (a
 * capital, not a word the corpus writes in lowercase, not a generic word)
 * and stand alone in at least two papers.
 */
export function embeddedNames(papers: readonly Paper[], coined: readonly string[], everyday: ReadonlySet<string>): Map<string, number> {
  const parts = new Set<string>();
  for (const name of coined) {
    for (const p of name.split(/[-\s]+/)) {
      if (p.length < 4 || !/^\p{Lu}/u.test(p) || /\d/.test(p)) continue;
      const lower = p.toLowerCase();
      if (everyday.has(lower) || GENERIC_STEMS.has(stem(lower)) || FUNCTION_WORDS.has(lower) || UMBRELLA_WORDS.has(lower)) continue;
      parts.add(p);
    }
  }
  const out = new Map<string, number>();
  for (const p of parts) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}-])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'u');
    const alone = papers.filter((q) => re.test(`${q.title} ${q.abstract}`)).length;
    if (alone >= 2) out.set(p, alone);
  }
  return out;
}

/** Words coined names are built on that name no technique of their own. */
const UMBRELLA_WORDS: ReadonlySet<string> = new Set(['transformer', 'transformers', 'vision', 'diffusion', 'attention', 'decoder', 'encoder']);

const shapes = new Map<string, { lettered: boolean; head: boolean }>();
/** Whether a word is all letters (and hyphens), and whether it ends in a technique head noun; remembered. */
function wordShape(w: string): { lettered: boolean; head: boolean } {
  let s = shapes.get(w);
  if (!s) {
    const lettered = /^[\p{L}][\p{L}-]*$/u.test(w);
    s = { lettered, head: lettered && TECHNIQUE_HEADS.has(stem(lastPart(w))) };
    if (shapes.size > 1_000_000) shapes.clear();
    shapes.set(w, s);
  }
  return s;
}

/** The last hyphen-separated part of a word: "low-rank" → "rank"; "" when there is none. */
function lastPart(word: string): string {
  const parts = word.split('-').filter((w) => w !== '');
  return parts[parts.length - 1] ?? '';
}

/** The most frequent surface form; on a tie, the one with more capitals (KV cache over kv cache). */
function preferredForm(forms: Map<string, number>): string {
  return [...forms].sort((a, b) => b[1] - a[1] || caps(b[0]) - caps(a[0]) || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}
const caps = (s: string): number => (s.match(/\p{Lu}/gu) ?? []).length;

/** Merges expansions that say the same thing ("Low-Rank Adaptation" / "Low-Rank Adaptive Method"). */
function meaningGroups(expansions: Map<string, Expansion>): Expansion[] {
  const groups: { stems: string[]; display: Map<string, number>; papers: Set<string> }[] = [];
  const sorted = [...expansions.values()].sort((a, b) => b.papers.size - a.papers.size || a.display.localeCompare(b.display));
  for (const e of sorted) {
    const st = stemsOf(e.display).filter((s) => !FUNCTION_WORDS.has(s));
    const g = groups.find((x) => sameMeaning(x.stems, st));
    if (g) {
      g.display.set(e.display, (g.display.get(e.display) ?? 0) + e.papers.size);
      for (const id of e.papers) g.papers.add(id);
    } else {
      groups.push({ stems: st, display: new Map([[e.display, e.papers.size]]), papers: new Set(e.papers) });
    }
  }
  return groups.map((g) => ({ display: preferredForm(g.display), papers: g.papers }));
}

function sameMeaning(a: readonly string[], b: readonly string[]): boolean {
  const like = (x: string, y: string): boolean => x === y || (x.length >= 5 && y.length >= 5 && x.slice(0, 5) === y.slice(0, 5));
  const matched = a.filter((x) => b.some((y) => like(x, y))).length;
  return matched / Math.max(a.length, b.length) >= 0.6;
}

/** A set of keys that also answers "does any key start with this?" by binary search. */
class KeySet {
  private readonly sorted: string[];

  /** [first, last + 1) in `sorted` of the keys that start with each two-character head. */
  private readonly byHead = new Map<string, [number, number]>();

  constructor(private readonly keys: ReadonlySet<string>) {
    this.sorted = [...keys].sort();
    this.sorted.forEach((k, i) => {
      const head = k.slice(0, 2);
      const range = this.byHead.get(head);
      if (range) range[1] = i + 1;
      else this.byHead.set(head, [i, i + 1]);
    });
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  hasPrefix(prefix: string): boolean {
    // Narrow to the keys that share the first two characters, then bisect.
    const range = prefix.length >= 2 ? this.byHead.get(prefix.slice(0, 2)) : [0, this.sorted.length];
    if (!range) return false;
    let [lo, hi] = range;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    return this.sorted[lo]?.startsWith(prefix) ?? false;
  }
}

/** Counts of runs in a title and an abstract, keyed as in {@link countRuns}. */
interface Mentions {
  title: number;
  body: number;
}

/** The most characters stem() removes from a run (s, ing, a doubled letter, e). */
const STEM_SLACK = 6;

/**
 * Every run of up to MAX_RUN words in a text whose key is in `keys`, reported
 * with its variants. Variants: "^key" for runs written with a capital ("SEED",
 * not "seed"); "=key" for runs inside one whitespace token, so the name "ASA"
 * is not found in "As a result"; "^=key" for both. A run that no key
 * starts like cannot grow into a key either, so its longer runs are skipped.
 */
function countRuns(text: string, keys: KeySet, cache: TokenWords, visit: (variantKey: string) => void): void {
  for (const chunk of proseChunks(text)) {
    // Words, the whitespace token each sits in, and whether it has a capital.
    const words: Word[] = [];
    const token: number[] = [];
    const upper: boolean[] = [];
    let t = 0;
    for (const tok of chunk.split(/\s+/)) {
      if (tok === '') continue;
      const e = cache.of(tok);
      e.words.forEach((w, k) => {
        words.push(w);
        token.push(t);
        upper.push(e.upper[k] === true);
      });
      t++;
    }
    for (let i = 0; i < words.length; i++) {
      let prefix = '';
      let cased = false;
      for (let j = i; j < Math.min(words.length, i + MAX_RUN); j++) {
        const w = words[j];
        if (!w) break;
        cased ||= upper[j] === true;
        prefix += w.lower;
        // stem() only cuts a few letters off the end, so a key starts with all but
        // those. (A one-word run is its word's stem, already known.)
        if (j > i && prefix.length > STEM_SLACK && !keys.hasPrefix(prefix.slice(0, prefix.length - STEM_SLACK))) break;
        const key = j === i ? w.stem : stem(prefix);
        if (!keys.has(key)) continue;
        const one = token[i] === token[j];
        visit(key);
        if (cased) visit(`^${key}`);
        if (one) visit(`=${key}`);
        if (one && cased) visit(`^=${key}`);
      }
    }
  }
}

/**
 * How often each paper's title and abstract name each of `keys` (with the
 * variants of {@link countRuns}): one pass over the corpus that keeps only
 * the runs that are keys, so it grows with the corpus, not with corpus ×
 * lexicon.
 */
function countMentions(papers: readonly Paper[], keySet: ReadonlySet<string>, cache: TokenWords): Map<string, Map<string, Mentions>> {
  const out = new Map<string, Map<string, Mentions>>();
  const keys = new KeySet(keySet);
  for (const p of papers) {
    for (const part of ['title', 'body'] as const) {
      countRuns(part === 'title' ? p.title : p.abstract, keys, cache, (k) => {
        let byPaper = out.get(k);
        if (!byPaper) out.set(k, (byPaper = new Map()));
        let m = byPaper.get(p.id);
        if (!m) byPaper.set(p.id, (m = { title: 0, body: 0 }));
        m[part]++;
      });
    }
  }
  return out;
}

/**
 * The words the corpus itself writes in lowercase, as ordinary words
 * ("mode", "same", "unit", "crafted"): a short name that is one of them, or
 * one of them with an ending taken off, is an everyday word too, and needs
 * company to match (`mode` is not MoD, `same` is not SAM).
 */
function everydayWords(papers: readonly Paper[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const p of papers) for (const m of `${p.title} ${p.abstract}`.matchAll(/(?<![\p{L}\d_-])[a-z]{2,}(?![\p{L}\d_])/gu)) out.add(m[0]);
  return out;
}

/** Endings that make an everyday word of a short name: mod → mode, sam → same, craft → crafted. */
const ENDINGS = ['', 's', 'e', 'es', 'ed', 'd', 'ing', 'er'];

function finalize(cands: Candidate[], papers: readonly Paper[], words: TokenWords, everyday: ReadonlySet<string>): Technique[] {
  // Organisations that author papers ("DeepSeek-AI"): a family name that starts one is a company, not a technique.
  const organisations = [
    ...new Set(papers.flatMap((p) => [...(p.organization ? [p.organization] : []), ...p.authors.filter((a) => a.organization === true).map((a) => a.name)]).map(keyOf)),
  ];
  // Every key a technique can end up with: its own, its names', expansions' and aliases'.
  const candidateKeys = new Set<string>();
  for (const c of cands) {
    candidateKeys.add(c.key);
    for (const n of c.names.keys()) candidateKeys.add(keyOf(n));
    for (const e of c.expansions.keys()) candidateKeys.add(e);
    for (const a of c.aliases) candidateKeys.add(keyOf(a));
  }
  candidateKeys.delete('');
  const mentions = countMentions(papers, candidateKeys, words);
  const year = new Map(papers.map((p) => [p.id, p.year ?? 0]));
  const titleOf = new Map(papers.map((p) => [p.id, p.title]));
  // A phrase that mostly occurs inside an acronym's expansion is that acronym:
  // "latent attention" is nearly always "multi-head latent attention" (MLA).
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
  // A key belongs to one technique: the strongest kind, then the one it names.
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

  const out: Technique[] = [];
  const usedIds = new Set<string>();
  for (const c of [...cands].sort((a, b) => a.key.localeCompare(b.key))) {
    if (owner.get(c.key) !== c) continue; // absorbed by a stronger technique with the same key
    const name = preferredForm(c.names);
    if (name === '') continue;
    const meanings = meaningGroups(c.expansions);
    const aliasList = [name, ...c.names.keys(), ...meanings.map((m) => m.display), ...c.expansions.values()].map((x) =>
      typeof x === 'string' ? x : x.display,
    );
    aliasList.push(...c.aliases);
    const keys = [...new Set(aliasList.map(keyOf))].filter((k) => k !== '' && owner.get(k) === c && !STOP_PHRASES.has(k));
    if (keys.length === 0) continue;
    const single = new Set(keys.filter((k) => aliasList.every((a) => keyOf(a) !== k || isSingleToken(a))));

    const byPaper = new Map<string, TechniquePaper>();
    const cased = /\p{Lu}/u.test(name) && c.kind !== 'phrase';
    for (const key of keys) {
      // "CRAFT" is a method, "hand-crafted" is not; "ASA" is a name, "As a" is not.
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
    const ps = [...byPaper.values()];
    if (ps.length === 0) continue;
    if (c.kind === 'phrase' && ps.length < PHRASE_MIN_PAPERS) continue;
    // A name nobody introduces (a family name, a mentioned name) needs two papers behind it.
    if (c.introducedBy.size === 0 && c.kind === 'name' && ps.length < 2) continue;
    const guard = guardOf(c, name, keys, ps.length, everyday);
    // How central the technique is to each paper: coined in its title, then introduced (an acronym it defines as
    // its own, a name it proposes), then named in its title as a word of its own ("Scaling CLIP Training", not
    // "CLIPRerank" or "RT-DETRv2"), by its name before a spelled-out form, then inside a title word, then by how
    // often the abstract names it.
    const titleName = titleWordTest([name, ...c.names.keys()]);
    const titleWord = titleWordTest([name, ...aliasList]);
    const tier = (tp: TechniquePaper): number => {
      const title = titleOf.get(tp.id) ?? '';
      const word = tp.inTitle && titleWord(title);
      if (tp.role === 'introduces') return word ? 0 : 1;
      if (word) return titleName(title) ? 2 : 3;
      return tp.inTitle ? 4 : 5;
    };
    const tiers = new Map(ps.map((tp) => [tp.id, tier(tp)]));
    ps.sort(
      (a, b) =>
        (tiers.get(a.id) ?? 5) - (tiers.get(b.id) ?? 5) ||
        b.mentions - a.mentions ||
        (year.get(b.id) ?? 0) - (year.get(a.id) ?? 0) ||
        a.id.localeCompare(b.id),
    );

    let id = slugOf(name);
    for (let n = 2; usedIds.has(id); n++) id = `${slugOf(name)}-${n}`;
    usedIds.add(id);
    const t: Technique = {
      id,
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
    if (c.family === true && c.introducedBy.size === 0 && organisations.some((o) => o.startsWith(keyOf(name)))) t.family = true;
    out.push(t);
  }
  return out;
}

/**
 * Whether a title names one of `forms` as words of their own: "Scaling
 * CLIP Training" names CLIP; "CLIPRerank", "CLIPA-v2" and "RT-DETRv2" only
 * hold it inside another name.
 *
 * @example
 * titleWordTest(['CLIP'])('Scaling CLIP Training') // => true
 */
export function titleWordTest(forms: readonly string[]): (title: string) => boolean {
  const alts = [...new Set(forms.filter((f) => f.trim() !== ''))]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (alts.length === 0) return () => false;
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alts.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'iu');
  return (title) => re.test(title);
}

/** Coined names with their own morphemes are distinctive even when capitalised like words. */
const COINED_MORPHEME = /(former|net|vit|gpt|bert|coder|diff|kv|cache|attn|mamba|llm|moe|lora|dit|det|seg|nas)/i;

/** A name's letters and digits, lowercase: "RoPE" → "rope", "H₂O" → "h2o". */
const bare = (name: string): string => foldForSearch(name).toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * When a name needs company to count as a match: an everyday identifier
 * (seed, master, clip), a plain capitalised word (Medusa, Hydra), or a very
 * short name (H₂O, SD, PVC) unless it is an acronym that several papers use
 * (MLA, MoE, DPO). The context is the technique's own vocabulary.
 */
function guardOf(c: Candidate, name: string, keys: readonly string[], paperCount: number, everyday: ReadonlySet<string>): Technique['guard'] | undefined {
  const b = bare(name);
  let reason: string | undefined;
  if (COMMON_IDENTIFIERS.has(b)) reason = `"${name}" is an everyday identifier`;
  else if (/^[a-z]+$/.test(b) && b.length <= 6 && ENDINGS.some((e) => everyday.has(b + e))) reason = `"${name}" is an everyday word (the corpus writes "${ENDINGS.map((e) => b + e).find((w) => everyday.has(w))}")`;
  else if (b.length <= 2) reason = `"${name}" is a two-letter acronym`;
  else if (b.length === 3 && !(c.kind === 'acronym' && paperCount >= 2)) reason = `"${name}" is a short name that collides with everyday identifiers`;
  else if (/^\p{Lu}\p{Ll}+$/u.test(name) && !COINED_MORPHEME.test(name)) reason = `"${name}" is also an ordinary word`;
  if (!reason) return undefined;
  const own = new Set(stemsOf(name));
  const context = [...c.context].filter((s) => !own.has(s) && s !== c.key && s !== b).sort();
  // The guard is on the name itself; a spelled-out expansion ("stable diffusion") is distinctive.
  const nameKeys = new Set([...c.names.keys()].map(keyOf));
  const guardedKeys = keys.filter((k) => nameKeys.has(k));
  return guardedKeys.length > 0 ? { reason, keys: guardedKeys, context } : undefined;
}
