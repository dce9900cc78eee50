import MiniSearch from 'minisearch';
import type { Paper } from '../../schema/corpus';
import { PaperSearch } from '../../core/search/engine';
import { ABSTRACT_FIELDS, type IndexedPaper, NAME_FIELDS, SEARCH_OPTIONS, TERM_OPTIONS, toIndexedPaper } from '../../core/search/options';
import { IndexShard, type ShardJson } from '../../core/search/shard';
import { runNow } from '../../core/util/sliced';
import { type SalientTerms, shardFromMiniSearch, shardFromText } from './shardWriter';

/**
 * The search index of a corpus, as the build makes it: MiniSearch indexes
 * the short fields, the abstracts go straight into their own shard.
 *
 * Who calls what: the data writer (build/data/encode.ts) writes
 * {@link buildShards}'s shards into dist/data, where the run-time loader
 * (core/data/load.ts) reads them back. Tests, the eval and the bench take
 * {@link buildSearch}: the same shards, decoded in memory the way a load
 * decodes them, with no files in between.
 */

/** The index as the build writes it: one shard loaded first, one after. */
export interface IndexShards {
  names: ShardJson;
  abstracts: ShardJson;
}

/**
 * Abstract postings kept at build time: each paper's 24 most salient
 * abstract terms (highest BM25 weight in that abstract). See
 * docs/performance.md for what this costs and saves.
 */
export const SALIENT_ABSTRACT_TERMS: SalientTerms = { perDocument: 24 };

/**
 * Builds the index with MiniSearch and writes it as shards (build step).
 * `salient: null` keeps every abstract posting (tests compare against
 * MiniSearch's own search that way).
 *
 * @example
 * const shards = buildShards(corpus.papers, (p) => techniqueNames.get(p.id) ?? []);
 * writeFileSync('search-names.json', JSON.stringify(shards.names));
 */
export function buildShards(
  papers: readonly Paper[],
  techniquesOf: (p: Paper) => readonly string[] = () => [],
  salient: SalientTerms | null = SALIENT_ABSTRACT_TERMS,
): IndexShards {
  // MiniSearch indexes the short fields; the abstracts, nine words in ten, go straight into their shard.
  const ms = new MiniSearch<IndexedPaper>({ ...SEARCH_OPTIONS, fields: [...NAME_FIELDS] });
  ms.addAll(papers.map((p) => ({ ...toIndexedPaper(p, techniquesOf(p)), abstract: '' })));
  const texts = papers.map((p) => toIndexedPaper(p).abstract);
  return {
    names: shardFromMiniSearch(ms, NAME_FIELDS),
    abstracts: shardFromText(ABSTRACT_FIELDS[0] as string, texts, TERM_OPTIONS, salient),
  };
}

/**
 * Builds a ready engine in memory (tests, the eval, the bench): the same
 * shards the build writes, decoded as a load decodes them.
 *
 * @example
 * buildSearch(corpus.papers).search('kv cache')[0]?.paper.title
 */
export function buildSearch<Q extends Paper>(papers: readonly Q[], techniquesOf: (p: Paper) => readonly string[] = () => [], salient?: SalientTerms | null): PaperSearch<Q> {
  const shards = buildShards(papers, techniquesOf, salient);
  const search = PaperSearch.fromShards(papers, runNow(IndexShard.decode(shards.names)), { abstracts: runNow(IndexShard.decode(shards.abstracts)) });
  runNow(search.indexTitles());
  return search;
}
