import { type KeyFormulaName, keyFormulaNamed } from '../../core/cite/keyFormulas';
import { assignKeys, papersByKey } from '../../core/cite/keys';
import type { PaperData, PaperRecord } from '../../core/data/load';

/**
 * The citation key of every paper under the configured key formula,
 * computed once per corpus and formula, and the paper each key (or a key an
 * earlier release gave it) names. No `vscode` import: the formula and the
 * data are given as functions, so this is tested in plain Node.
 */
export class CitationKeys {
  private cache: { formula: KeyFormulaName; data: PaperData; byId: Map<string, string>; byKey: Map<string, string> } | undefined;

  /**
   * @param data the loaded data, or undefined while it loads (then there are no keys yet).
   * @param formula the key formula to use now (the `paperlens.citation.keyFormula` setting).
   */
  constructor(
    private readonly data: () => PaperData | undefined,
    private readonly formula: () => KeyFormulaName,
  ) {}

  /**
   * The citation key of a paper, once the data is loaded.
   *
   * @example
   * keys.keyOf('fast-vision-transformers-with-hilo-attention') // => 'pan2022fast'
   */
  keyOf(paperId: string): string | undefined {
    return this.keys()?.byId.get(paperId);
  }

  /**
   * The paper a citation key names: its key now, or one an earlier release gave it.
   *
   * @example
   * keys.paperByKey('transmla')?.id // => 'transmla-multi-head-latent-attention-is-all-you-need' (its key is transmla2025 now)
   */
  paperByKey(key: string): PaperRecord | undefined {
    const k = this.keys();
    const id = k?.byKey.get(key);
    return id ? k?.data.papersById.get(id) : undefined;
  }

  /** Every paper's key, by paper id (for completion). */
  all(): ReadonlyMap<string, string> {
    return this.keys()?.byId ?? new Map();
  }

  /**
   * Whether a key names a paper other than this one, so that an entry for
   * this paper must not take it.
   *
   * @example
   * keys.isTakenByAnother('pan2022fast', 'transmla-multi-head-latent-attention-is-all-you-need') // => true
   */
  isTakenByAnother(key: string, paperId: string): boolean {
    const id = this.keys()?.byKey.get(key);
    return id !== undefined && id !== paperId;
  }

  private keys(): { data: PaperData; byId: Map<string, string>; byKey: Map<string, string> } | undefined {
    const d = this.data();
    if (!d) return undefined;
    const formula = this.formula();
    if (this.cache?.formula !== formula || this.cache.data !== d) {
      const byId = assignKeys(d.corpus.papers, keyFormulaNamed(formula));
      this.cache = { formula, data: d, byId, byKey: papersByKey(byId, d.corpus.papers) };
    }
    return this.cache;
  }
}
