import { TECHNIQUE_HEADS } from '../../core/techniques/curated';
import { type Word, splitWords, stem } from '../../core/techniques/words';

/** The shape of one prose word for phrase finding: see {@link TokenWords.shape}. */
export interface WordShape {
  /** All letters (and hyphens). */
  lettered: boolean;
  /** Lettered, and its last hyphen part is a technique head noun ("low-rank adaptation" ends in one). */
  head: boolean;
}

/** Word shapes kept at most; past this the memo starts again (a memo, so answers do not change). */
const MAX_SHAPES = 1_000_000;

/**
 * What one lexicon build remembers about the corpus's whitespace-free
 * tokens: a corpus says "attention" and "the" thousands of times, and
 * splitting a token is the same wherever it stands (no word spans a
 * space). One is made per {@link buildLexicon} call and passed to each
 * phase that reads the corpus word by word, so no state outlives a build.
 *
 * @example
 * const words = new TokenWords();
 * words.of('KVCache').words.map((w) => w.text) // => ['KV', 'Cache']
 * words.stemsOf('decoding caches')              // => ['decod', 'cach']
 * words.shape('low-rank')                       // => { lettered: true, head: false }
 */
export class TokenWords {
  private readonly cache = new Map<string, { words: readonly Word[]; upper: readonly boolean[] }>();

  private readonly shapes = new Map<string, WordShape>();

  /** The words of a token, and whether each has a capital. */
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

  /** Whether a word is all letters (and hyphens), and whether it ends in a technique head noun; remembered. */
  shape(w: string): WordShape {
    let s = this.shapes.get(w);
    if (!s) {
      const lettered = /^[\p{L}][\p{L}-]*$/u.test(w);
      s = { lettered, head: lettered && TECHNIQUE_HEADS.has(stem(lastPart(w))) };
      if (this.shapes.size > MAX_SHAPES) this.shapes.clear();
      this.shapes.set(w, s);
    }
    return s;
  }
}

/** The last hyphen-separated part of a word: "low-rank" → "rank"; "" when there is none. */
function lastPart(word: string): string {
  const parts = word.split('-').filter((w) => w !== '');
  return parts[parts.length - 1] ?? '';
}
