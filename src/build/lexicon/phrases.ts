import type { Paper } from '../../schema/corpus';
import { keyOf, stem } from '../../core/techniques/words';
import { FUNCTION_WORDS, GENERIC_MODIFIERS, STOP_PHRASES } from './curated';
import { preferredForm } from './forms';
import type { TokenWords } from './tokenWords';

/** A phrase becomes a technique when this many papers use it. */
export const PHRASE_MIN_PAPERS = 3;

/**
 * Surface-word runs of a paper's prose, never across punctuation.
 *
 * @example
 * proseChunks('We cut the KV cache (by half), then decode.') // => ['We cut the KV cache ', 'by half', 'then decode', '']
 */
export function proseChunks(text: string): string[] {
  return text.split(/[.,;:()[\]"!?]+\s*|\s+-{2,}\s+/);
}

/** A recurring phrase: its preferred surface form and the papers that use it. */
export interface Phrase {
  display: string;
  papers: Set<string>;
}

/**
 * 2–3 word phrases ending in a technique head noun ("speculative decoding",
 * "KV cache", "mixture of experts") that at least PHRASE_MIN_PAPERS papers
 * use, one of them in its title (a phrase papers are about), or one more
 * paper when no title names it. `words` is the build's memo of word shapes.
 *
 * @example
 * recurringPhrases(papers, new TokenWords()).get(keyOf('speculative decoding'))?.display // => 'speculative decoding'
 */
export function recurringPhrases(papers: readonly Paper[], words: TokenWords): Map<string, Phrase> {
  const found = new Map<string, { forms: Map<string, number>; papers: Set<string>; inTitle: boolean }>();
  for (const p of papers) {
    const titleKeys = new Set<string>();
    for (const part of ['title', 'abstract'] as const) {
      for (const chunk of proseChunks(p[part])) {
        const tokens = chunk.split(/[\s/]+/).filter((w) => w !== '');
        // Only a run that ends in a technique head can be a phrase: test each word once.
        const lettered = tokens.map((w) => words.shape(w).lettered);
        const head = tokens.map((w) => words.shape(w).head);
        for (let n = 2; n <= 3; n++) {
          for (let i = 0; i + n <= tokens.length; i++) {
            if (!head[i + n - 1]) continue;
            const ws = tokens.slice(i, i + n);
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
