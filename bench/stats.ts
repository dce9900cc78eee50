/** Order statistics of timing samples, in milliseconds. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * @example
 * summarize([3, 1, 2]) // => { n: 3, median: 2, p95: 3, min: 1, max: 3 }
 */
export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { n: s.length, median: at(0.5), p95: at(0.95), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/**
 * The distribution of per-item medians: each item (a keystroke, a hover) is
 * timed once per run, its median over the runs stands for it, and the
 * percentiles are taken over the items. A run disturbed by another process
 * then moves one sample of each item, not the percentiles.
 *
 * @example
 * itemMedians([[1, 5], [1, 1], [2, 2]]) // three runs of two items => [1, 2]
 */
export function itemMedians(perRun: readonly (readonly number[])[]): number[] {
  const items = perRun[0]?.length ?? 0;
  return Array.from({ length: items }, (_, i) => summarize(perRun.map((run) => run[i] ?? NaN)).median);
}

/** Runs fn `runs` times after `warmup` untimed runs; returns each run's milliseconds. */
export function time(fn: () => void, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** A plain-text table: first column left-aligned, the rest right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(w[i] ?? 0) : c.padStart(w[i] ?? 0))).join('  ');
  return [line(head), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(line)].join('\n');
}

/** Milliseconds with sensible precision. */
export const ms = (x: number): string => (!Number.isFinite(x) ? '-' : x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));

/** "min–max". */
export const spread = (s: Summary): string => `${ms(s.min)}–${ms(s.max)}`;

/** Megabytes. */
export const mb = (bytes: number): string => (bytes / 1e6 < 10 ? (bytes / 1e6).toFixed(2) : (bytes / 1e6).toFixed(1));

/** "3.1×". */
export const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×` : '-');
