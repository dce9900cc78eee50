/**
 * Work cut into slices: a generator that yields (with no value) wherever it
 * may pause. The same generator runs at once in the CLI and tests
 * ({@link runNow}) and, in the extension host, a few milliseconds at a time
 * with a turn of the event loop between slices ({@link runSliced}), so that
 * reading a 90,000-entry bibliography never blocks the host.
 */
export type Sliced<T> = Generator<void, T, void>;

/** What a sliced run measured. */
export interface SliceStats {
  /** The longest stretch without giving the event loop a turn, in ms. */
  longestSliceMs: number;
  /** How many turns it gave. */
  yields: number;
}

/**
 * Runs sliced work to the end, synchronously.
 *
 * @example
 * runNow(indexBibSteps(text)).entries.length
 */
export function runNow<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs sliced work, giving the event loop a turn whenever a slice has run
 * for `sliceMs` (default 8 ms).
 *
 * @example
 * const index = await runSliced(indexBibSteps(doc.getText()));
 */
export async function runSliced<T>(work: Sliced<T>, opts: { sliceMs?: number; stats?: SliceStats } = {}): Promise<T> {
  const sliceMs = opts.sliceMs ?? 8;
  let start = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) {
      if (opts.stats) opts.stats.longestSliceMs = Math.max(opts.stats.longestSliceMs, performance.now() - start);
      return step.value;
    }
    const ran = performance.now() - start;
    if (ran < sliceMs) continue;
    if (opts.stats) {
      opts.stats.longestSliceMs = Math.max(opts.stats.longestSliceMs, ran);
      opts.stats.yields++;
    }
    await turn();
    start = performance.now();
  }
}

/**
 * Lets the event loop run what is waiting (I/O, messages, timers), then
 * resumes: setImmediate where there is one (Node, the extension host), a
 * zero timeout elsewhere (browsers and web workers clamp it to a few ms).
 */
export function turn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  return new Promise<void>((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
