import { assignKeys } from '../core/cite/keys';
import type { Corpus } from '../core/corpus/schema';
import { UsageError } from './args';

const keysByCorpus = new WeakMap<Corpus, Map<string, string>>();

/** The corpus-wide citation keys, so `cite` and `bib` always agree on a paper's key. */
export function corpusKeys(corpus: Corpus): Map<string, string> {
  let keys = keysByCorpus.get(corpus);
  if (!keys) keysByCorpus.set(corpus, (keys = assignKeys(corpus.papers)));
  return keys;
}

/** A `--flag` value that must be one of a fixed list; the default when absent. */
export function choiceFlag<T extends string>(value: string | undefined, flag: string, choices: readonly T[], dflt: T): T {
  if (value === undefined) return dflt;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`unknown ${flag} "${value}"; use one of: ${choices.join(', ')}`);
  return value as T;
}
