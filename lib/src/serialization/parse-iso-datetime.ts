import { PreciseDate } from '@google-cloud/precise-date';

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses the ISO 8601 forms Python writes (`...Z`, `+02:00`, microseconds, naive = UTC).
 * Returns a plain Date, or a PreciseDate when the value has sub-millisecond digits, so
 * that the microseconds survive and the hash stays the same. Undefined when it is not ISO.
 */
export function parseIsoDatetime(text: string): Date | undefined {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
  const digits = fraction.padEnd(6, '0');
  const millis = Number(digits.slice(0, 3));
  const micros = Number(digits.slice(3, 6));
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    millis,
  );
  const time = utc - zoneOffsetMinutes(zone) * 60_000;
  if (Number.isNaN(time) || Number(month) > 12 || Number(day) > 31) return undefined;
  if (micros === 0) return new Date(time);
  const precise = new PreciseDate(time);
  precise.setMicroseconds(micros);
  return precise;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}
