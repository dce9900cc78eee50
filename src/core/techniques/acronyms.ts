/**
 * Acronym definitions in running text, "Multi-head Latent Attention (MLA)",
 * found with the Schwartz–Hearst algorithm (A simple algorithm for
 * identifying abbreviation definitions in biomedical text, PSB 2003): every
 * character of the short form must appear, in order, in the long form, and
 * the first one must start a word.
 */

export interface AcronymDefinition {
  /** As written, without a plural "s": "MLA", "SN-Net", "LoRA". */
  short: string;
  /** "Multi-head Latent Attention". */
  long: string;
  /** Offset of the "(" in the text. */
  index: number;
}

const SHORT_FORM = /\(([A-Za-z][A-Za-z0-9-]{1,11})\)/g;

/** A short form worth reading: two or more capitals ("MLA", "LoRA", "SN-Net"), at most two hyphen parts. */
function isShortForm(s: string): boolean {
  return (s.match(/\p{Lu}/gu) ?? []).length >= 2 && s.split('-').length <= 2 && /[A-Za-z]/.test(s[0] ?? '');
}

/**
 * Every acronym definition in a text, in order.
 *
 * @example
 * findAcronyms('adopts Multi-head Latent Attention (MLA) and Key-Value (KV) caches')
 * // => [{ short: 'MLA', long: 'Multi-head Latent Attention', index: 35 }, { short: 'KV', long: 'Key-Value', index: 51 }]
 */
export function findAcronyms(text: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const m of text.matchAll(SHORT_FORM)) {
    const raw = m[1] ?? '';
    if (!isShortForm(raw)) continue;
    const short = raw.length >= 3 && /\p{Lu}s$/u.test(raw) ? raw.slice(0, -1) : raw; // LLMs → LLM, ViTs → ViT
    const index = m.index ?? 0;
    const before = text.slice(0, index).trimEnd();
    const words = before.split(/\s+/);
    const letters = short.replace(/[^A-Za-z0-9]/g, '').length;
    const window = words.slice(-Math.min(letters + 5, letters * 2)).join(' ');
    const long = bestLongForm(short, window);
    if (long !== undefined) out.push({ short, long, index });
  }
  return out;
}

/**
 * Schwartz–Hearst: the shortest tail of `text` that contains the short form's characters in order.
 *
 * @example
 * bestLongForm('MLA', 'we use Multi-head Latent Attention') // => 'Multi-head Latent Attention'
 */
export function bestLongForm(short: string, text: string): string | undefined {
  const s = short.toLowerCase();
  const l = text.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si] as string;
    if (!/[a-z0-9]/.test(c)) {
      si--;
      continue;
    }
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[a-z0-9]/.test(l[li - 1] as string)))) li--;
    if (li < 0) return undefined;
    li--;
    si--;
  }
  const start = l.lastIndexOf(' ', li) + 1;
  const long = widenToInitials(
    short,
    text,
    text
      .slice(start)
      .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9)]+$/g, '')
      .trim(),
  );
  const words = long.split(/[\s-]+/).filter((w) => w !== '');
  if (words.length < 2 && !/-/.test(long)) return undefined;
  if (long.toLowerCase().includes(s)) return undefined;
  if (/[()[\]]/.test(long) || /[.!?]\s/.test(long) || /^(the|a|an|of|and|or|in|on|for|to|with|by)\b/i.test(long)) return undefined;
  return long;
}

/**
 * Schwartz–Hearst takes the shortest match, which can start mid-phrase:
 * for "Proximal Policy Optimization (PPO)" it finds "Policy Optimization"
 * (the first P matched inside "oPtimization"). If one or two more words
 * make the initials spell the acronym exactly, take them.
 */
function widenToInitials(short: string, text: string, long: string): string {
  const letters = short.replace(/[^A-Za-z]/g, '').toLowerCase();
  const initials = (s: string): string =>
    s
      .split(/[\s-]+/)
      .filter((w) => w !== '')
      .map((w) => w[0]?.toLowerCase() ?? '')
      .join('');
  if (initials(long) === letters) return long;
  const before = text.slice(0, text.length - long.length).trimEnd().split(/\s+/);
  for (let n = 1; n <= 2 && n <= before.length; n++) {
    const wider = `${before.slice(-n).join(' ')} ${long}`;
    if (initials(wider) === letters && /^[A-Za-z]/.test(wider)) return wider;
  }
  return long;
}
