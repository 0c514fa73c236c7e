import type { FieldType } from '../../metadata/field-type';
import { parseIsoDatetime } from '../../serialization/parse-iso-datetime';
import { parsePythonJson } from '../../serialization/python-json';

/**
 * A `--set` value for a field of this type: JSON when it parses (Python floats such as
 * `1.0` stay floats), else the text itself; a string field takes the text unless it is a
 * quoted JSON string; Date fields parse ISO 8601; bigint fields their digits.
 */
export function parseFieldValue(text: string, type: FieldType | undefined): unknown {
  switch (type?.kind) {
    case 'string':
      if (/^".*"$/s.test(text.trim())) {
        const parsed = tryJson(text.trim());
        return typeof parsed === 'string' ? parsed : text;
      }
      return text;
    case 'date':
      return parseIsoDatetime(text) ?? text;
    case 'bigint':
      return /^-?\d+$/.test(text.trim()) ? BigInt(text.trim()) : text;
    case 'number':
    case 'float': {
      const value = Number(text);
      return text.trim() !== '' && Number.isFinite(value) ? value : text;
    }
    default: {
      const parsed = tryJson(text);
      return parsed === NOT_JSON ? text : parsed;
    }
  }
}

const NOT_JSON = Symbol('not JSON');

function tryJson(text: string): unknown {
  try {
    return parsePythonJson(text);
  } catch {
    return NOT_JSON;
  }
}
