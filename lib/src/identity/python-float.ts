/**
 * Python's `repr(float)`: the shortest round-tripping digits (the same digits JavaScript
 * picks), in fixed notation with at least one decimal (`1.0`) when the decimal exponent is
 * in [-4, 16), otherwise `d.ddde±XX` with at least two exponent digits (`1e-05`, `1e+16`).
 * The caller guarantees a finite number.
 */
export function pythonFloatRepr(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const cached = reprCache.get(value);
  if (cached !== undefined) return cached;
  const text = computeRepr(value);
  if (reprCache.size >= REPR_CACHE_LIMIT) reprCache.clear();
  reprCache.set(value, text);
  return text;
}

/**
 * Number-to-shortest-digits conversion is the costliest step of canonical JSON, and configs
 * repeat their float values (learning rates, scales): recent results are kept, up to a limit.
 */
const REPR_CACHE_LIMIT = 4096;
const reprCache = new Map<number, string>();

function computeRepr(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e16) {
    const text = String(value);
    return Number.isInteger(value) ? `${text}.0` : text;
  }
  const exponential = value.toExponential();
  const split = exponential.indexOf('e');
  const mantissa = exponential.slice(0, split);
  const exponent = Number(exponential.slice(split + 1));
  const digits = Math.abs(exponent);
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${digits < 10 ? '0' : ''}${digits}`;
}
