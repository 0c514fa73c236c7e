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

  describe('when the log is held open (an attempt running)', () => {
    const openDescriptors = (): number => fs.readdirSync('/proc/self/fd').length;

    it('should have every line in gren.log as soon as it is emitted, and close the descriptor on release', () => {
      const logDir = path.join(dir, 'held', '.gren');
      const sink = new FileSink();
      const descriptorsBefore = openDescriptors();

      const release = sink.hold(logDir);
      sink.raw('------------------', logDir);
      const afterFirstLine = fs.readFileSync(path.join(logDir, 'gren.log'), 'utf8');
      sink.emit(record(), logDir);
      const afterSecondLine = fs.readFileSync(path.join(logDir, 'gren.log'), 'utf8');
      const descriptorsWhileHeld = openDescriptors();
      release();

      expect(afterFirstLine).toBe('------------------\n');
      expect(afterSecondLine).toBe(
        '------------------\n2026-11-26T04:19:13+00:00 [DEBUG] gren run-attempt.js:40 _create: begin Leaf abc /x\n',
      );
      expect(descriptorsWhileHeld).toBe(descriptorsBefore + 1);
      expect(openDescriptors()).toBe(descriptorsBefore);
    });

    it('should stay open until the last of nested holds is released, and append after lines written meanwhile', () => {
      const logDir = path.join(dir, 'nested', '.gren');
      const sink = new FileSink();
      const descriptorsBefore = openDescriptors();

      const outer = sink.hold(logDir);
      const inner = sink.hold(logDir);
      sink.raw('first', logDir);
      inner();
      inner();
      fs.appendFileSync(path.join(logDir, 'gren.log'), 'from another process\n');
      sink.raw('second', logDir);
      const descriptorsWhileOuterHeld = openDescriptors();
      outer();
      sink.raw('third', logDir);

      expect(fs.readFileSync(path.join(logDir, 'gren.log'), 'utf8')).toBe(
        'first\nfrom another process\nsecond\nthird\n',
      );
      expect(descriptorsWhileOuterHeld).toBe(descriptorsBefore + 1);
      expect(openDescriptors()).toBe(descriptorsBefore);
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
