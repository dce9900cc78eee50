/**
 * What the ranking (engine.ts) keeps while one query runs: the best hits
 * so far, and sets of papers, each built so that a keystroke allocates
 * little and its loops stay small.
 */

/** A hit while the ranking runs: its corpus position, for the terms it matched. */
export interface Ranked<P> {
  paper: P;
  score: number;
  doc: number;
}

/**
 * A set of papers (corpus positions) that one query at a time uses: a stamp
 * per paper, so that starting over costs nothing, and its members in the
 * order they were added.
 */
export class DocSet {
  private readonly stamps: Int32Array;
  private stamp = 1;
  readonly docs: number[] = [];

  constructor(n: number) {
    this.stamps = new Int32Array(n);
  }

  get size(): number {
    return this.docs.length;
  }

  clear(): void {
    this.docs.length = 0;
    if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  add(doc: number): void {
    if (this.stamps[doc] === this.stamp) return;
    this.stamps[doc] = this.stamp;
    this.docs.push(doc);
  }

  has(doc: number): boolean {
    return this.stamps[doc] === this.stamp;
  }
}

/** Whether a hit with this score and id ranks before `h`: by score, then by id (in code-unit order: no locale, only a stable order). */
const ranksBefore = (score: number, id: string, h: Ranked<{ id: string }>): boolean => score > h.score || (score === h.score && id < h.paper.id);

/**
 * The best `limit` hits offered: a heap with the worst of them on top, so
 * an offer costs a comparison with it (and a few more when it gets in), and
 * only the `limit` kept are sorted at the end. {@link excludes} says when a
 * paper cannot make the top.
 */
export class TopHits<P extends { id: string }> {
  /** The hits kept, each ranked before its parent: the worst at 0. */
  private readonly heap: Ranked<P>[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a paper that scores at most `most` cannot make the top. */
  excludes(most: number): boolean {
    return this.heap.length >= this.limit && most < (this.heap[0] as Ranked<P>).score;
  }

  offer(paper: P, score: number, doc: number): void {
    const { heap } = this;
    if (heap.length < this.limit) {
      heap.push({ paper, score, doc });
      this.up(heap.length - 1);
    } else if (ranksBefore(score, paper.id, heap[0] as Ranked<P>)) {
      // Many papers can tie with the worst kept (a journal name thousands of entries share): a tie goes to the smaller id.
      heap[0] = { paper, score, doc };
      this.down(0);
    }
  }

  /** The best `limit` hits, best first: the worst taken off the heap first, into the last place. */
  best(): Ranked<P>[] {
    const { heap } = this;
    const out = new Array<Ranked<P>>(heap.length);
    for (let k = heap.length - 1; k >= 0; k--) {
      out[k] = heap[0] as Ranked<P>;
      const last = heap.pop() as Ranked<P>;
      if (k > 0) {
        heap[0] = last;
        this.down(0);
      }
    }
    return out;
  }

  private up(at: number): void {
    const { heap } = this;
    const hit = heap[at] as Ranked<P>;
    let i = at;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as Ranked<P>;
      if (!ranksBefore(p.score, p.paper.id, hit)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = hit;
  }

  private down(at: number): void {
    const { heap } = this;
    const n = heap.length;
    const hit = heap[at] as Ranked<P>;
    let i = at;
    for (;;) {
      let worst = 2 * i + 1;
      if (worst >= n) break;
      const r = worst + 1;
      if (r < n) {
        const right = heap[r] as Ranked<P>;
        if (ranksBefore((heap[worst] as Ranked<P>).score, (heap[worst] as Ranked<P>).paper.id, right)) worst = r;
      }
      const w = heap[worst] as Ranked<P>;
      if (!ranksBefore(hit.score, hit.paper.id, w)) break;
      heap[i] = w;
      i = worst;
    }
    heap[i] = hit;
  }
}
