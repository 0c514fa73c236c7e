import fc from 'fast-check';
import { hasLongDigitRun } from './artifact-reader';

describe(hasLongDigitRun, () => {
  it('should tell what /\\d{16,}/ tells, wherever the run starts', () => {
    const pattern = /\d{16,}/;
    for (let length = 0; length <= 40; length += 1) {
      for (let at = 0; at <= 40; at += 1) {
        const text = `${'x'.repeat(at)}${'7'.repeat(length)}${'y'.repeat(40 - at)}`;
        expect([text, hasLongDigitRun(text)]).toEqual([text, pattern.test(text)]);
      }
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a.\-\s"é٣]{0,80}$/), (text) => {
        expect(hasLongDigitRun(text)).toBe(pattern.test(text));
      }),
      { numRuns: 2000 },
    );
    expect(hasLongDigitRun('{"big": 12345678901234567}')).toBe(true);
    expect(hasLongDigitRun('{"n": 123456789012345, "m": 1}')).toBe(false);
  });
});
