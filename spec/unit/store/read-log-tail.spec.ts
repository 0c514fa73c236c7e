import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readLogTail } from 'gren-ts/store';

describe(readLogTail, () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-log-tail-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (text: string | Buffer): string => {
    const file = path.join(dir, 'gren.log');
    fs.writeFileSync(file, text);
    return file;
  };

  describe('when the log is short', () => {
    it('should return every line, oldest first, without the final newline', () => {
      expect(readLogTail(write('a\nb\nc\n'), 10)).toEqual({
        exists: true,
        sizeBytes: 6,
        lines: ['a', 'b', 'c'],
        truncated: false,
      });
    });

    it('should keep a last line without newline and strip CRLF', () => {
      expect(readLogTail(write('a\r\nb'), 10).lines).toEqual(['a', 'b']);
    });

    it('should give no lines for an empty file', () => {
      expect(readLogTail(write(''), 10)).toEqual({ exists: true, sizeBytes: 0, lines: [], truncated: false });
    });
  });

  describe('when the log has more lines than asked for', () => {
    it('should return the last ones and say it truncated', () => {
      const lines = Array.from({ length: 50_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)} é`);
      const tail = readLogTail(write(`${lines.join('\n')}\n`), 3);
      expect(tail.lines).toEqual(lines.slice(-3));
      expect(tail.truncated).toBe(true);
    });

    it('should not split a multi-byte character at a chunk boundary', () => {
      const lines = Array.from({ length: 30_000 }, (_, i) => `${i} ✓ ünïcödé`);
      expect(readLogTail(write(lines.join('\n')), 20_000).lines).toEqual(lines.slice(-20_000));
    });
  });

  describe('when there is no log', () => {
    it('should say it does not exist', () => {
      expect(readLogTail(path.join(dir, 'missing.log'), 5)).toEqual({
        exists: false,
        sizeBytes: 0,
        lines: [],
        truncated: false,
      });
    });
  });

  describe('when the log is a symbolic link (it could point outside the store)', () => {
    it('should not follow it', () => {
      const secret = path.join(dir, 'secret.txt');
      fs.writeFileSync(secret, 'password\n');
      const link = path.join(dir, 'gren.log');
      fs.symlinkSync(secret, link);
      expect(readLogTail(link, 5).exists).toBe(false);
    });
  });
});
