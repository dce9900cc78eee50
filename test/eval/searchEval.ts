import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaperSearch } from '../../src/core/search/engine';

export interface RelevanceQuery {
  kind: string;
  query: string;
  relevant: string[];
}

export function loadRelevance(): RelevanceQuery[] {
  const raw = JSON.parse(readFileSync(join(__dirname, 'relevance.json'), 'utf8')) as { queries: RelevanceQuery[] };
  return raw.queries;
}

export interface QueryResult {
  q: RelevanceQuery;
  /** 1-based rank of the first relevant paper, or undefined if not in the top 10. */
  rank: number | undefined;
  top: string[];
}

export interface Figures {
  n: number;
  hit1: number;
  hit5: number;
  mrr: number;
}

export function runSearchEval(search: PaperSearch, queries = loadRelevance()): QueryResult[] {
  return queries.map((q) => {
    const top = search.search(q.query, { limit: 10 }).map((h) => h.paper.id);
    const idx = top.findIndex((id) => q.relevant.includes(id));
    return { q, rank: idx >= 0 ? idx + 1 : undefined, top };
  });
}

export function figures(results: readonly QueryResult[]): Figures {
  const n = results.length;
  const hit = (k: number): number => results.filter((r) => r.rank !== undefined && r.rank <= k).length / n;
  const mrr = results.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n;
  return { n, hit1: hit(1), hit5: hit(5), mrr };
}
