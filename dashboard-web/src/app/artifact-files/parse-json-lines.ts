/** At most this many lines of a JSONL file are shown as trees. */
export const MAX_JSON_LINES = 500;

export type JsonLine = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly text: string };

/** Each non-blank line parsed on its own; a line that is not JSON is kept as its text. */
export function parseJsonLines(text: string): { lines: JsonLine[]; lineCount: number } {
  const all = text.split('\n').filter((line) => line.trim() !== '');
  const lines = all.slice(0, MAX_JSON_LINES).map((line): JsonLine => {
    try {
      return { ok: true, value: JSON.parse(line) as unknown };
    } catch {
      return { ok: false, text: line };
    }
  });
  return { lines, lineCount: all.length };
}

/** The parsed JSON, or undefined when the text is not JSON. */
export function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
