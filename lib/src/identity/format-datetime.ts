/** A Date that also carries microseconds, as @google-cloud/precise-date's PreciseDate does. */
interface MicrosecondDate extends Date {
  getMicroseconds(): number;
}

function hasMicroseconds(date: Date): date is MicrosecondDate {
  return typeof (date as Partial<MicrosecondDate>).getMicroseconds === 'function';
}

/** `2025-01-02T03:04:05.123456+00:00`: UTC with microseconds, as Python's isoformat() writes it. */
export function formatUtcMicros(date: Date): string {
  const iso = Date.prototype.toISOString.call(date);
  if (iso.length !== 24) throw new RangeError(`the year of ${iso} is outside 0001..9999`);
  const micros = hasMicroseconds(date) ? date.getMicroseconds() : 0;
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}+00:00`;
}
