import * as os from 'node:os';
import * as path from 'node:path';
import { GrenSettingsError } from 'gren-ts';
import { settingsFromEnvironment } from '../../../lib/src/settings/gren-settings';
import { expectError } from '../errors/expect-error';

const CWD = '/work/project';
const settings = (env: Record<string, string>): ReturnType<typeof settingsFromEnvironment> =>
  settingsFromEnvironment(env, CWD);

describe('settingsFromEnvironment', () => {
  describe('when no GREN_* variable is set', () => {
    it('should use the defaults', () => {
      expect(settings({})).toEqual({
        basePath: path.join(CWD, 'data-gren'),
        pollIntervalSecs: 10,
        waitLogEverySecs: 10,
        staleAfterSecs: 1800,
        leaseSecs: 120,
        heartbeatSecs: 40,
        preemptMax: 5,
        ignoreDiff: false,
        requireGit: false,
        requireGitRemote: false,
        forceRecompute: new Set(),
        cancelledIsPreempted: false,
        logLevel: 'INFO',
        cacheMetadataSecs: 300,
        richUncaughtTracebacks: true,
      });
    });

    it('should treat empty and blank values as unset', () => {
      expect(settings({ GREN_PATH: '', GREN_LEASE_SECS: '  ', GREN_HEARTBEAT_SECS: '', GREN_LOG_LEVEL: '' })).toEqual(
        settings({}),
      );
    });
  });

  describe('when GREN_PATH is set', () => {
    it.each([
      ['/abs/store', '/abs/store'],
      ['rel/store', path.join(CWD, 'rel/store')],
      ['./store/', path.join(CWD, 'store')],
      ['~', os.homedir()],
      ['~/store', path.join(os.homedir(), 'store')],
      ['  /trimmed  ', '/trimmed'],
    ])('should resolve %p to %s', (value, expected) => {
      expect(settings({ GREN_PATH: value }).basePath).toBe(expected);
    });
  });

  describe('when a number of seconds is set', () => {
    it.each([
      ['GREN_POLL_INTERVAL_SECS', 'pollIntervalSecs'],
      ['GREN_WAIT_LOG_EVERY_SECS', 'waitLogEverySecs'],
      ['GREN_STALE_AFTER_SECS', 'staleAfterSecs'],
      ['GREN_LEASE_SECS', 'leaseSecs'],
      ['GREN_HEARTBEAT_SECS', 'heartbeatSecs'],
    ] as const)('should parse %s as a float into %s', (variable, key) => {
      expect(settings({ [variable]: '2.5' })[key]).toBe(2.5);
      expect(settings({ [variable]: ' 7 ' })[key]).toBe(7);
    });

    it.each([
      'GREN_POLL_INTERVAL_SECS',
      'GREN_WAIT_LOG_EVERY_SECS',
      'GREN_STALE_AFTER_SECS',
      'GREN_LEASE_SECS',
      'GREN_HEARTBEAT_SECS',
    ])('should reject an invalid %s naming it', (variable) => {
      for (const value of ['abc', '0', '-1', 'Infinity', '1e400', '5s']) {
        const error = expectError(
          () => settings({ [variable]: value }),
          GrenSettingsError,
          `${variable}=${JSON.stringify(value)} is invalid`,
          'a positive number of seconds',
          `Fix or unset ${variable}`,
        );

        expect(error.code).toBe('SETTINGS_INVALID_VARIABLE');
      }
    });

    it('should derive the heartbeat from the lease, at least one second', () => {
      expect(settings({ GREN_LEASE_SECS: '30' }).heartbeatSecs).toBe(10);
      expect(settings({ GREN_LEASE_SECS: '2' }).heartbeatSecs).toBe(1);
      expect(settings({ GREN_LEASE_SECS: '30', GREN_HEARTBEAT_SECS: '3' }).heartbeatSecs).toBe(3);
    });
  });

  describe('when GREN_PREEMPT_MAX is set', () => {
    it('should parse a whole number', () => {
      expect(settings({ GREN_PREEMPT_MAX: '0' }).preemptMax).toBe(0);
      expect(settings({ GREN_PREEMPT_MAX: '12' }).preemptMax).toBe(12);
    });

    it.each(['-1', '1.5', 'many'])('should reject %p naming the variable', (value) => {
      expectError(
        () => settings({ GREN_PREEMPT_MAX: value }),
        GrenSettingsError,
        'GREN_PREEMPT_MAX=',
        'a whole number',
      );
    });
  });

  describe('when a flag is set', () => {
    const FLAGS = [
      ['GREN_IGNORE_DIFF', 'ignoreDiff'],
      ['GREN_REQUIRE_GIT', 'requireGit'],
      ['GREN_REQUIRE_GIT_REMOTE', 'requireGitRemote'],
      ['GREN_CANCELLED_IS_PREEMPTED', 'cancelledIsPreempted'],
      ['GREN_RICH_UNCAUGHT_TRACEBACKS', 'richUncaughtTracebacks'],
    ] as const;

    it.each(FLAGS)('should read %s as true for 1/true/yes/on in any case', (variable, key) => {
      for (const value of ['1', 'true', 'TRUE', 'Yes', 'on']) expect(settings({ [variable]: value })[key]).toBe(true);
    });

    it.each(FLAGS)('should read %s as false for 0/false/no/off in any case', (variable, key) => {
      for (const value of ['0', 'false', 'False', 'NO', 'off'])
        expect(settings({ [variable]: value })[key]).toBe(false);
    });

    it.each(FLAGS)('should reject any other value of %s naming it', (variable) => {
      expectError(
        () => settings({ [variable]: 'maybe' }),
        GrenSettingsError,
        `${variable}="maybe" is invalid`,
        '1/true/yes/on',
      );
    });
  });

  describe('when GREN_FORCE_RECOMPUTE is set', () => {
    it('should split on commas, trim, and drop empty items', () => {
      expect(settings({ GREN_FORCE_RECOMPUTE: ' a.B , c.D,,  ,e ' }).forceRecompute).toEqual(
        new Set(['a.B', 'c.D', 'e']),
      );
    });
  });

  describe('when GREN_LOG_LEVEL is set', () => {
    it.each([
      ['debug', 'DEBUG'],
      ['Info', 'INFO'],
      ['WARNING', 'WARNING'],
      ['warn', 'WARNING'],
      ['error', 'ERROR'],
      ['critical', 'CRITICAL'],
    ])('should read %p as %s', (value, level) => {
      expect(settings({ GREN_LOG_LEVEL: value }).logLevel).toBe(level);
    });

    it('should reject an unknown level naming the variable and the levels', () => {
      expectError(
        () => settings({ GREN_LOG_LEVEL: 'loud' }),
        GrenSettingsError,
        'GREN_LOG_LEVEL="loud"',
        'DEBUG, INFO, WARNING',
      );
    });
  });

  describe('when GREN_CACHE_METADATA is set', () => {
    it.each([
      ['never', 0],
      ['0', 0],
      ['false', 0],
      ['no', 0],
      ['forever', Number.POSITIVE_INFINITY],
      ['inf', Number.POSITIVE_INFINITY],
      ['true', Number.POSITIVE_INFINITY],
      ['YES', Number.POSITIVE_INFINITY],
      ['1', Number.POSITIVE_INFINITY],
      ['5m', 300],
      ['1h', 3600],
      ['30s', 30],
      ['45', 45],
      ['2.5 m', 150],
      [' 1H ', 3600],
    ])('should read %p as %p seconds', (value, seconds) => {
      expect(settings({ GREN_CACHE_METADATA: value }).cacheMetadataSecs).toBe(seconds);
    });

    it.each(['soon', '5d', '-5m', 'm5'])('should reject %p naming the variable and the accepted forms', (value) => {
      expectError(
        () => settings({ GREN_CACHE_METADATA: value }),
        GrenSettingsError,
        'GREN_CACHE_METADATA=',
        "'never', 'forever', or a duration like '5m', '1h', '30s'",
      );
    });
  });
});
