import MiniSearch, { type SearchResult } from 'minisearch';
import type { Paper } from '../corpus/schema';
import { titleKey } from '../corpus/titles';
import { type IndexedPaper, SEARCH_OPTIONS, processQueryTerm, toIndexedPaper, toQuery, tokenize } from './options';

export interface SearchHit {
  paper: Paper;
  score: number;
  /** Query terms that matched something in this paper. */
  matchedTerms: string[];
}

export interface SearchQueryOptions {
  limit?: number;
}

/**
 * The search engine over a corpus: MiniSearch for recall (prefix, fuzzy,
 * field boosts, BM25), then our own ranking for what people type into a
 * citation picker: a paper whose short name or title the query spells out
 * comes first, and papers that match every query word beat papers that
 * match one word many times.
 */
export class PaperSearch {
  private readonly byId: Map<string, Paper>;

  private constructor(
    private readonly index: MiniSearch<IndexedPaper>,
    papers: readonly Paper[],
  ) {
    this.byId = new Map(papers.map((p) => [p.id, p]));
  }

  /** Builds a fresh index (at build time, or in tests). */
  static build(papers: readonly Paper[], techniquesOf: (p: Paper) => readonly string[] = () => []): PaperSearch {
    const index = new MiniSearch<IndexedPaper>(SEARCH_OPTIONS);
    index.addAll(papers.map((p) => toIndexedPaper(p, techniquesOf(p))));
    return new PaperSearch(index, papers);
  }

  /** Loads a shipped index with the same options that built it. */
  static load(indexJson: string, papers: readonly Paper[]): PaperSearch {
    const index = MiniSearch.loadJSON<IndexedPaper>(indexJson, SEARCH_OPTIONS);
    if (index.documentCount !== papers.length) {
      throw new Error(`search index holds ${index.documentCount} papers but the corpus has ${papers.length}; rebuild the data`);
    }
    return new PaperSearch(index, papers);
  }

  toJSON(): unknown {
    return this.index.toJSON();
  }

  get size(): number {
    return this.index.documentCount;
  }

  search(query: string, opts: SearchQueryOptions = {}): SearchHit[] {
    const limit = opts.limit ?? 20;
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const raw = this.index.search(toQuery(terms));
    const qKey = titleKey(query);
    const hits: SearchHit[] = [];
    for (const r of raw) {
      const paper = this.byId.get(r.id as string);
      if (!paper) continue;
      hits.push({ paper, score: rerank(r, paper, terms, qKey), matchedTerms: r.queryTerms });
    }
    hits.sort((a, b) => b.score - a.score || a.paper.id.localeCompare(b.paper.id));
    return hits.slice(0, limit);
  }
}

/** The query as the index sees it: tokenised, folded, stop words dropped. */
export function queryTerms(query: string): string[] {
  return tokenize(query)
    .map(processQueryTerm)
    .filter((t): t is string => t !== null);
}

function rerank(r: SearchResult, paper: Paper, terms: readonly string[], qKey: string): number {
  let score = r.score * authorPositionBoost(paper, terms);
  // Coverage: share of the query's words this paper matched at all.
  const coverage = r.queryTerms.length / terms.length;
  score *= coverage * coverage;
  if (qKey.length >= 2) {
    const short = paper.shortName ? titleKey(paper.shortName) : '';
    const title = titleKey(paper.title);
    if (short !== '' && short === qKey) score *= 4;
    else if (title === qKey) score *= 4;
    else if (title.startsWith(qKey) && qKey.length >= 4) score *= 2;
    else if (qKey.length >= 6 && title.includes(qKey)) score *= 1.5;
  }
  return score;
}

/**
 * A query that names an author ("Haoyu He", "zizheng pan hilo", "pan 2022")
 * favours the papers where that author comes first: ×2 for the first author
 * when the query has the whole name, ×1.5 when it has one of its words (a
 * given name or a surname alone), and less for later authors.
 */
function authorPositionBoost(paper: Paper, terms: readonly string[]): number {
  const set = new Set(terms);
  for (let i = 0; i < paper.authors.length; i++) {
    const nameTerms = queryTerms(paper.authors[i]?.name ?? '');
    if (nameTerms.length === 0) continue;
    const matched = nameTerms.filter((t) => set.has(t)).length;
    if (matched > 0) return 1 + matched / nameTerms.length / (i + 1);
  }
  return 1;
}
