import type { Paper } from '../../schema/corpus';
import { PAPER_FIELDS } from '../corpus/fields';
import { checkProvenance, expectList, expectString, expectWebUrl } from './fieldChecks';
import type { PaperRecord } from './format';

/**
 * The details tuples (`details-NNN.json`): a paper's long texts and raw
 * forms, read on demand and joined with its catalog record.
 */

/**
 * A paper's details tuple: `[titleRaw | 0, abstract, abstractRaw | 0,
 * abstractNote | 0, urls]`, where 0 means "the same as the title" or "the
 * same as the abstract" or "none".
 *
 * @example
 * encodeDetails(paper) // => [0, 'Vision Transformers (ViTs) have …', 0, 0, ['https://github.com/ziplab/LITv2']]
 */
export function encodeDetails(p: Paper): unknown[] {
  return [p.titleRaw === p.title ? 0 : p.titleRaw, p.abstract, p.abstractRaw === p.abstract ? 0 : p.abstractRaw, p.abstractNote ?? 0, p.urls, p.provenance ?? 0];
}

/**
 * The full paper: its catalog record joined with its details tuple, keys in
 * the schema's order.
 *
 * @example
 * fullPaper(record, ['TransMLA: …', 'Abstract …', 0, 0, []]).abstract // => 'Abstract …'
 */
export function fullPaper(record: PaperRecord, t: unknown): Paper {
  const [titleRaw, abstract, abstractRaw, note, urls, provenance] = expectList(t, 'paper details');
  const abstractText = expectString(abstract, 'an abstract');
  const fields: Record<string, unknown> = {
    ...record,
    titleRaw: titleRaw === 0 ? record.title : expectString(titleRaw, 'a raw title'),
    abstract: abstractText,
    abstractRaw: abstractRaw === 0 ? abstractText : expectString(abstractRaw, 'a raw abstract'),
    urls: expectList(urls, 'a URL list').map((u) => expectWebUrl(u, 'a URL')),
  };
  if (note !== 0) fields['abstractNote'] = expectString(note, 'an abstract note');
  if (provenance !== 0 && provenance !== undefined) fields['provenance'] = checkProvenance(provenance);
  const out: Record<string, unknown> = {};
  for (const k of PAPER_FIELDS) if (fields[k] !== undefined) out[k] = fields[k];
  return out as Paper;
}
