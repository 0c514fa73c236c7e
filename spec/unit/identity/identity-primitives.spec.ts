import { PreciseDate } from '@google-cloud/precise-date';
import * as fc from 'fast-check';
import { compareCodePoints, sortByCodePoint } from '../../../lib/src/identity/code-point-order';
import { formatUtcMicros, utcFields } from '../../../lib/src/identity/format-datetime';
import { pythonFloatRepr } from '../../../lib/src/identity/python-float';

const FIRST_MS = new Date('0001-01-01T00:00:00.000Z').getTime();
const LAST_MS = new Date('9999-12-31T23:59:59.999Z').getTime();

/** Python's ordering of strings: by code point. */
function byCodePointReference(a: string, b: string): number {
  const x = Array.from(a, (char) => char.codePointAt(0) as number);
  const y = Array.from(b, (char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

describe('formatUtcMicros', () => {
  describe('when formatting any date Python can hold', () => {
    it('should agree with toISOString, with microseconds and +00:00', () => {
      fc.assert(
        fc.property(fc.integer({ min: FIRST_MS, max: LAST_MS }), (ms) => {
          const iso = new Date(ms).toISOString();

          expect(formatUtcMicros(new Date(ms))).toBe(`${iso.slice(0, 23)}000+00:00`);
        }),
        { numRuns: 2000 },
      );
    });

    it('should add the microseconds of a PreciseDate', () => {
      fc.assert(
        fc.property(fc.integer({ min: FIRST_MS, max: LAST_MS }), fc.integer({ min: 0, max: 999 }), (ms, micros) => {
          const date = new PreciseDate(ms);
          date.setMicroseconds(micros);

          expect(formatUtcMicros(date)).toBe(
            `${new Date(ms).toISOString().slice(0, 23)}${String(micros).padStart(3, '0')}+00:00`,
          );
        }),
        { numRuns: 500 },
      );
    });

    it.each([
      ['0001-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000000+00:00'],
      ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999000+00:00'],
      ['1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000000+00:00'],
      ['1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999000+00:00'],
      ['2000-02-29T12:00:00.000Z', '2000-02-29T12:00:00.000000+00:00'],
      ['2100-03-01T00:00:00.000Z', '2100-03-01T00:00:00.000000+00:00'],
    ])('should write the boundary %s', (iso, text) => {
      expect(formatUtcMicros(new Date(iso))).toBe(text);
    });
  });

  describe('when the date is outside what Python holds', () => {
    it.each([
      ['year 0', FIRST_MS - 1],
      ['year 10000', LAST_MS + 1],
      ['a negative year', Date.UTC(-5, 0, 1)],
    ])('should reject %s', (_label, ms) => {
      expect(utcFields(new Date(ms))).toBeUndefined();
      expect(() => formatUtcMicros(new Date(ms))).toThrow(/outside 0001\.\.9999/);
    });

    it('should reject an invalid date', () => {
      expect(() => formatUtcMicros(new Date(Number.NaN))).toThrow(RangeError);
    });
  });
});

describe('pythonFloatRepr', () => {
  describe('when given any finite double', () => {
    it('should round-trip and use the shape Python repr uses', () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
          const repr = pythonFloatRepr(value);

          expect(Object.is(Number(repr), value)).toBe(true);
          expect(repr).toMatch(/^-?(\d+\.\d+|\d(\.\d+)?e[+-]\d{2,3})$/);
          expect(pythonFloatRepr(value)).toBe(repr);
        }),
        { numRuns: 5000 },
      );
    });

    it('should switch to exponent form below 1e-4 and from 1e16, as Python does', () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
          const magnitude = Math.abs(value);
          const exponential = pythonFloatRepr(value).includes('e');

          expect(exponential).toBe(magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e16));
        }),
        { numRuns: 5000 },
      );
    });
  });

  describe('when results are cached', () => {
    it('should keep -0.0 and 0.0 apart', () => {
      expect(pythonFloatRepr(0)).toBe('0.0');
      expect(pythonFloatRepr(-0)).toBe('-0.0');
      expect(pythonFloatRepr(0)).toBe('0.0');
    });

    it('should stay correct after the cache fills up and is cleared', () => {
      for (let i = 1; i <= 10_000; i++)
        expect(pythonFloatRepr(i / 7)).toBe(String(i / 7).includes('.') ? String(i / 7) : `${i / 7}.0`);
      expect(pythonFloatRepr(1e-5)).toBe('1e-05');
    });
  });
});

describe('sortByCodePoint', () => {
  describe('when given any strings', () => {
    it('should order them as Python does, whether or not they were in order', () => {
      fc.assert(
        fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 12 }), (keys) => {
          const expected = [...keys].sort(byCodePointReference);

          expect(sortByCodePoint([...keys])).toEqual(expected);
          expect(sortByCodePoint([...expected])).toEqual(expected);
        }),
        { numRuns: 2000 },
      );
    });

    it('should agree with compareCodePoints', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
          expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePointReference(a, b)));
        }),
        { numRuns: 2000 },
      );
    });
  });
});
