import { DEFAULT_KEY_FORMULA, type KeyFormulaName, keyFormulaNamed } from '../../core/cite/keyFormulas';
import { assignKeysSteps, papersByKeySteps } from '../../core/cite/keys';
import { type Sliced, runNow, runSliced } from '../../core/util/sliced';
import type { PaperData, PaperRecord } from '../../core/data/load';

/**
 * The citation key of every paper under the configured key formula, and the
 * paper each key (or a key an earlier release gave it) names. Under the
 * default formula the keys are the ones the build shipped with the catalog;
 * under another they are computed once per corpus and formula, in slices
 * ({@link prepare}), so the extension host never blocks on them. No `vscode`
 * import: the formula and the data are given as functions, so this is
 * tested in plain Node.
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

  /**
   * Makes the keys ready without blocking: the shipped keys, or a sliced
   * computation under another formula. Called when the data has loaded and
   * when the formula changes; what needs a key before then computes it at once.
   */
  async prepare(): Promise<void> {
    const d = this.data();
    if (!d || this.fresh(d)) return;
    const formula = this.formula();
    const { byId, byKey } = await runSliced(keyTablesSteps(d, formula));
    if (this.data() === d && this.formula() === formula) this.cache = { formula, data: d, byId, byKey };
  }

  private fresh(d: PaperData): boolean {
    return this.cache?.formula === this.formula() && this.cache.data === d;
  }

  private keys(): { data: PaperData; byId: Map<string, string>; byKey: Map<string, string> } | undefined {
    const d = this.data();
    if (!d) return undefined;
    if (!this.fresh(d)) {
      const formula = this.formula();
      this.cache = { formula, data: d, ...runNow(keyTablesSteps(d, formula)) };
    }
    return this.cache as NonNullable<typeof this.cache>;
  }
}

/**
 * Both key tables, as sliced work: each paper's key (shipped, or computed
 * under another formula) and the paper each key names. At 100,000 papers
 * either takes longer than the host should block at once.
 *
 * @example
 * const { byId, byKey } = await runSliced(keyTablesSteps(data, 'authorYearTitle'));
 */
export function* keyTablesSteps(d: PaperData, formula: KeyFormulaName): Sliced<{ byId: Map<string, string>; byKey: Map<string, string> }> {
  const byId = (yield* shippedKeysSteps(d, formula)) ?? (yield* assignKeysSteps(d.corpus.papers, keyFormulaNamed(formula)));
  return { byId, byKey: yield* papersByKeySteps(byId, d.corpus.papers) };
}

/**
 * The keys the build shipped with the catalog, when the formula is the
 * default one they were made with and every paper has one.
 *
 * @example
 * shippedKeys(data, 'authorYearTitle')?.get('fast-vision-transformers-with-hilo-attention') // => 'pan2022fast'
 */
export function shippedKeys(d: PaperData, formula: KeyFormulaName): Map<string, string> | undefined {
  return runNow(shippedKeysSteps(d, formula));
}

function* shippedKeysSteps(d: PaperData, formula: KeyFormulaName): Sliced<Map<string, string> | undefined> {
  if (formula !== DEFAULT_KEY_FORMULA) return undefined;
  const byId = new Map<string, string>();
  let n = 0;
  for (const p of d.corpus.papers) {
    if (++n % 1000 === 0) yield;
    if (p.citationKey === undefined) return undefined;
    byId.set(p.id, p.citationKey);
  }
  return byId;
}
