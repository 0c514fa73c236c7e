import { GrenCliError } from '../../../lib/src/cli/cli-error';
import { humanSize } from '../../../lib/src/cli/format/human-size';
import { textTable } from '../../../lib/src/cli/format/text-table';
import { parseDuration } from '../../../lib/src/cli/gc/parse-duration';
import { parseSize } from '../../../lib/src/cli/gc/parse-size';
import { expectError } from '../errors/expect-error';

describe(parseDuration, () => {
  it.each([
    ['30d', 30 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['1d12h', 36 * 3_600_000],
    ['90m', 90 * 60_000],
    ['45s', 45_000],
    ['2w', 14 * 86_400_000],
    ['7', 7 * 86_400_000],
    ['0s', 0],
  ])('should read %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '3x', 'd', '1d 2h', '-1d'])('should reject %p as a usage error', (text) => {
    const error = expectError(() => parseDuration(text), GrenCliError, 'Invalid duration', '30d');
    expect(error).toMatchObject({ code: 'CLI_USAGE', exitCode: 2 });
  });
});

describe(parseSize, () => {
  it.each([
    ['1234', 1234],
    ['10K', 10 * 1024],
    ['10KiB', 10 * 1024],
    ['500M', 500 * 1024 ** 2],
    ['50G', 50 * 1024 ** 3],
    ['2GB', 2 * 1024 ** 3],
    ['1.5T', 1.5 * 1024 ** 4],
  ])('should read %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'G', '5X', '-1G'])('should reject %p as a usage error', (text) => {
    expect(expectError(() => parseSize(text), GrenCliError, 'Invalid size', '50G')).toMatchObject({ exitCode: 2 });
  });
});

describe(humanSize, () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [50 * 1024 ** 3, '50.0 GiB'],
  ])('should print %d bytes as %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });
});

describe(textTable, () => {
  it('should align columns and trim trailing spaces', () => {
    expect(
      textTable(
        ['A', 'BB'],
        [
          ['xxx', 'y'],
          ['z', ''],
        ],
      ),
    ).toEqual(['A    BB', 'xxx  y', 'z']);
  });
});
