import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileSink } from '../../../lib/src/logging/file-sink';
import type { LogRecord } from '../../../lib/src/logging/log-record';

const TIME = new Date('2026-11-26T04:19:13.500Z');

function record(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    level: 'DEBUG',
    logger: 'gren',
    message: '_create: begin Leaf abc /x',
    time: TIME,
    location: { file: '/lib/dist/runtime/run-attempt.js', line: 40 },
    ...overrides,
  };
}

describe('FileSink', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-file-sink-'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('when a record is written', () => {
    it('should append `<iso> [LEVEL] <logger> <file>:<line> <message>` to gren.log, creating the folder', () => {
      const logDir = path.join(dir, 'art', '.gren');
      const sink = new FileSink();

      sink.raw('------------------', logDir);
      sink.emit(record(), logDir);
      sink.emit(
        record({
          level: 'INFO',
          logger: 'my_project',
          message: 'parent before',
          location: { file: '/p/pipelines.ts', line: 54 },
        }),
        logDir,
      );

      expect(fs.readFileSync(path.join(logDir, 'gren.log'), 'utf8')).toBe(
        [
          '------------------',
          '2026-11-26T04:19:13+00:00 [DEBUG] gren run-attempt.js:40 _create: begin Leaf abc /x',
          '2026-11-26T04:19:13+00:00 [INFO] my_project pipelines.ts:54 parent before',
          '',
        ].join('\n'),
      );
    });
  });

  describe('when the log cannot be written', () => {
    it('should not throw and should warn once on stderr', () => {
      const logDir = path.join(dir, 'blocked');
      fs.writeFileSync(logDir, 'a file where the folder should be');
      const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const sink = new FileSink();

      expect(() => sink.emit(record(), logDir)).not.toThrow();
      expect(() => sink.emit(record(), logDir)).not.toThrow();

      expect(stderr).toHaveBeenCalledTimes(1);
      expect(String(stderr.mock.calls[0]?.[0])).toMatch(/^gren: cannot write the log in .*blocked/);
    });
  });
});
