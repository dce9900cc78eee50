import * as assert from 'node:assert/strict';
import { type Sliced, type SlicedWaiting, type SliceStats, runNow, runSliced } from '../../src/core/util/sliced';

/** The one driver for sliced work: at once, or in slices with turns of the event loop, waiting where the work waits. */
suite('sliced work', () => {
  function* count(n: number): Sliced<number> {
    let sum = 0;
    for (let i = 1; i <= n; i++) {
      sum += i;
      yield;
    }
    return sum;
  }

  test('runNow runs it to the end', () => {
    assert.equal(runNow(count(100)), 5050);
  });

  test('runSliced gives the event loop a turn when a slice has run its time', async () => {
    const stats: SliceStats = { longestSliceMs: 0, yields: 0 };
    let waiting = false;
    setImmediate(() => (waiting = true));
    function* watch(): Sliced<boolean> {
      yield* count(50);
      return waiting;
    }
    assert.equal(await runSliced(watch(), { sliceMs: 0, stats }), true, 'what was waiting ran between slices');
    assert.equal(stats.yields, 50);
  });

  test('a yielded promise is waited for, resolved or rejected; the wait is neither a turn nor part of a slice', async () => {
    const seen: string[] = [];
    function* waits(): SlicedWaiting<string> {
      const slow = new Promise<string>((resolve) => setTimeout(() => resolve('slow'), 40));
      void slow.then((v) => seen.push(v));
      yield slow;
      const failing = Promise.reject(new Error('gone'));
      failing.catch(() => seen.push('failed'));
      yield failing;
      return seen.join(',');
    }
    const stats: SliceStats = { longestSliceMs: 0, yields: 0 };
    assert.equal(await runSliced(waits(), { stats }), 'slow,failed');
    assert.equal(stats.yields, 0);
    assert.ok(stats.longestSliceMs < 40, `longest slice ${stats.longestSliceMs} ms`);
  });
});
