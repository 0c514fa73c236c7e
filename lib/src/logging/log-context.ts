import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The stack of artifacts whose computation is running in the current async context (the
 * "holders"): records go to the top holder's `.gren/gren.log`. Async continuations inherit
 * it; each concurrent computation has its own.
 */
const holders = new AsyncLocalStorage<readonly string[]>();

export function runWithHolder<R>(artifactDir: string, fn: () => R): R {
  const stack = holders.getStore() ?? [];
  return holders.run([...stack, artifactDir], fn);
}

/** The artifact directory currently computing, if any. */
export function currentHolder(): string | undefined {
  const stack = holders.getStore();
  return stack?.[stack.length - 1];
}
