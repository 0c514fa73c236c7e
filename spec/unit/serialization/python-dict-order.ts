/**
 * A JavaScript object lists integer-like keys ('9', '10') first, in numeric order, whatever
 * order they were written in; a Python dict keeps insertion order. The hash sorts keys, so
 * it is unaffected, but text that follows dict order (to_python) shows those keys first.
 * This rewrites the reference's text for the one dict of the fixtures that has such keys
 * (Collections.mapping) into the order a JavaScript object has.
 */
export function withIntegerKeysFirst(pythonText: string): string {
  return pythonText.replace(
    "'z': 1, 'a': 2, 'é': 3, 'Z': 4, 'ｚ': 5, '😀': 6, '10': 7, '9': 8",
    "'9': 8, '10': 7, 'z': 1, 'a': 2, 'é': 3, 'Z': 4, 'ｚ': 5, '😀': 6",
  );
}
