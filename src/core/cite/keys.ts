import { type Sliced, runNow } from '../util/sliced';
import type { PaperMeta } from '../../schema/corpus';

/**
 * Citation keys in Better BibTeX's default shape (also Google Scholar's):
 * the first author's surname, the year and the first significant title word,
 * all lowercase ASCII, as in `pan2022fast`.
 */

/** Turns one paper into the key it would like to have, before clashes are settled. */
export type KeyFormula = (paper: PaperMeta) => string;

/**
 * Words a key skips: English articles, conjunctions, prepositions and a few
 * function words, in the spirit of Better BibTeX's skip-word list.
 */
export const KEY_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet for of on in at to by with from into onto upon via per vs versus as than ' +
    'about above across after against along amid among around before behind below beneath beside besides between ' +
    'beyond despite down during except inside like near off over past plus since through toward towards under ' +
    'underneath unlike until up within without is are was were be been being do does can could should would will ' +
    'may might we you your our it its their this that these those how what when where which who whom why not'
  ).split(' '),
);

/** Significant words a key takes from the title when no author is known. */
const WORDS_WITHOUT_AUTHOR = 3;

/**
 * The default key formula. Every part is folded to ASCII (accents dropped,
 * `²` and `₂` become `2`, `ß` becomes `ss`, Greek letters are spelled out) and
 * keeps only `[a-z0-9]`, so a key is safe in BibTeX, Biber, LaTeX's `\cite`
 * and Pandoc's `[@key]` alike.
 *
 * - With a first author: surname + year + name, where the name is the
 *   paper's coined name when it has a one-word one (`shortName`, the part
 *   before the title's colon: `EcoFormer`, `DeepSeek-V3`) and otherwise the
 *   first significant title word. An organisation signing first counts as the
 *   surname (`DeepSeek-AI` → `deepseekai`). An unknown year is left out.
 * - Without authors (most of the corpus): the coined name, or else the first
 *   three significant title words, then the year when it is known.
 *
 * Significant words are whitespace-separated title words, folded, with their
 * punctuation removed (`Multi-head` → `multihead`), that are not in
 * {@link KEY_STOP_WORDS}. Clashes are not handled here; see {@link assignKeys}.
 *
 * @example
 * // Zizheng Pan, 2022, "Fast Vision Transformers with HiLo Attention"
 * defaultKeyFormula(hilo) // => 'pan2022fast'
 * // Jing Liu, 2022, "EcoFormer: Energy-Saving Attention with Linear Complexity"
 * defaultKeyFormula(ecoformer) // => 'liu2022ecoformer'
 * // no authors, 2023, "MatFormer: Nested Transformer for Elastic Inference"
 * defaultKeyFormula(matformer) // => 'matformer2023'
 * // no authors, no year, "TransMLA: Multi-head Latent Attention Is All You Need"
 * defaultKeyFormula(transmla) // => 'transmla'
 * // no authors, no year, "Less is More: Pay Less Attention in Vision Transformers"
 * defaultKeyFormula(lit) // => 'lessmorepay'
 */
export const defaultKeyFormula: KeyFormula = (paper) => {
  const surname = firstAuthorPart(paper);
  const year = paper.year === undefined ? '' : String(paper.year);
  const coined = coinedNamePart(paper);
  const key = surname
    ? surname + year + (coined ?? significantTitleWords(paper.title, 1).join(''))
    : (coined ?? significantTitleWords(paper.title, WORDS_WITHOUT_AUTHOR).join('')) + year;
  // A title with no Latin letters or digits at all: fall back to the id's words.
  return key !== '' ? key : paper.id.split('-').slice(0, WORDS_WITHOUT_AUTHOR).join('');
};

/**
 * Gives every paper a key: the formula's key when no other paper wants it,
 * otherwise the wanted key plus `a`, `b`, … for every paper that wants it, in
 * order of paper id. A suffixed key never takes a key another paper wants
 * bare. The result depends only on the set of papers, not on their order, so
 * keys are stable across builds.
 *
 * @example
 * const keys = assignKeys(corpus.papers);
 * keys.get('fast-vision-transformers-with-hilo-attention') // => 'pan2022fast'
 * // two papers that both want 'efficientvisiontransformers' get
 * // 'efficientvisiontransformersa' and 'efficientvisiontransformersb'
 */
export function assignKeys(papers: readonly PaperMeta[], formula: KeyFormula = defaultKeyFormula): Map<string, string> {
  return runNow(assignKeysSteps(papers, formula));
}

/** How many papers or keys are handled between points where {@link assignKeysSteps} may pause. */
const STEP_KEYS = 250;

/**
 * {@link assignKeys} as sliced work, for the extension host: at 100,000
 * papers the whole run takes hundreds of milliseconds, in slices of a few.
 *
 * @example
 * const keys = await runSliced(assignKeysSteps(papers, formula));
 */
export function* assignKeysSteps(papers: readonly PaperMeta[], formula: KeyFormula = defaultKeyFormula): Sliced<Map<string, string>> {
  const wanted = new Map<string, string[]>();
  let n = 0;
  for (const p of papers) {
    if (++n % STEP_KEYS === 0) yield;
    const base = formula(p);
    if (!/^[a-z0-9]+$/.test(base)) throw new Error(`key formula gave "${base}" for ${p.id}; keys must match [a-z0-9]+`);
    const ids = wanted.get(base);
    if (ids) ids.push(p.id);
    else wanted.set(base, [p.id]);
  }
  const keys = new Map<string, string>();
  yield;
  const taken = new Set(wanted.keys());
  // A key only one paper wants is that paper's; the keys several want are shared out in sorted order (not the papers'), so the same corpus always gets the same keys.
  const shared: string[] = [];
  for (const [base, wanting] of wanted) {
    if (++n % STEP_KEYS === 0) yield;
    const id = wanting[0] as string;
    if (wanting.every((x) => x === id)) keys.set(id, base);
    else shared.push(base);
  }
  shared.sort();
  yield;
  for (const base of shared) {
    if (++n % STEP_KEYS === 0) yield;
    const ids = [...new Set(wanted.get(base))].sort();
    let next = 0;
    for (const id of ids) {
      let key: string;
      do key = base + suffix(next++);
      while (taken.has(key));
      taken.add(key);
      keys.set(id, key);
    }
  }
  return keys;
}

/**
 * Which paper each key names: every current key, and every key an earlier
 * release gave a paper (`formerKeys`, from before its authors were known),
 * so a `\cite{transmla}` written then still resolves. A current key always
 * wins; a former key two papers claim names neither.
 *
 * @example
 * const byKey = papersByKey(assignKeys(papers), papers);
 * byKey.get('transmla2025') // => 'transmla-multi-head-latent-attention-is-all-you-need'
 * byKey.get('transmla') // => the same paper, by its former key
 */
export function papersByKey(keys: ReadonlyMap<string, string>, papers: readonly Pick<PaperMeta, 'id' | 'formerKeys'>[]): Map<string, string> {
  return runNow(papersByKeySteps(keys, papers));
}

/** {@link papersByKey} as sliced work, for the extension host. */
export function* papersByKeySteps(keys: ReadonlyMap<string, string>, papers: readonly Pick<PaperMeta, 'id' | 'formerKeys'>[]): Sliced<Map<string, string>> {
  const byKey = new Map<string, string>();
  const claims = new Map<string, Set<string>>();
  let n = 0;
  for (const p of papers) {
    if (++n % STEP_KEYS === 0) yield;
    for (const k of p.formerKeys ?? []) claims.set(k, (claims.get(k) ?? new Set()).add(p.id));
  }
  for (const [k, ids] of claims) {
    if (++n % STEP_KEYS === 0) yield;
    if (ids.size === 1) byKey.set(k, [...ids][0] as string);
  }
  for (const [id, key] of keys) {
    if (++n % STEP_KEYS === 0) yield;
    byKey.set(key, id);
  }
  return byKey;
}

/** 0 → a, 25 → z, 26 → aa, 27 → ab, … */
function suffix(n: number): string {
  const letter = String.fromCharCode(97 + (n % 26));
  return n < 26 ? letter : suffix(Math.floor(n / 26) - 1) + letter;
}

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', µ: 'mu', ν: 'nu', ξ: 'xi', π: 'pi', ρ: 'rho', σ: 'sigma', ς: 'sigma',
  τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};
const LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ȷ: 'j', '×': 'x',
};

/**
 * Folds text to the characters a key may hold: lowercase ASCII letters and
 * digits. Accents are dropped, super/subscript digits become digits, and
 * Greek letters are spelled out.
 *
 * @example
 * keyText('S²FT') // => 's2ft'
 * keyText('Rozière') // => 'roziere'
 * keyText('DeepSeek-V3.2') // => 'deepseekv32'
 * keyText('α-Entmax') // => 'alphaentmax'
 */
export function keyText(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase().normalize('NFKD')) {
    if (/[a-z0-9]/.test(ch)) out += ch;
    else out += GREEK[ch] ?? LETTERS[ch] ?? '';
  }
  return out;
}

/**
 * The first `n` significant words of a title, folded by {@link keyText}.
 *
 * @example
 * significantTitleWords('A Survey on Efficient Training of Transformers', 3)
 * // => ['survey', 'efficient', 'training']
 */
export function significantTitleWords(title: string, n: number): string[] {
  const words: string[] = [];
  for (const token of title.split(/\s+/)) {
    const w = keyText(token);
    if (w === '' || KEY_STOP_WORDS.has(w)) continue;
    words.push(w);
    if (words.length === n) break;
  }
  return words;
}

/** The first author's surname (or organisation) as key text; empty when no author is known. */
export function firstAuthorPart(paper: PaperMeta): string {
  const a = paper.authors[0];
  if (!a) return '';
  return keyText(a.organization ? a.name : (a.family ?? a.name.split(/\s+/).pop() ?? ''));
}

/** The coined name when it is one word ("TransMLA", "DeepSeek-V3"), not a phrase ("Less is More"). */
export function coinedNamePart(paper: PaperMeta): string | undefined {
  const name = paper.shortName?.trim();
  if (name === undefined || /\s/.test(name)) return undefined;
  const folded = keyText(name);
  return folded === '' ? undefined : folded;
}
