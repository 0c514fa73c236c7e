/** Characters Python's json.dumps(ensure_ascii=True) escapes: control, quote, backslash, non-ASCII. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\uffff]/;

/** Characters JSON.stringify leaves as they are and Python's ensure_ascii escapes: DEL and non-ASCII. */
const NOT_ASCII = /[\u007f-\uffff]/g;

/**
 * A JSON string literal exactly as Python's json.dumps writes it with ensure_ascii=True.
 * JSON.stringify already escapes quotes, backslashes and control characters as Python does
 * (the same short forms, lowercase `\u00XX`, lone surrogates escaped); only DEL and
 * non-ASCII code units remain, written as `\uXXXX` (a pair stays two escapes, as in Python).
 * The native call is several times faster on long texts such as a git patch.
 */
export function pythonJsonString(text: string): string {
  // Most texts (keys, names, hashes, times) need no escape at all: the cheapest path.
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  return JSON.stringify(text).replace(NOT_ASCII, escapeCodeUnit);
}

function escapeCodeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
