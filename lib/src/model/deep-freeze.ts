import { isPlainObject } from './is-plain-object';

/** Freezes arrays and plain objects inside a field value, so a memoized hash stays true. */
export function deepFreeze(value: unknown): void {
  if (Array.isArray(value)) {
    if (Object.isFrozen(value)) return;
    Object.freeze(value);
    for (const item of value) deepFreeze(item);
  } else if (isPlainObject(value)) {
    if (Object.isFrozen(value)) return;
    Object.freeze(value);
    for (const key in value) deepFreeze(value[key]);
  }
}
