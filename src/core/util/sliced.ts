/**
 * Work cut into slices: a generator that yields (with no value) wherever it
 * may pause. The same generator runs at once in the CLI and tests
 * ({@link runNow}) and, in the extension host, a few milliseconds at a time
 * with a turn of the event loop between slices ({@link runSliced}), so that
 * reading a 90,000-entry bibliography or loading 100,000 papers never
 * blocks the host. This is the one driver and the one slice clock for all
 * such work.
 */
export type Sliced<T> = Generator<void, T, void>;

/**
 * Sliced work that may also wait: where it needs something still on its way
 * (a file being read), it yields a promise, and {@link runSliced} resumes it
 * once the promise has settled, either way; the work reads the outcome
 * itself. The wait is not part of a slice. Work that never waits is
 * {@link Sliced} and runs with {@link runNow} too.
 */
export type SlicedWaiting<T> = Generator<void | Promise<unknown>, T, void>;

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

const settle = (): void => undefined;

/**
 * Runs sliced work, giving the event loop a turn whenever a slice has run
 * for `sliceMs` (default 8 ms), and waiting where the work waits.
 *
 * @example
 * const index = await runSliced(indexBibSteps(doc.getText()));
 */
export async function runSliced<T>(work: SlicedWaiting<T>, opts: { sliceMs?: number; stats?: SliceStats } = {}): Promise<T> {
  const sliceMs = opts.sliceMs ?? 8;
  const stats = opts.stats;
  const ended = (ran: number): void => {
    if (stats) stats.longestSliceMs = Math.max(stats.longestSliceMs, ran);
  };
  let start = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) {
      ended(performance.now() - start);
      return step.value;
    }
    const ran = performance.now() - start;
    if (step.value !== undefined) {
      // Waiting for I/O: the slice ends here, and the wait is not part of the next one.
      ended(ran);
      await step.value.then(settle, settle);
      start = performance.now();
      continue;
    }
    if (ran < sliceMs) continue;
    ended(ran);
    if (stats) stats.yields++;
    await turn();
    start = performance.now();
  }
}

/**
 * Lets the event loop run what is waiting (I/O, messages, timers), then
 * resumes: setImmediate where there is one (Node, the extension host), a
 * zero timeout elsewhere (browsers and web workers clamp it to a few ms).
 *
 * @example
 * await turn(); // pending I/O callbacks and messages have run
 */
export function turn(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (f: () => void) => unknown }).setImmediate;
  return new Promise<void>((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
