import { InvalidArgumentError } from 'commander';

/** A commander parser for a non-negative integer option (`--tail 50`, `--limit 3`). */
export function parseCount(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value))
    throw new InvalidArgumentError('expected a whole number (0 or more).');
  return value;
}
