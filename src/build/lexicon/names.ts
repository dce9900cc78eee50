import type { Paper } from '../../schema/corpus';
import { keyOf, stemsOf } from '../../core/techniques/words';
import { findAcronyms } from '../../core/techniques/acronyms';
import { type CandidateTable, addContext, addName } from './candidates';
import { FUNCTION_WORDS, NON_METHOD_HEADS, UMBRELLA_ACRONYMS } from './curated';

/**
 * The first phase of {@link buildLexicon}: the names each paper coins (the
 * short name before its title's colon; "we propose X"), and the acronyms it
 * defines in parentheses with their long forms.
 *
 * @example
 * addPaperNames(table, [{ title: 'TransMLA: Multi-Head Latent Attention Is All You Need', shortName: 'TransMLA', … }]);
 * table.get('transmla')?.introducedBy // => Set { <that paper's id> }
 */
export function addPaperNames(table: CandidateTable, papers: readonly Paper[]): void {
  for (const p of papers) {
    // Names a paper coins in its title: "TransMLA: …", "Swin Transformer V2: …".
    if (p.shortName && isCoinedName(p.shortName)) {
      const c = table.ensure(keyOf(p.shortName), 'name');
      addName(c, p.shortName);
      c.introducedBy.add(p.id);
      addContext(c, p.title);
      const base = versionless(p.shortName);
      if (base) c.aliases.add(base);
    }
    // "we dub HiLo", "We present Medusa, a simple framework …".
    for (const { name, context } of proposedNames(p.abstract)) {
      const c = table.ensure(keyOf(name), 'name');
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
      const c = table.ensure(key, 'acronym');
      addName(c, d.short);
      const ek = keyOf(d.long);
      const e = c.expansions.get(ek) ?? { display: d.long, papers: new Set<string>() };
      e.papers.add(p.id);
      c.expansions.set(ek, e);
      if ((p.shortName !== undefined && keyOf(p.shortName) === key) || definedAsOwn(text, d.index, d.long)) c.introducedBy.add(p.id);
      addContext(c, d.long);
    }
  }
}

/**
 * A short name that is a name, not a phrase: "TransMLA", "Deja Vu", "Swin Transformer V2"; not "Less is More".
 *
 * @example
 * isCoinedName('Swin Transformer V2') // => true
 * isCoinedName('Less is More')        // => false
 */
export function isCoinedName(s: string): boolean {
  if (/[,;!?%&]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 3) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase())) || words.length === 1;
}

/**
 * The family a versioned name belongs to: "YOLOv12" → "YOLO", "DeepSeek-V3.2"
 * → "DeepSeek", "YOLO9000" → "YOLO". Undefined when there is no version.
 *
 * @example
 * familyName('DeepSeek-V3.2') // => 'DeepSeek'
 * familyName('DeepSeek-R1')   // => undefined (a name, not a version of "DeepSeek-R")
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

/**
 * A name with its own shape: inner capitals (HiLo, LITv2), digits, or an all-caps part (SN-Net).
 *
 * @example
 * isDistinctiveName('SN-Net')    // => true
 * isDistinctiveName('Medusa')    // => false
 * isDistinctiveName('MoE-based') // => false (an adjective)
 */
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
 *
 * @example
 * proposedNames('We present Medusa, a simple framework.').map((x) => x.name) // => ['Medusa']
 * proposedNames('We propose a Coarse-to-Fine architecture.')                // => []
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
