import type { PaperData, PaperRecord } from '../core/data/load';

/**
 * The API PaperLens gives other extensions: what `activate()` returns. It is
 * small on purpose, and plain data only, so that PaperLens's own classes can
 * change without breaking anyone. No `vscode` import: it is tested in plain
 * Node.
 *
 * ```ts
 * const paperlens = await vscode.extensions.getExtension<PaperLensApi>('paperlens.paperlens')?.activate();
 * const [best] = (await paperlens?.search('kv cache compression', 1)) ?? [];
 * const key = best && (await paperlens?.citationKeyOf(best.id)); // 'liu2024minicache'
 * ```
 *
 * Every method loads the bundled data on first use (tens of milliseconds)
 * and rejects with the reason when it cannot be loaded; the user has been
 * told then too.
 */
export interface PaperLensApi {
  /** The PaperLens release, as in its package.json: `'0.1.0'`. */
  readonly version: string;
  /** How many papers PaperLens bundles. */
  paperCount(): Promise<number>;
  /**
   * The bundled papers that best match a query (title words, a prefix, a
   * typo, an acronym, an author, a topic), best first; `limit` is 10 unless
   * given, at most 1,000.
   */
  search(query: string, limit?: number): Promise<PaperSummary[]>;
  /** A bundled paper by its PaperLens id, as `search` gives it. */
  paperById(id: string): Promise<PaperSummary | undefined>;
  /** The citation key PaperLens cites a paper by, under the user's key formula: `'pan2022fast'`. */
  citationKeyOf(id: string): Promise<string | undefined>;
}

/** A bundled paper, as the API gives it: what is known, nothing guessed. */
export interface PaperSummary {
  /** The PaperLens id: `'fast-vision-transformers-with-hilo-attention'`. */
  id: string;
  title: string;
  /** Every author known, in order; empty when no listing names them. */
  authors: string[];
  year: number | undefined;
  /** The arXiv id, `'2205.13213'`, when it is known. */
  arxiv: string | undefined;
}

/** The largest `limit` a search takes. */
const MAX_LIMIT = 1000;

/**
 * A paper as the API gives it.
 *
 * @example
 * paperSummary(hilo)
 * // => { id: 'fast-vision-transformers-with-hilo-attention', title: 'Fast Vision Transformers with HiLo Attention', authors: ['Zizheng Pan', 'Jianfei Cai', 'Bohan Zhuang'], year: 2022, arxiv: '2205.13213' }
 */
export function paperSummary(p: PaperRecord): PaperSummary {
  return { id: p.id, title: p.title, authors: p.authors.map((a) => a.name), year: p.year, arxiv: p.arxiv };
}

/**
 * The API over the extension's data and keys.
 *
 * @param load the data, loading it on first call (rejects with the reason when it cannot be loaded).
 * @param keyOf a paper's citation key once the data is loaded.
 * @example
 * const api = createApi('0.1.0', () => data.getComplete(), (id) => keys.keyOf(id));
 * await api.citationKeyOf('fast-vision-transformers-with-hilo-attention') // => 'pan2022fast'
 */
export function createApi(version: string, load: () => Promise<PaperData>, keyOf: (paperId: string) => string | undefined): PaperLensApi {
  return Object.freeze({
    version,
    paperCount: async () => (await load()).corpus.papers.length,
    search: async (query: string, limit = 10) => {
      const n = Number.isFinite(limit) ? Math.min(Math.max(1, Math.floor(limit)), MAX_LIMIT) : 10;
      return (await load()).search.search(String(query), { limit: n }).map((h) => paperSummary(h.paper));
    },
    paperById: async (id: string) => {
      const p = (await load()).papersById.get(String(id));
      return p ? paperSummary(p) : undefined;
    },
    citationKeyOf: async (id: string) => {
      await load();
      return keyOf(String(id));
    },
  });
}
