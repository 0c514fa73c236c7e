/** The error `action` throws; fails the test when it throws nothing. */
export function errorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`expected an Error, got ${String(error)}`);
  }
  throw new Error('expected the action to throw, but it returned normally');
}

/**
 * Runs `action` once and asserts that it throws an instance of `type` whose message holds
 * every key word (a string it contains, or a pattern it matches). Returns the error.
 */
export function expectError<E extends Error>(
  action: () => unknown,
  type: abstract new (...args: never[]) => E,
  ...words: (string | RegExp)[]
): E {
  const error = errorOf(action);
  expect(error).toBeInstanceOf(type);
  for (const word of words) {
    if (typeof word === 'string') expect(error.message).toContain(word);
    else expect(error.message).toMatch(word);
  }
  return error as E;
}
