import { FloatValue } from 'gren';

/**
 * JSON text for API responses. Unlike JSON.stringify it keeps what gren's lossless metadata
 * reader produced: integers beyond 2^53 (bigint) are written with all their digits, and
 * Python floats (FloatValue) stay floats (`1.0`). NaN and infinities, which JSON cannot hold,
 * become null, as JSON.stringify does.
 */
export function writeJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      out.push(Number.isFinite(value) ? JSON.stringify(value) : 'null');
      return;
    case 'bigint':
      out.push(value.toString());
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'object':
      break;
    default:
      out.push('null');
      return;
  }
  if (value instanceof FloatValue) {
    out.push(floatText(value.value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (index > 0) out.push(',');
      write(item, out);
    });
    out.push(']');
    return;
  }
  if (value instanceof Date) {
    out.push(JSON.stringify(value.toISOString()));
    return;
  }
  const record = value as Record<string, unknown>;
  out.push('{');
  let first = true;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (item === undefined || typeof item === 'function') continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(item, out);
  }
  out.push('}');
}

function floatText(number: number): string {
  if (!Number.isFinite(number)) return 'null';
  if (Object.is(number, -0)) return '-0.0';
  const text = String(number);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}
