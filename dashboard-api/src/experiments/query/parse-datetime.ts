import { DashboardError } from '../../common/errors/dashboard-error';

const ISO_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Milliseconds since the epoch of an ISO 8601 datetime query value; a value without an offset
 * means UTC (as the reference). A `+` that a client forgot to encode arrives as a space and is
 * taken back. Anything else, including dates that do not exist, is a 422 naming the parameter.
 */
export function parseDatetimeParam(name: string, raw: string): number {
  const text = raw.trim().replace(/(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$/, '$1+$2');
  const match = ISO_PATTERN.exec(text);
  if (!match) {
    throw DashboardError.invalidParameter(
      name,
      `"${raw}" is not an ISO 8601 datetime (for example 2026-01-31T12:00:00+00:00)`,
    );
  }
  const [, date, time, fraction, zone] = match;
  const clock = time === undefined ? '00:00:00' : time.length === 5 ? `${time}:00` : time;
  const millis = fraction === undefined ? '' : fraction.slice(0, 4).padEnd(4, '0');
  const offset = zone === undefined || zone === 'z' ? 'Z' : normalizeOffset(zone);
  const value = Date.parse(`${date}T${clock}${millis}${offset}`);
  const [year, month, day] = (date ?? '').split('-').map(Number);
  const check = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1));
  if (Number.isNaN(value) || check.getUTCDate() !== day || check.getUTCMonth() !== (month ?? 1) - 1) {
    throw DashboardError.invalidParameter(name, `"${raw}" is not a valid date and time`);
  }
  return value;
}

function normalizeOffset(zone: string): string {
  if (zone === 'Z') return zone;
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}
