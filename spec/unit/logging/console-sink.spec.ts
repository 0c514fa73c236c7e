import { ConsoleSink } from '../../../lib/src/logging/console-sink';
import type { LogRecord } from '../../../lib/src/logging/log-record';

const TIME = new Date('2026-11-26T04:19:13.999Z');

function record(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    level: 'INFO',
    logger: 'gren',
    message: 'load_or_create Leaf 53105cdea61ae54ed3ad',
    time: TIME,
    location: { file: '/home/u/project/exp2.ts', line: 6 },
    ...overrides,
  };
}

function emitted(sink: (write: (line: string) => void) => ConsoleSink, rec: LogRecord): string {
  const lines: string[] = [];
  sink((line) => lines.push(line)).emit(rec);
  return lines.join('');
}

const plain = (write: (line: string) => void): ConsoleSink => new ConsoleSink(write, false);
const colored = (write: (line: string) => void): ConsoleSink => new ConsoleSink(write, true);

describe('ConsoleSink', () => {
  describe('when colour is off', () => {
    it('should write `HH:MM:SS [file:line] message` in UTC, with the basename of the file', () => {
      expect(emitted(plain, record())).toBe('04:19:13 [exp2.ts:6] load_or_create Leaf 53105cdea61ae54ed3ad\n');
    });

    it('should show the console text instead of the message when the record has one', () => {
      expect(emitted(plain, record({ message: 'long (create)', consoleMessage: 'long' }))).toBe(
        '04:19:13 [exp2.ts:6] long\n',
      );
    });

    it('should name gren as the location when the record has none', () => {
      expect(emitted(plain, record({ location: undefined, message: 'm' }))).toBe('04:19:13 [gren] m\n');
    });
  });

  describe('when colour is on', () => {
    it('should dim the time and colour the location by level', () => {
      const at = (level: LogRecord['level']): string => emitted(colored, record({ level, message: 'm' }));

      expect(at('ERROR')).toBe('\u001b[2m04:19:13\u001b[0m \u001b[31m[exp2.ts:6]\u001b[0m m\n');
      expect(at('CRITICAL')).toContain('\u001b[31m[exp2.ts:6]');
      expect(at('WARNING')).toContain('\u001b[33m[exp2.ts:6]');
      expect(at('INFO')).toContain('\u001b[34m[exp2.ts:6]');
      expect(at('DEBUG')).toContain('\u001b[35m[exp2.ts:6]');
    });

    it.each([
      ['load', 32],
      ['wait', 33],
      ['create', 34],
    ] as const)('should colour only the load_or_create prefix for the %s decision', (decision, code) => {
      const line = emitted(colored, record({ decision }));

      expect(line).toContain(`\u001b[${code}mload_or_create\u001b[0m Leaf 53105cdea61ae54ed3ad\n`);
    });
  });
});
