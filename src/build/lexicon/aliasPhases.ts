import type { Paper } from '../../schema/corpus';
import { keyOf } from '../../core/techniques/words';
import type { CandidateTable } from './candidates';
import { ALIASES } from './curated';
import { salientStems } from './salience';
import type { TokenWords } from './tokenWords';

/**
 * The last phases of {@link buildLexicon}: other ways code and prose say a
 * technique the table already has (aliases), and the words a guarded name
 * comes with (context).
 */

/**
 * A prefixed acronym of another technique, said with its prefix spelled
 * out: M-RoPE, "Multimodal Rotary Position Embedding", is "multimodal RoPE"
 * (`_get_multimodal_rope_positions`).
 *
 * @example
 * addPrefixAliases(table); // with M-RoPE and RoPE in the table
 * table.get(keyOf('M-RoPE'))?.aliases // => Set { 'Multimodal RoPE' }
 */
export function addPrefixAliases(table: CandidateTable): void {
  for (const c of table.values()) {
    if (c.kind !== 'acronym') continue;
    for (const n of c.names.keys()) {
      const m = /^(\p{Lu}{1,2})-(.+)$/u.exec(n);
      const base = m?.[2];
      if (!m || base === undefined || !table.has(keyOf(base))) continue;
      for (const e of c.expansions.values()) {
        const first = e.display.split(/[\s-]+/)[0] ?? '';
        if (first.length > 3 && first.toLowerCase().startsWith((m[1] ?? '').toLowerCase())) c.aliases.add(`${first} ${base}`);
      }
    }
  }
}

/**
 * A long form that ends in "Model" is also said without it: "Segment Anything" for SAM.
 *
 * @example
 * addModellessAliases(table); // with SAM, "Segment Anything Model"
 * table.get('sam')?.aliases // => Set { 'Segment Anything' }
 */
export function addModellessAliases(table: CandidateTable): void {
  for (const c of table.values()) {
    if (c.kind !== 'acronym') continue;
    for (const e of c.expansions.values()) {
      const m = /^(.+\S)\s+Model$/.exec(e.display);
      if (m?.[1] !== undefined && m[1].split(/\s+/).length >= 2) c.aliases.add(m[1]);
    }
  }
}

/**
 * Curated aliases ({@link ALIASES}), for techniques the corpus has.
 *
 * @example
 * addCuratedAliases(table); // with FlashAttention in the table
 * table.get(keyOf('FlashAttention'))?.aliases.has('flash_attn') // => true
 */
export function addCuratedAliases(table: CandidateTable): void {
  for (const [name, aliases] of Object.entries(ALIASES)) {
    const k = keyOf(name);
    const owner = table.get(k) ?? table.all().find((c) => c.expansions.has(k));
    if (owner) for (const a of aliases) owner.aliases.add(a);
  }
}

/**
 * Guarded names also take context from what their introducing papers are
 * about: each introducing paper's most salient abstract words.
 *
 * @example
 * addSalientContext(table, papers, words);
 * table.get('medusa')?.context.has('head') // => true
 */
export function addSalientContext(table: CandidateTable, papers: readonly Paper[], words: TokenWords): void {
  const introducing = new Set(table.all().flatMap((c) => [...c.introducedBy]));
  const salient = salientStems(papers, introducing, words);
  for (const c of table.values()) for (const id of c.introducedBy) for (const st of salient.get(id) ?? []) c.context.add(st);
}
