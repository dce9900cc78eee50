import type { Parameters } from 'fast-check';

/**
 * How the property tests run. In CI and `npm test`: a fixed seed and a
 * modest number of runs per property, so a run is fast and a failure
 * reproduces exactly. Under `npm run fuzz` (PAPERLENS_FUZZ_RUNS set): many
 * more runs from a random seed, printed at the start so that a failure can
 * be replayed with PAPERLENS_FUZZ_SEED=<seed>. fast-check also prints the
 * seed and the shrunk counterexample of any failure.
 */

const envRuns = Number(process.env['PAPERLENS_FUZZ_RUNS'] ?? '');
const envSeed = process.env['PAPERLENS_FUZZ_SEED'];

/** Set when `npm run fuzz` (or PAPERLENS_FUZZ_RUNS) asks for a long run. */
export const FUZZING = Number.isInteger(envRuns) && envRuns > 0;

/** The seed every property in this run uses. */
export const FUZZ_SEED: number =
  envSeed !== undefined && envSeed !== '' ? Number(envSeed) : FUZZING ? (Math.random() * 2 ** 31) | 0 : 20_251_121;

if (FUZZING) console.log(`property tests: ${envRuns} runs per property, seed ${FUZZ_SEED} (replay with PAPERLENS_FUZZ_SEED=${FUZZ_SEED})`);

/**
 * fast-check parameters for one property: `ciRuns` runs with the fixed seed,
 * or the fuzz run's count (scaled by `fuzzShare` for expensive properties)
 * with its seed.
 */
export function fuzzParams(ciRuns: number, fuzzShare = 1): Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: FUZZING ? Math.max(ciRuns, Math.round(envRuns * fuzzShare)) : ciRuns };
}
