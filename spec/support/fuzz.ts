import type { Parameters } from 'fast-check';

/**
 * The seed of this run's fuzz properties: GREN_FUZZ_SEED when set (to replay a failure),
 * otherwise the UTC date as YYYYMMDD. So every suite and jest worker of a run uses the same
 * seed, a rerun the same day replays it exactly, and each day explores new inputs. Each suite
 * prints it.
 */
export const FUZZ_SEED: number = resolveSeed();

const announced = new Set<string>();

/**
 * fast-check parameters for one property: the run's seed, `numRuns` runs, and the failing
 * counterexample in the error. Prints `fuzz <label>: seed …, N runs` on stderr the first time.
 */
export function fuzzParameters<T>(label: string, numRuns: number): Parameters<T> {
  if (!announced.has(label)) {
    announced.add(label);
    process.stderr.write(
      `fuzz ${label}: seed ${FUZZ_SEED}, ${numRuns} runs (replay with GREN_FUZZ_SEED=${FUZZ_SEED})\n`,
    );
  }
  return { seed: FUZZ_SEED, numRuns, verbose: 1 };
}

function resolveSeed(): number {
  const given = process.env.GREN_FUZZ_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`GREN_FUZZ_SEED must be an integer, not ${given}`);
    return seed | 0;
  }
  const today = new Date();
  return today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
}
