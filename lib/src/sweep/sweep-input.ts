import { GrenError } from '../errors/gren-error';
import { describeValue } from '../errors/describe-value';
import { GrenObject } from '../model/gren-object';

/** What a sweep accepts: an array, a `GrenList` class (iterable) or any iterable of configs. */
export type SweepInput = Iterable<GrenObject<unknown>> | { [Symbol.iterator](): Iterator<GrenObject<unknown>> };

/** The configs of `input`, in order; anything that is not a GrenObject is a clear error. */
export function collectConfigs(input: SweepInput): GrenObject<unknown>[] {
  if (
    input === null ||
    input === undefined ||
    typeof (input as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function'
  ) {
    throw new GrenError(
      'SWEEP_INPUT',
      `runAll(configs) needs an array, a GrenList class or an iterable of gren configs; got ${describeValue(input)}.`,
    );
  }
  const configs: GrenObject<unknown>[] = [];
  let index = 0;
  for (const item of input as Iterable<unknown>) {
    if (!(item instanceof GrenObject)) {
      throw new GrenError(
        'SWEEP_INPUT',
        `runAll(configs): entry ${index} is ${describeValue(item)}, not a GrenObject. Pass configs built from @Gren() classes that extend GrenObject.`,
      );
    }
    configs.push(item as GrenObject<unknown>);
    index += 1;
  }
  return configs;
}
