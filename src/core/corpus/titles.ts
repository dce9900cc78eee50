import { cleanText, foldForSearch } from '../text/clean';
import { fnv1a } from '../util/hash';

/**
 * Display form of a title: clean Unicode with the spacing around the
 * subtitle colon repaired ("CenterMask : Real-Time" and "SAM-UNet:Enhancing"
 * become "CenterMask: Real-Time" and "SAM-UNet: Enhancing"). "N:M Sparsity"
 * is left alone.
 */
export function cleanTitle(raw: string): string {
  return cleanText(raw)
    .replace(/\s+:\s+/g, ': ')
    .replace(/([\p{Ll}\d]{2}):(?=\p{Lu}\p{Ll})/gu, '$1: ');
}

/** The key two listings of the same paper share: folded, lowercase, alphanumerics only. */
export function titleKey(title: string): string {
  return foldForSearch(title).toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * The name a title gives its subject: the short head before the colon
 * ("TransMLA", "H₂O", "Janus-Pro"), or the name before "Technical Report"
 * ("DeepSeek-V3", "Qwen2.5-VL"). Heads longer than four words are phrases,
 * not names.
 */
export function shortNameOf(title: string): string | undefined {
  const i = title.indexOf(': ');
  const head = (i > 0 ? title.slice(0, i) : title).trim().replace(/\s+Technical Report$/, '');
  if (i <= 0 && head === title.trim()) return undefined;
  return head !== '' && head.split(/\s+/).length <= 4 ? head : undefined;
}

const MAX_ID = 60;

/**
 * The stable id of a paper: an ASCII slug of its title, cut at a word
 * boundary. Two titles with the same slug both get a hash of their full
 * title appended, so ids never depend on the order papers were read.
 *
 * @example
 * slugOf('TransMLA: Multi-head Latent Attention Is All You Need')
 * // => 'transmla-multi-head-latent-attention-is-all-you-need'
 */
export function slugOf(title: string): string {
  const words = foldForSearch(title).toLowerCase().replace(/['’]/g, '').match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const w of words) {
    const next = slug === '' ? w : `${slug}-${w}`;
    if (next.length > MAX_ID && slug !== '') break;
    slug = next.slice(0, MAX_ID);
  }
  return slug === '' ? `paper-${fnv1a(title)}` : slug;
}

export function disambiguatedSlug(title: string): string {
  return `${slugOf(title)}-${fnv1a(titleKey(title)).slice(0, 6)}`;
}
