const MAX_LENGTH = 80;

/** A short, readable rendering of any value for error messages. Never throws. */
export function describeValue(value: unknown): string {
  try {
    return clip(render(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function render(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') {
    return value.name ? `function ${value.name}` : 'an anonymous function';
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()})`;
  const ctor = (value as { constructor?: { name?: string } }).constructor;
  if (ctor === Object || ctor === undefined) return JSON.stringify(value);
  return `an instance of ${ctor.name || 'an anonymous class'}`;
}

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
