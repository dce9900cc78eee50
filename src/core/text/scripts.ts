/**
 * The Unicode superscript and subscript characters PaperLens reads and
 * writes: text cleaning turns `S$^{2}$FT` into `S²FT`, and the LaTeX writer
 * turns `²` back into `$^{2}$`. One table each way, from one list.
 */
const PAIRS = {
  superscript: '0⁰ 1¹ 2² 3³ 4⁴ 5⁵ 6⁶ 7⁷ 8⁸ 9⁹ +⁺ -⁻ =⁼ (⁽ )⁾ nⁿ iⁱ Tᵀ',
  subscript: '0₀ 1₁ 2₂ 3₃ 4₄ 5₅ 6₆ 7₇ 8₈ 9₉ +₊ -₋ =₌ (₍ )₎',
};

const table = (pairs: string, reverse: boolean): Record<string, string> =>
  Object.fromEntries(pairs.split(' ').map((p) => (reverse ? [p.slice(1), p[0]] : [p[0], p.slice(1)]) as [string, string]));

/** ASCII character → its superscript (`2` → `²`). */
export const SUPERSCRIPT = table(PAIRS.superscript, false);
/** ASCII character → its subscript (`2` → `₂`). */
export const SUBSCRIPT = table(PAIRS.subscript, false);
/** Superscript character → the ASCII it raises (`²` → `2`). */
export const FROM_SUPERSCRIPT = table(PAIRS.superscript, true);
/** Subscript character → the ASCII it lowers (`₂` → `2`). */
export const FROM_SUBSCRIPT = table(PAIRS.subscript, true);
