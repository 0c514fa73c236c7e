/** A Date that also carries microseconds, as @google-cloud/precise-date's PreciseDate does. */
interface MicrosecondDate extends Date {
  getMicroseconds(): number;
}

function hasMicroseconds(date: Date): date is MicrosecondDate {
  return typeof (date as Partial<MicrosecondDate>).getMicroseconds === 'function';
}

const MS_PER_DAY = 86_400_000;
const fields = new Int32Array(7);

/**
 * The UTC year, month, day, hour, minute, second and microsecond of a date, or undefined when
 * the year is outside 1..9999 (Python datetimes hold no others). Computed arithmetically
 * (days to civil date, H. Hinnant's algorithm): toISOString costs more than the rest of a
 * config's canonical JSON. The result is a shared array, overwritten by the next call.
 */
export function utcFields(date: Date): Int32Array | undefined {
  const time = Date.prototype.getTime.call(date);
  if (Number.isNaN(time)) return undefined;
  const days = Math.floor(time / MS_PER_DAY);
  const msOfDay = time - days * MS_PER_DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) return undefined;
  const seconds = Math.floor(msOfDay / 1000);
  fields[0] = year;
  fields[1] = month;
  fields[2] = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  fields[3] = Math.floor(seconds / 3600);
  fields[4] = Math.floor(seconds / 60) % 60;
  fields[5] = seconds % 60;
  fields[6] = (msOfDay - seconds * 1000) * 1000 + (hasMicroseconds(date) ? date.getMicroseconds() : 0);
  return fields;
}

/**
 * `2025-01-02T03:04:05.123456+00:00`: UTC with microseconds, as Python's isoformat() writes it.
 * Throws a RangeError for an invalid date or a year outside 0001..9999.
 */
export function formatUtcMicros(date: Date): string {
  const parts = utcFields(date);
  if (parts === undefined) {
    if (Number.isNaN(Date.prototype.getTime.call(date))) throw new RangeError('Invalid Date');
    throw new RangeError(`the year of ${Date.prototype.toISOString.call(date)} is outside 0001..9999`);
  }
  const [year, month, day, hour, minute, second, micros] = parts as unknown as number[];
  return (
    `${pad(year as number, 4)}-${pad(month as number, 2)}-${pad(day as number, 2)}T${pad(hour as number, 2)}:` +
    `${pad(minute as number, 2)}:${pad(second as number, 2)}.${pad(micros as number, 6)}+00:00`
  );
}

function pad(value: number, width: number): string {
  const text = String(value);
  return text.length >= width ? text : '0'.repeat(width - text.length) + text;
}
