import { useTimeZone } from '../../../testing/time-zone';
import { localInputToUtcIso, utcIsoToLocalInput } from './local-datetime';

describe('local-datetime', () => {
  describe('when the browser is in UTC+05:30', () => {
    useTimeZone('Asia/Kolkata');

    it('should convert a local datetime-local value to the UTC instant', () => {
      expect(localInputToUtcIso('2026-03-01T10:30')).toBe('2026-03-01T05:00:00.000Z');
    });

    it('should keep seconds when the input carries them', () => {
      expect(localInputToUtcIso('2026-03-01T10:30:15')).toBe('2026-03-01T05:00:15.000Z');
    });

    it('should turn a UTC instant back into the local input value', () => {
      expect(utcIsoToLocalInput('2026-03-01T05:00:00.000Z')).toBe('2026-03-01T10:30');
      expect(utcIsoToLocalInput('2026-03-01T05:00:15Z')).toBe('2026-03-01T10:30:15');
    });
  });

  describe('when the browser is in New York during daylight saving time', () => {
    useTimeZone('America/New_York');

    it('should apply the summer offset', () => {
      expect(localInputToUtcIso('2026-07-01T08:00')).toBe('2026-07-01T12:00:00.000Z');
    });
  });

  describe('when the value is not a valid datetime-local value', () => {
    it('should answer null', () => {
      expect(localInputToUtcIso('')).toBeNull();
      expect(localInputToUtcIso('yesterday')).toBeNull();
      expect(localInputToUtcIso('2026-02-31T10:00')).toBeNull();
      expect(utcIsoToLocalInput('not a date')).toBeNull();
    });
  });

  it('should round-trip any minute-precision value', () => {
    for (const value of ['2026-01-01T00:00', '2026-10-25T02:30', '2026-12-31T23:59']) {
      expect(utcIsoToLocalInput(localInputToUtcIso(value)!)).toBe(value);
    }
  });
});
