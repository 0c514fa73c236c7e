import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GrenSettingsError, loadEnv } from 'gren-ts';
import { expectError } from '../errors/expect-error';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GREN_CONFIG_MODULE = path.join(ROOT, 'lib', 'src', 'settings', 'gren-config.ts');

/** Runs a fresh Node process in `cwd` that loads gren's config module and prints GREN_CONFIG. */
function configSeenBy(cwd: string, env: Record<string, string>): Record<string, unknown> {
  const script = [
    `const { GREN_CONFIG } = require(${JSON.stringify(GREN_CONFIG_MODULE)});`,
    'const seen = { ...GREN_CONFIG, forceRecompute: [...GREN_CONFIG.forceRecompute] };',
    'process.stdout.write(JSON.stringify(seen));',
  ].join('\n');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GREN_')));
  const result = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script], {
    cwd,
    env: { ...inherited, ...env, TS_NODE_PROJECT: path.join(ROOT, 'spec', 'tsconfig.jest.json') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(`child failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe('loadEnv', () => {
  let tmp: string;
  const touched: string[] = [];

  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gren-env-')));
  });

  afterEach(() => {
    for (const name of touched.splice(0)) delete process.env[name];
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('when a .env file exists', () => {
    it('should load its variables into process.env and report that it read one', () => {
      const file = path.join(tmp, '.env');
      fs.writeFileSync(file, 'GREN_SPEC_LOAD_ENV_A=from-file\n# a comment\nGREN_SPEC_LOAD_ENV_B="quoted value"\n');
      touched.push('GREN_SPEC_LOAD_ENV_A', 'GREN_SPEC_LOAD_ENV_B');

      expect(loadEnv(file)).toBe(true);
      expect(process.env.GREN_SPEC_LOAD_ENV_A).toBe('from-file');
      expect(process.env.GREN_SPEC_LOAD_ENV_B).toBe('quoted value');
    });

    it('should let variables already set win', () => {
      const file = path.join(tmp, '.env');
      fs.writeFileSync(file, 'GREN_SPEC_LOAD_ENV_C=from-file\n');
      touched.push('GREN_SPEC_LOAD_ENV_C');
      process.env.GREN_SPEC_LOAD_ENV_C = 'from-environment';

      loadEnv(file);

      expect(process.env.GREN_SPEC_LOAD_ENV_C).toBe('from-environment');
    });
  });

  describe('when there is no .env file', () => {
    it('should do nothing and say so', () => {
      expect(loadEnv(path.join(tmp, '.env'))).toBe(false);
    });
  });

  describe('when the .env file cannot be read', () => {
    it('should fail naming the file', () => {
      const file = path.join(tmp, '.env');
      fs.mkdirSync(file);

      expectError(() => loadEnv(file), GrenSettingsError, `Cannot read ${file}`, 'Fix the file or remove it');
    });
  });

  describe('when gren is loaded in a working directory holding a .env', () => {
    it('should build GREN_CONFIG from it, environment variables winning', () => {
      fs.writeFileSync(
        path.join(tmp, '.env'),
        [
          'GREN_PATH=./store-from-dotenv',
          'GREN_LEASE_SECS=30',
          'GREN_FORCE_RECOMPUTE=a.B, c.D',
          'GREN_LOG_LEVEL=DEBUG',
        ].join('\n'),
      );

      const config = configSeenBy(tmp, { GREN_LOG_LEVEL: 'ERROR' });

      expect(config.basePath).toBe(path.join(tmp, 'store-from-dotenv'));
      expect(config.leaseSecs).toBe(30);
      expect(config.heartbeatSecs).toBe(10);
      expect(config.forceRecompute).toEqual(['a.B', 'c.D']);
      expect(config.logLevel).toBe('ERROR');
    });

    it('should use the defaults without one', () => {
      const config = configSeenBy(tmp, {});

      expect(config.basePath).toBe(path.join(tmp, 'data-gren'));
      expect(config.leaseSecs).toBe(120);
    });

    it('should fail at load time naming a bad variable of the .env', () => {
      fs.writeFileSync(path.join(tmp, '.env'), 'GREN_POLL_INTERVAL_SECS=often\n');

      expect(() => configSeenBy(tmp, {})).toThrow(/GREN_POLL_INTERVAL_SECS="often" is invalid/);
    });
  });
});
