import type { Paper } from '../../schema/corpus';
import { keyOf } from '../../core/techniques/words';
import { type CandidateTable, addName } from './candidates';
import { UMBRELLA_WORDS, embeddedNames, mentionedNames, versionedNames } from './corpusNames';
import { meaningGroups, preferredForm } from './forms';
import { familyName } from './names';
import { recurringPhrases } from './phrases';
import type { TokenWords } from './tokenWords';

/**
 * The phases of {@link buildLexicon} that find techniques in what the
 * corpus writes as a whole rather than in what one paper coins: recurring
 * phrases, family names, and names papers discuss. Each adds to the
 * build's {@link CandidateTable}, in the order buildLexicon calls them.
 */

/**
 * Technique phrases that recur: "speculative decoding", "KV cache", "sparse
 * attention". A phrase that spells out a clear acronym (mixture of experts
 * → MoE) joins it as an alias.
 *
 * @example
 * addRecurringPhrases(table, papers, words);
 * table.get(keyOf('speculative decoding'))?.kind // => 'phrase'
 */
export function addRecurringPhrases(table: CandidateTable, papers: readonly Paper[], words: TokenWords): void {
  const acronyms = table.all().filter((c) => c.kind === 'acronym' && c.key.length >= 3 && meaningGroups(c.expansions).length === 1);
  for (const [key, ph] of recurringPhrases(papers, words)) {
    const owner = table.get(key) ?? acronyms.find((c) => c.expansions.has(key));
    if (owner) {
      owner.aliases.add(ph.display);
      continue;
    }
    const c = table.ensure(key, 'phrase');
    addName(c, ph.display);
  }
}

/**
 * The family name behind versioned names: YOLOv6 and YOLOv12 → YOLO; DeepSeek-V3 → DeepSeek.
 *
 * @example
 * addFamilyNames(table); // with YOLOv6 and no YOLO in the table
 * table.get('yolo')?.family // => true
 */
export function addFamilyNames(table: CandidateTable): void {
  for (const c of table.all()) {
    if (c.kind !== 'name') continue;
    for (const n of c.names.keys()) {
      const base = familyName(n);
      if (!base || table.has(keyOf(base))) continue;
      const fam = table.ensure(keyOf(base), 'name');
      fam.family = true;
      addName(fam, base);
    }
  }
}

/**
 * Named techniques the corpus discusses but does not introduce: "FlashAttention".
 *
 * @example
 * addMentionedNames(table, papers);
 * table.get(keyOf('FlashAttention'))?.aliases // => Set { 'FlashAttention-2' }
 */
export function addMentionedNames(table: CandidateTable, papers: readonly Paper[]): void {
  for (const [key, n] of mentionedNames(papers)) {
    if (table.has(key)) continue;
    const c = table.ensure(key, 'name');
    for (const [form, count] of n.forms) c.names.set(form, count);
    for (const v of n.variants) c.aliases.add(v);
  }
}

/**
 * Releases of a named technique that papers discuss: "wav2vec 2.0" beside
 * wav2vec. Code writes them joined (`Wav2Vec2Model`), so the version
 * without its ".0" is an alias too.
 *
 * @example
 * addVersionedNames(table, papers); // with wav2vec in the table
 * table.get(keyOf('wav2vec 2.0'))?.aliases // => Set { 'wav2vec 2' }
 */
export function addVersionedNames(table: CandidateTable, papers: readonly Paper[]): void {
  const bases = table.all().filter((c) => c.kind !== 'phrase' && c.key.length >= 3 && c.names.size > 0).map((c) => preferredForm(c.names));
  for (const [key, n] of versionedNames(papers, bases)) {
    if (table.has(key)) continue;
    const c = table.ensure(key, 'name');
    for (const [form, count] of n.forms) c.names.set(form, count);
    for (const form of n.forms.keys()) {
      const short = form.replace(/\.0$/, '');
      if (short !== form) c.aliases.add(short);
    }
  }
}

/**
 * Names that coined names are built on and papers also write on their own:
 * Mamba (Multimodal Mamba, LaMamba-Diff), LLaVA (LLaVA-UHD, Dynamic-LLaVA),
 * Swin (Swin Transformer V2), DeepSpeed. A base that is a longer name
 * without its generic head word ("Swin" of Swin Transformer) is that
 * name's alias instead.
 *
 * @example
 * addEmbeddedNames(table, papers, everydayWords(papers));
 * table.get('mamba')?.names // => Map { 'Mamba' => 6 } (papers that write it alone)
 */
export function addEmbeddedNames(table: CandidateTable, papers: readonly Paper[], everyday: ReadonlySet<string>): void {
  const coined = table.all().filter((c) => c.kind === 'name').flatMap((c) => [...c.names.keys()]);
  for (const [base, n] of embeddedNames(papers, coined, everyday)) {
    const key = keyOf(base);
    if (table.has(key)) continue;
    // "Swin" is Swin Transformer: the base and a generic head word.
    const longer = table.all().find((c) => c.kind === 'name' && [...c.names.keys()].some((x) => new RegExp(`^${base} (?:${[...UMBRELLA_WORDS].join('|')})$`, 'i').test(x)));
    if (longer) {
      longer.aliases.add(base);
      continue;
    }
    const c = table.ensure(key, 'name');
    c.names.set(base, n);
  }
}
