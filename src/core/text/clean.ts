import { SUBSCRIPT, SUPERSCRIPT } from './scripts';

/**
 * Turns the LaTeX and Markdown residue that scraping leaves in titles and
 * abstracts into clean Unicode display text.
 *
 * The seeds were scraped from pages that render arXiv metadata, so they carry
 * half-rendered LaTeX: `Rozi\`ere`, `\%`, `\textbf{…}`, `S$^{2}$FT`, `H_2O`,
 * and math macros whose backslash was lost (`256times256`, `sim50\%`). They
 * also carry Markdown `**bold**` and URLs with `{this https URL}` glued on.
 *
 * @example
 * cleanText('Code Llama (Rozi\\`ere et al., 2023) saves 50\\% on 256times256')
 * // => 'Code Llama (Rozière et al., 2023) saves 50% on 256×256'
 */
export function cleanText(raw: string): string {
  const parts = splitUrls(removeGluedUrlCopies(raw));
  const out = parts.map((p) => (p.url ? p.text : cleanProse(p.text))).join('');
  return out.replace(/[ \t\u00a0]+/g, ' ').trim();
}

const URL_RE = /https?:\/\/[^\s{}<>"]+[^\s{}<>".,;:!?)\]]/g;

/** `https://x.io/a{https://x.io/a}` and `…md{this https URL}` keep one URL. */
export function removeGluedUrlCopies(text: string): string {
  return text.replace(/(https?:\/\/[^\s{}]+)\{(?:this https? URL|https?:\/\/[^\s{}]*)\}/g, '$1');
}

/** Every URL in a text, in order, without duplicates. */
export function findUrls(text: string): string[] {
  const urls = removeGluedUrlCopies(text).match(URL_RE) ?? [];
  return [...new Set(urls)];
}

interface Part {
  text: string;
  url: boolean;
}

function splitUrls(text: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), url: false });
    parts.push({ text: m[0], url: true });
    last = start + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), url: false });
  return parts;
}

function cleanProse(s: string): string {
  let t = s;
  // Markdown bold, as in "we introduce **TransMLA**".
  t = t.replace(/\*\*([^*]+?)\*\*/g, '$1');
  // Inline math: S$^{2}$FT, $\times$.
  t = t.replace(/\$([^$]{1,60})\$/g, (_m, inner: string) => mathToText(inner));
  // A dollar sign whose `$` became a backslash: "a \10,000 Budget".
  t = t.replace(/\\(?=\d)/g, '$');
  t = unwrapTextMacros(t);
  t = replaceAccents(t);
  t = replaceSymbolMacros(t);
  t = replaceLostBackslashResidue(t);
  t = mathToText(t);
  // Unknown macros that survive (\OurMethod) keep their name, lose the backslash.
  t = t.replace(/\\([A-Za-z]+)/g, '$1');
  return t;
}

const TEXT_MACROS = new Set([
  'textbf', 'textit', 'emph', 'texttt', 'textrm', 'textsf', 'textsc', 'underline',
  'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'text', 'boldsymbol', 'bm',
]);

/**
 * Drops formatting macros and their braces, even when the scrape left them
 * unbalanced ("\textbf{Positional \textbf{Integrity Encoding} (PIE)").
 * Braces that belong to no macro are kept: they can be literal text.
 */
function unwrapTextMacros(s: string): string {
  let out = '';
  const stack: boolean[] = []; // true: brace opened by a stripped macro
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && (s[i + 1] === '{' || s[i + 1] === '}')) {
      out += c + s[i + 1];
      i++;
      continue;
    }
    if (c === '\\') {
      const m = /^\\([A-Za-z]+)\s*\{/.exec(s.slice(i, i + 24));
      if (m && TEXT_MACROS.has(m[1] ?? '')) {
        stack.push(true);
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === '{') stack.push(false);
    if (c === '}' && stack.length > 0) {
      if (stack.pop()) continue;
    }
    out += c;
  }
  return out;
}

const ACCENTS: Record<string, string> = {
  '`': '\u0300', "'": '\u0301', '^': '\u0302', '~': '\u0303', '"': '\u0308', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a',
};

function replaceAccents(s: string): string {
  return s.replace(
    /\{?\\([`'^~"=.]|[uvHckr](?=[\s{]))\s*(?:\{([A-Za-z])\}|([A-Za-z]))\}?/g,
    (m: string, accent: string, braced: string | undefined, bare: string | undefined, offset: number) => {
      const letter = braced ?? bare ?? '';
      const before = s[offset - 1] ?? '';
      const after = s[offset + m.length] ?? '';
      // "query\'s content" is an escaped apostrophe, not an acute on s.
      if (accent === "'" && /[A-Za-z]/.test(before) && !/[aeiouyAEIOUY]/.test(letter) && !/[A-Za-z]/.test(after)) {
        return `'${letter}`;
      }
      const composed = (letter + (ACCENTS[accent] ?? '')).normalize('NFC');
      return composed.length === 1 ? composed : m;
    },
  );
}

const SYMBOLS: Record<string, string> = {
  ie: 'i.e.', eg: 'e.g.', vs: 'vs.', etal: 'et al.', etc: 'etc.', cf: 'cf.',
  textasciitilde: '~', textasciicircum: '^', textbackslash: '\\', textregistered: '®',
  texttrademark: '™', circledR: '®', dagger: '†', ddagger: '‡', times: '×', sim: '~',
  approx: '≈', pm: '±', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', cdot: '·',
  rightarrow: '→', to: '→', leftarrow: '←', infty: '∞', ldots: '…', dots: '…', cdots: '⋯',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'μ', pi: 'π',
  sigma: 'σ', tau: 'τ', theta: 'θ', phi: 'φ', omega: 'ω', Delta: 'Δ', Sigma: 'Σ', Omega: 'Ω',
  textendash: '–', textemdash: '—', copyright: '©', degree: '°',
};

function replaceSymbolMacros(s: string): string {
  let t = s.replace(/\\([%&#_${}])/g, '$1');
  t = t.replace(/\\([A-Za-z]+)(?![A-Za-z])(\{\})?\s?/g, (m: string, name: string) => {
    const sym = SYMBOLS[name];
    if (sym === undefined) return m;
    // Keep the space after a word-like macro ("\ie shift"), drop it after a symbol ("\sim 50").
    return /[A-Za-z.]$/.test(sym) && /\s$/.test(m) ? `${sym} ` : sym;
  });
  return t;
}

/** Math whose backslashes were lost in the scrape: 256times256, sim50%, 1{16}. */
function replaceLostBackslashResidue(s: string): string {
  let t = s;
  t = t.replace(/\^\{tiny ?TM\}/g, '™');
  t = t.replace(/\^\{?circledR\}?/g, '®');
  t = t.replace(/\^\{(dagger|ddagger)\}/g, (_m, n: string) => SYMBOLS[n] ?? n);
  t = t.replace(/(\d)times(?![A-Za-z])/g, '$1×');
  t = t.replace(/(\d)sim\s*(?=\d)/g, '$1~');
  t = t.replace(/(^|[\s(\[])sim(?=\d)/g, '$1~');
  // \frac{1}{16} that lost "\frac{" and "}": "achieve 1{16} token sparsity".
  t = t.replace(/(\d)\{(\d+)\}/g, '$1/$2');
  return t;
}


function mapAll(text: string, table: Record<string, string>): string | undefined {
  let out = '';
  for (const ch of text) {
    const m = table[ch];
    if (m === undefined) return undefined;
    out += m;
  }
  return out;
}

/**
 * Superscripts and subscripts in math residue: `^{2}` → ², `_2` → ₂,
 * `AP_{25}` → AP₂₅. Anything without a Unicode form keeps a readable `^(…)`.
 */
function mathToText(s: string): string {
  let t = replaceSymbolMacros(s);
  t = t.replace(/\^\{([^{}]{1,12})\}/g, (_m, x: string) => mapAll(x, SUPERSCRIPT) ?? `^(${x})`);
  t = t.replace(/_\{([^{}]{1,12})\}/g, (_m, x: string) => mapAll(x, SUBSCRIPT) ?? `_(${x})`);
  t = t.replace(/([A-Za-z0-9)])\^([0-9n])/g, (_m, b: string, x: string) => b + (SUPERSCRIPT[x] ?? x));
  t = t.replace(/([A-Za-z])_([0-9])(?![0-9])/g, (_m, b: string, x: string) => b + (SUBSCRIPT[x] ?? x));
  return t;
}

const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/**
 * Folds display text to plain ASCII-ish search text: ² → 2, ₂ → 2, è → e,
 * × → x. Used for matching, never shown.
 *
 * @example
 * foldForSearch('S²FT by Rozière') // => 'S2FT by Roziere'
 */
export function foldForSearch(text: string): string {
  // Plain ASCII has nothing to fold; most text is, and this runs per word.
  if (PLAIN_ASCII.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/×/g, 'x')
    .replace(/[‐‑‒–—]/g, '-');
}
