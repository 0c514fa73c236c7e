/**
 * Sorting by Unicode code point, as Python sorts strings. JavaScript compares UTF-16 units,
 * which disagrees only when a surrogate (an astral character) meets U+E000..U+FFFF; the
 * unit remapping below restores code-point order in that case.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

const SURROGATE = /[\ud800-\udfff]/;

/**
 * Sorts strings in place by code point; the native sort suffices for BMP-only keys. Keys that
 * are already in order (most objects are written that way) are not sorted again.
 */
export function sortByCodePoint(keys: string[]): string[] {
  if (keys.length < 2) return keys;
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  if (keys.some((key) => SURROGATE.test(key))) keys.sort(compareCodePoints);
  return keys;
}
