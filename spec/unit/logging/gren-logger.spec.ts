import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configureLogging, GREN_CONFIG, getLogger } from 'gren-ts';
import { runWithHolder } from '../../../lib/src/logging/log-context';
import { LogSite } from '../../../lib/src/logging/log-site';

describe('getLogger and configureLogging', () => {
  let base: string;
  let savedBase: string;
  let savedLevel: typeof GREN_CONFIG.logLevel;

  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-logger-'));
    savedBase = GREN_CONFIG.basePath;
    savedLevel = GREN_CONFIG.logLevel;
    GREN_CONFIG.basePath = base;
    GREN_CONFIG.logLevel = 'INFO';
  });

  afterEach(() => {
    GREN_CONFIG.basePath = savedBase;
    GREN_CONFIG.logLevel = savedLevel;
    configureLogging({ write: () => undefined, color: false });
    fs.rmSync(base, { recursive: true, force: true });
  });

  describe('when configureLogging is called several times', () => {
    it('should replace the console destination instead of adding one', () => {
      const first: string[] = [];
      const second: string[] = [];
      configureLogging({ write: (line) => first.push(line), color: false });
      configureLogging({ write: (line) => second.push(line), color: false });

      getLogger().info('hello once');

      expect(first).toEqual([]);
      expect(second).toHaveLength(1);
      expect(second[0]).toMatch(/^\d{2}:\d{2}:\d{2} \[gren-logger\.spec\.ts:\d+\] hello once\n$/);
    });

    it('should apply the level it is given, and GREN_LOG_LEVEL when given none', () => {
      const lines: string[] = [];
      configureLogging({ write: (line) => lines.push(line), color: false, level: 'WARNING' });
      getLogger().info('hidden');
      getLogger().warning('shown');
      configureLogging({ write: (line) => lines.push(line), color: false });
      GREN_CONFIG.logLevel = 'ERROR';
      getLogger().warning('hidden too');
      getLogger().error('shown too');

      expect(lines.map((line) => line.replace(/^.*\] /, '').trim())).toEqual(['shown', 'shown too']);
    });
  });

  describe('when records are routed', () => {
    it('should write records with no computing artifact to <GREN_PATH>/gren.log, DEBUG included', () => {
      configureLogging({ write: () => undefined, color: false });

      getLogger().debug('no holder here');

      expect(fs.readFileSync(path.join(base, 'gren.log'), 'utf8')).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00 \[DEBUG\] gren gren-logger\.spec\.ts:\d+ no holder here\n$/,
      );
    });

    it('should write to the holder artifact log inside runWithHolder, and nowhere else', () => {
      configureLogging({ write: () => undefined, color: false });
      const artifact = path.join(base, 'data', 'x', 'abc');

      runWithHolder(artifact, () => getLogger('my_project').info('inside'));

      expect(fs.readFileSync(path.join(artifact, '.gren', 'gren.log'), 'utf8')).toMatch(
        /\[INFO\] my_project gren-logger\.spec\.ts:\d+ inside\n$/,
      );
      expect(fs.existsSync(path.join(base, 'gren.log'))).toBe(false);
    });

    it('should keep console-only records out of files and file-only records off the console', () => {
      const lines: string[] = [];
      configureLogging({ write: (line) => lines.push(line), color: false });

      getLogger().info('console only', { consoleOnly: true });
      getLogger().info('file only', { fileOnly: true });

      expect(lines.join('')).toContain('console only');
      expect(lines.join('')).not.toContain('file only');
      const file = fs.readFileSync(path.join(base, 'gren.log'), 'utf8');
      expect(file).toContain('file only');
      expect(file).not.toContain('console only');
    });
  });

  describe('when a hot call site logs through a LogSite', () => {
    function logFromOneSite(message: string, site?: LogSite): void {
      getLogger().info(message, { site });
    }

    it('should name that call site on every record, as a stack capture there does', () => {
      const lines: string[] = [];
      configureLogging({ write: (line) => lines.push(line), color: false });
      const site = new LogSite();

      logFromOneSite('first', site);
      logFromOneSite('second', site);
      logFromOneSite('captured');
      getLogger().info('elsewhere');

      const locations = lines.map((line) => /\[(\S+)\]/.exec(line)?.[1]);
      expect(locations[0]).toMatch(/^gren-logger\.spec\.ts:\d+$/);
      expect(locations.slice(0, 3)).toEqual([locations[2], locations[2], locations[2]]);
      expect(locations[3]).toMatch(/^gren-logger\.spec\.ts:\d+$/);
      expect(locations[3]).not.toBe(locations[2]);
    });
  });

  describe('when a level name is unknown', () => {
    it('should throw a RangeError naming it', () => {
      expect(() => getLogger().log('LOUD', 'x')).toThrow(RangeError);
      expect(() => getLogger().log('LOUD', 'x')).toThrow("Unknown log level: 'LOUD'");
    });

    it('should accept level names in any case', () => {
      configureLogging({ write: () => undefined, color: false });

      getLogger().log('warn', 'lower case');

      expect(fs.readFileSync(path.join(base, 'gren.log'), 'utf8')).toContain('[WARNING] gren');
    });
  });

  describe('when the same name is asked twice', () => {
    it('should give the same logger', () => {
      expect(getLogger()).toBe(getLogger('gren'));
      expect(getLogger('a')).not.toBe(getLogger());
    });
  });
});
