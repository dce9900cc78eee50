/**
 * arXiv identifiers as people write them: `2205.13213`, `2205.13213v2`,
 * `arXiv:2205.13213`, `arxiv.org/abs/…`, `/pdf/…v1.pdf`, `/html/…`,
 * Hugging Face's `huggingface.co/papers/…`, and old-style ids such as
 * `cs/0601001` or `math.GT/0309136`. Recognised offline, to show the bundled
 * paper behind a link in code, a comment or notes.
 */

/** The arXiv id without its version, as the corpus stores it. */
const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z-]+(?:\.[A-Z]{2})?\/\d{7}`;
const ID = `(${NEW_ID}|${OLD_ID})(?:v\\d+)?`;

/** Hosts whose paths carry an arXiv id: arXiv and its mirrors, and Hugging Face's paper pages. */
const HOSTS = String.raw`(?:https?:\/\/)?(?:www\.|export\.)?(?:arxiv\.org\/(?:abs|pdf|html)|ar5iv(?:\.labs\.arxiv)?\.org\/(?:abs|html)|alphaxiv\.org\/(?:abs|overview)|huggingface\.co\/papers)\/`;

/**
 * Every form, anchored where a reference can start. A bare new-style id
 * (`2205.13213`) counts only with its version or in an `eprint` field, since
 * a bare `1234.56789` in code is usually a number.
 */
const REFERENCE = new RegExp(
  [
    `${HOSTS}${ID}(?:\\.pdf)?`,
    `\\barXiv:\\s?${ID}`,
    `\\beprint\\s*=\\s*[{"]\\s*${ID}`,
    `(?<![\\w.])(${NEW_ID})v\\d+(?![\\w.])`,
  ].join('|'),
  'gi',
);

/** An arXiv reference found in a line: the id, and where the reference is. */
export interface ArxivReference {
  id: string;
  start: number;
  end: number;
}

/**
 * Every arXiv reference in a line of text, left to right.
 *
 * @example
 * arxivReferences('see https://arxiv.org/pdf/2205.13213v2.pdf and arXiv:2502.07864')
 * // => [{ id: '2205.13213', start: 4, end: 46 }, { id: '2502.07864', start: 51, end: 65 }]
 */
export function arxivReferences(line: string): ArxivReference[] {
  const out: ArxivReference[] = [];
  for (const m of line.matchAll(REFERENCE)) {
    const id = m.slice(1).find((g) => g !== undefined);
    // Old-style archive names are lowercase (`cs/`, `hep-th/`); the `i` flag is for `arXiv:` and host names only.
    if (id === undefined || (id.includes('/') && !/^[a-z-]+(?:\.[A-Z]{2})?\//.test(id))) continue;
    out.push({ id, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The arXiv reference under a cursor at `ch`, if any.
 *
 * @example
 * arxivReferenceAt('# arXiv:2205.13213', 5) // => { id: '2205.13213', start: 2, end: 18 }
 * arxivReferenceAt('x = 2205.13213', 6) // => undefined (a bare number)
 */
export function arxivReferenceAt(line: string, ch: number): ArxivReference | undefined {
  return arxivReferences(line).find((r) => ch >= r.start && ch <= r.end);
}

/**
 * A whole string as an arXiv reference: an id (with or without version or
 * `arXiv:`) or a URL. For the command line, where a bare id is meant as one.
 *
 * @example
 * parseArxivReference('2205.13213') // => '2205.13213'
 * parseArxivReference('https://arxiv.org/abs/2205.13213v3') // => '2205.13213'
 * parseArxivReference('transmla') // => undefined
 */
export function parseArxivReference(text: string): string | undefined {
  const t = text.trim();
  const bare = new RegExp(`^(?:arXiv:\\s?)?${ID}$`, 'i').exec(t);
  if (bare?.[1] && (!bare[1].includes('/') || /^[a-z-]+(?:\.[A-Z]{2})?\//.test(bare[1]))) return bare[1];
  const [ref, ...more] = arxivReferences(t);
  // The whole string is the link: nothing before it, at most a query, fragment or slash after it.
  return ref && more.length === 0 && ref.start === 0 && /^(?:[?#].*|\/)?$/.test(t.slice(ref.end)) ? ref.id : undefined;
}

/**
 * The paper's arXiv abstract page, when its arXiv id is known.
 *
 * @example
 * arxivUrl({ arxiv: '2502.07864' }) // => 'https://arxiv.org/abs/2502.07864'
 */
export function arxivUrl(paper: { arxiv?: string | undefined }): string | undefined {
  return paper.arxiv === undefined ? undefined : `https://arxiv.org/abs/${paper.arxiv}`;
}

/**
 * The papers by arXiv id, for finding the paper behind a link.
 *
 * @example
 * papersByArxiv(corpus.papers).get('2205.13213')?.id // => 'fast-vision-transformers-with-hilo-attention'
 */
export function papersByArxiv<P extends { arxiv?: string | undefined }>(papers: readonly P[]): Map<string, P> {
  const out = new Map<string, P>();
  for (const p of papers) if (p.arxiv !== undefined) out.set(p.arxiv, p);
  return out;
}
