/**
 * Conversions between the value of an `<input type="datetime-local">` (wall-clock time in the
 * browser's zone, no offset) and an unambiguous UTC ISO-8601 instant. The reference dashboard
 * sent the local value naively, so the server read it as UTC.
 */
const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** `2026-03-01T10:30` (local) → `2026-03-01T09:30:00.000Z` in UTC+1; null when not a valid value. */
export function localInputToUtcIso(value: string): string | null {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) {
    return null;
  }
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? 0 : Number(part))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  const date = new Date(year, month - 1, day, hour, minute, second, millis);
  // Date rolls impossible dates over (Feb 31 → Mar 3): reject them instead. An hour skipped by
  // a daylight-saving jump is kept (the browser lets people pick it) and moves forward.
  if (date.getMonth() !== month - 1 || date.getDate() !== day || hour > 23 || minute > 59) {
    return null;
  }
  return date.toISOString();
}

/** A UTC (or offset) ISO instant → the local `datetime-local` value; null when unparsable. */
export function utcIsoToLocalInput(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  const minutes = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return date.getSeconds() === 0 ? minutes : `${minutes}:${pad(date.getSeconds())}`;
}
