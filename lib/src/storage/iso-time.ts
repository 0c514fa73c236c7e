/** `2025-01-01T12:00:00+00:00`: UTC to the second, as every gren state, event and lock time. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** `2026-11-26T04:19:13.070000+00:00`: UTC with microseconds, as metadata timestamps. */
export function isoMicros(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000+00:00`;
}

/** Milliseconds since the epoch of any ISO form (no zone means UTC), or NaN. */
export function parseIsoTime(text: string): number {
  const hasZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(text);
  return Date.parse(hasZone ? text : `${text}Z`);
}
