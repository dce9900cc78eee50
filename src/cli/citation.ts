import { assignKeys } from '../core/cite/keys';
import type { Catalog } from '../core/data/load';
import { UsageError } from './args';

const keysByCorpus = new WeakMap<Catalog, Map<string, string>>();

/**
 * The corpus-wide citation keys, computed once per corpus, so `cite` and
 * `bib` always agree on a paper's key.
 *
 * @example
 * corpusKeys(io.data().corpus).get('fast-vision-transformers-with-hilo-attention') // => 'pan2022fast'
 */
export function corpusKeys(corpus: Catalog): Map<string, string> {
  let keys = keysByCorpus.get(corpus);
  if (!keys) keysByCorpus.set(corpus, (keys = assignKeys(corpus.papers)));
  return keys;
}

/**
 * A `--flag` value that must be one of a fixed list; the default when
 * absent; a UsageError (exit 2) naming the choices otherwise.
 *
 * @example
 * choiceFlag(args.values.get('format'), '--format', BIBLIOGRAPHY_FORMATS, 'bibtex') // => 'bibtex' when --format is absent
 * choiceFlag('ris', '--format', BIBLIOGRAPHY_FORMATS, 'bibtex') // throws: unknown --format "ris"; use one of: bibtex, biblatex, csl-json
 */
export function choiceFlag<T extends string>(value: string | undefined, flag: string, choices: readonly T[], dflt: T): T {
  if (value === undefined) return dflt;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`unknown ${flag} "${value}"; use one of: ${choices.join(', ')}`);
  return value as T;
}
