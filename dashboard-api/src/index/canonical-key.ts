import { hash } from 'node:crypto';

/**
 * Canonical JSON of a config value: keys sorted, numbers as JavaScript prints them (so 1.0 and
 * 1 are equal, as in Python's `==`), integers beyond 2^53 (bigint) as their digits.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : `"${String(value)}"`;
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/** A short digest of canonical JSON (96 bits): equal configs, equal keys. */
export function digest(canonical: string): string {
  // The one-shot form: a third of createHash's cost (an index digests every config it holds).
  return hash('sha1', canonical, 'base64').slice(0, 16);
}
