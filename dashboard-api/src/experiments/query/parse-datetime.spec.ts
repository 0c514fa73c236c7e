import { DashboardError } from '../../common/errors/dashboard-error';
import { parseDatetimeParam } from './parse-datetime';

describe(parseDatetimeParam, () => {
  describe('when the value is an ISO 8601 datetime', () => {
    it.each([
      ['2026-01-02T03:04:05+00:00', Date.UTC(2026, 0, 2, 3, 4, 5)],
      ['2026-01-02T03:04:05Z', Date.UTC(2026, 0, 2, 3, 4, 5)],
      ['2026-01-02T03:04:05', Date.UTC(2026, 0, 2, 3, 4, 5)],
      ['2026-01-02 03:04', Date.UTC(2026, 0, 2, 3, 4)],
      ['2026-01-02', Date.UTC(2026, 0, 2)],
      ['2026-01-02T03:04:05.123456+00:00', Date.UTC(2026, 0, 2, 3, 4, 5, 123)],
      ['2026-01-02T05:04:05+02:00', Date.UTC(2026, 0, 2, 3, 4, 5)],
      ['2026-01-02T03:04:05 00:00', Date.UTC(2026, 0, 2, 3, 4, 5)],
    ])('should read %s (naive means UTC)', (raw, expected) => {
      expect(parseDatetimeParam('started_after', raw)).toBe(expected);
    });
  });

  describe('when the value is not a datetime', () => {
    it.each(['yesterday', '2026-13-01', '2026-02-30', '1', '2026-01-02T25:00:00'])(
      'should reject %s naming the parameter',
      (raw) => {
        expect(() => parseDatetimeParam('updated_before', raw)).toThrow(DashboardError);
        expect(() => parseDatetimeParam('updated_before', raw)).toThrow(/Invalid updated_before/);
      },
    );
  });
});
