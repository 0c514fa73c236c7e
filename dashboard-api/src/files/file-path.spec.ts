import { DashboardError } from '../common/errors/dashboard-error';
import { parseFilePath } from './file-path';

describe(parseFilePath, () => {
  it('should split a plain relative path', () => {
    expect(parseFilePath('plots/2026-01/loss curve.png')).toEqual(['plots', '2026-01', 'loss curve.png']);
    expect(parseFilePath('.hidden/notes.txt')).toEqual(['.hidden', 'notes.txt']);
  });

  it.each<[unknown, string]>([
    [undefined, 'path=<relative path>'],
    [['a', 'b'], 'once'],
    ['', 'path=<relative path>'],
    ['/etc/passwd', 'relative'],
    ['a/../../b', '".."'],
    ['a//b', 'empty'],
    ['./a', '"."'],
    ['a\\b', 'backslashes'],
    ['a\u0000b', 'NUL'],
    ['.gren/state.json', '.gren/'],
    ['x'.repeat(1025), '1024 characters'],
    [Array.from({ length: 33 }, () => 'd').join('/'), '32 folders'],
  ])('should refuse %p naming the path parameter', (raw, words) => {
    let error: unknown;
    try {
      parseFilePath(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DashboardError);
    expect((error as DashboardError).message).toMatch(/^Invalid path: /);
    expect((error as DashboardError).message).toContain(words);
  });
});
