import { FloatValue } from '../model/float';

/** Objects and arrays nested deeper than this are not written out (see writeJson). */
export const MAX_JSON_DEPTH = 256;
/** What stands in for a value nested deeper than MAX_JSON_DEPTH. */
export const TOO_DEEP = `<nested more than ${MAX_JSON_DEPTH} levels deep: not shown>`;

/**
 * JSON text for outputs (the dashboard API's responses, the `gren` CLI's `--json`), as the
 * Python gren's API writes them. Unlike JSON.stringify it keeps what gren's lossless metadata
 * reader produced: integers beyond 2^53 (bigint) are written with all their digits, and
 * Python floats (FloatValue) stay floats (`1.0`). NaN and infinities, which JSON cannot hold,
 * become null, as JSON.stringify does. A store file nested thousands of levels deep (no writer
 * makes one; a hostile or corrupt file can) would overflow the stack here and in the browser:
 * an object or array below MAX_JSON_DEPTH levels is written as the string TOO_DEEP instead.
 */
export function writeJson(value: unknown, indent = 0): string {
  const parts: string[] = [];
  write(value, parts, 0, indent > 0 ? ' '.repeat(indent) : '');
  return parts.join('');
}

/** The line break and indentation before an item `depth` levels deep ('' when compact). */
function breakAt(depth: number, unit: string): string {
  return unit ? `\n${unit.repeat(depth)}` : '';
}

function write(value: unknown, out: string[], depth: number, unit: string): void {
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
  if (depth >= MAX_JSON_DEPTH && !(value instanceof Date)) {
    out.push(JSON.stringify(TOO_DEEP));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (index > 0) out.push(',');
      out.push(breakAt(depth + 1, unit));
      write(item, out, depth + 1, unit);
    });
    out.push(value.length > 0 ? breakAt(depth, unit) : '', ']');
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
    out.push(breakAt(depth + 1, unit), JSON.stringify(key), unit ? ': ' : ':');
    write(item, out, depth + 1, unit);
  }
  out.push(first ? '' : breakAt(depth, unit), '}');
}

function floatText(number: number): string {
  if (!Number.isFinite(number)) return 'null';
  if (Object.is(number, -0)) return '-0.0';
  const text = String(number);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}
