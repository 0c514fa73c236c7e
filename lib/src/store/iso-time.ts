import { parseIsoTime } from '../storage/iso-time';

export { isoSeconds, parseIsoTime } from '../storage/iso-time';

/** Milliseconds since the epoch of a stored time, or null (absent or unparsable). */
export function timeMs(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  // What gren writes ends in +00:00, which Date.parse takes as it is.
  const value = text.endsWith('+00:00') ? Date.parse(text) : parseIsoTime(text);
  return Number.isNaN(value) ? null : value;
}
