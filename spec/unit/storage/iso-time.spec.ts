import { isoSeconds, parseIsoTime } from 'gren-ts';
import { isoMicros } from '../../../lib/src/storage/iso-time';

describe('isoSeconds', () => {
  describe('when formatting a time with milliseconds', () => {
    it('should give UTC to the second with an explicit +00:00 offset, no fraction and no Z', () => {
      expect(isoSeconds(new Date('2026-11-26T04:19:13.999Z'))).toBe('2026-11-26T04:19:13+00:00');
      expect(isoSeconds(new Date('2025-01-01T23:59:59.001+05:00'))).toBe('2025-01-01T18:59:59+00:00');
    });
  });
});

describe('isoMicros', () => {
  describe('when formatting a metadata timestamp', () => {
    it('should give six fractional digits and the offset', () => {
      expect(isoMicros(new Date('2026-11-26T04:19:13.070Z'))).toBe('2026-11-26T04:19:13.070000+00:00');
    });
  });
});

describe('parseIsoTime', () => {
  describe('when the text carries a zone', () => {
    it.each([
      ['2026-11-26T04:19:13+00:00', Date.UTC(2026, 10, 26, 4, 19, 13)],
      ['2026-11-26T04:19:13Z', Date.UTC(2026, 10, 26, 4, 19, 13)],
      ['2026-11-26T06:19:13+02:00', Date.UTC(2026, 10, 26, 4, 19, 13)],
      ['2026-11-26T04:19:13.070669+00:00', Date.UTC(2026, 10, 26, 4, 19, 13, 70)],
    ])('should parse %s', (text, expected) => {
      expect(parseIsoTime(text)).toBe(expected);
    });
  });

  describe('when the text has no zone', () => {
    it('should read it as UTC', () => {
      expect(parseIsoTime('2026-11-26T04:19:13')).toBe(Date.UTC(2026, 10, 26, 4, 19, 13));
    });
  });

  describe('when the text is not a time', () => {
    it('should give NaN', () => {
      expect(parseIsoTime('soon')).toBeNaN();
    });
  });

  describe('when a written time is read back', () => {
    it('should give the same second', () => {
      const now = new Date('2026-11-26T04:19:13.456Z');

      expect(parseIsoTime(isoSeconds(now))).toBe(Date.UTC(2026, 10, 26, 4, 19, 13));
    });
  });
});
