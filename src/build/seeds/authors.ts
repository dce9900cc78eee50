import { MAX_TITLE } from './shapes';

/**
 * The profile listing glues the title to the author list with no separator:
 * "Fast Vision Transformers with HiLo AttentionZizheng Pan, Jianfei Cai" or
 * "DeepSeek-V3 Technical ReportDeepSeek-AI, Aixin Liu et al. · stanford".
 * This module finds where the title ends.
 */

export interface TitleAuthors {
  title: string;
  authors: string[];
  truncated: boolean;
  affiliations: string[];
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'bin', 'al', 'y']);

/**
 * A name token: "Zizheng", "De-An", "O'Neil", "McDonald", "J.", "Jr.".
 * A lowercase-to-uppercase step inside a token is a glue point, not a name,
 * except after the usual surname prefixes.
 */
function isNameToken(tok: string): boolean {
  if (PARTICLES.has(tok)) return true;
  if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(tok)) return false;
  const inner = tok.replace(/^(Mc|Mac|O'|O’|D'|D’|De|Di|La|Le|Van|Von)(?=\p{Lu})/u, '');
  return !/\p{Ll}\p{Lu}/u.test(inner.replace(/-\p{Lu}/gu, '-')) && !/^\p{Lu}{2,}[\p{Ll}]/u.test(inner);
}

/** "Zizheng Pan", "De-An Huang", "Yann LeCun" style: 2–5 name tokens. */
export function isPersonName(name: string): boolean {
  const toks = name.trim().split(/\s+/);
  if (toks.length < 2 || toks.length > 5) return false;
  const first = toks[0] ?? '';
  const last = toks[toks.length - 1] ?? '';
  if (PARTICLES.has(first) || PARTICLES.has(last)) return false;
  return toks.every(isNameToken);
}

/** An organisation signing as author: "DeepSeek-AI", "NVIDIA", "Qwen Team". */
export function isOrganizationName(name: string): boolean {
  const t = name.trim();
  if (/^[\p{Lu}][\p{L}\d]*(?:-[\p{L}\d]+)+$/u.test(t)) return true; // DeepSeek-AI, Meta-FAIR
  if (/^\p{Lu}{2,}[\p{Lu}\d]*$/u.test(t)) return true; // NVIDIA, OpenAI-like acronyms
  return /^[\p{Lu}][\p{L}\d-]*(?: [\p{Lu}][\p{L}\d-]*)* (Team|Lab|Labs|AI|Research|Group|Inc\.?)$/u.test(t);
}

function isAuthorName(name: string): boolean {
  return isPersonName(name) || isOrganizationName(name);
}

/**
 * Splits "TitleFirst Author, Second Author et al. · aff1, aff2".
 * Candidate split points are the places where an uppercase letter is glued to
 * the character before it; the earliest one after which every comma-separated
 * piece is a valid author name wins. Returns undefined when no split works.
 *
 * @example
 * splitTitleAuthors('Stitchable Neural NetworksZizheng Pan, Jianfei Cai, Bohan Zhuang')
 * // => { title: 'Stitchable Neural Networks', authors: ['Zizheng Pan', 'Jianfei Cai', 'Bohan Zhuang'], truncated: false, affiliations: [] }
 */
export function splitTitleAuthors(line: string): TitleAuthors | undefined {
  let text = line.trim();
  let affiliations: string[] = [];
  const dot = text.lastIndexOf(' · ');
  if (dot >= 0) {
    affiliations = text
      .slice(dot + 3)
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    text = text.slice(0, dot).trimEnd();
  }
  let truncated = false;
  const etAl = /\s*,?\s+et al\.?$/.exec(text);
  if (etAl) {
    truncated = true;
    text = text.slice(0, etAl.index);
  }
  // A title is shorter than MAX_TITLE, so only the glue points before it are tried: a huge line costs one pass, not one per capital.
  for (let i = 1; i < Math.min(text.length, MAX_TITLE + 1); i++) {
    const ch = text[i] ?? '';
    const prev = text[i - 1] ?? '';
    if (!/\p{Lu}/u.test(ch) || /\s/.test(prev)) continue;
    const title = text.slice(0, i).trim();
    const names = text.slice(i).split(',').map((n) => n.trim());
    if (title.length < 2 || !/\p{L}/u.test(title)) continue;
    if (names.every((n) => n !== '' && isAuthorName(n))) {
      return { title, authors: names, truncated, affiliations };
    }
  }
  return undefined;
}
