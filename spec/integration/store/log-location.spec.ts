import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { finished, type ChildResult } from '../../support/child-process';

jest.setTimeout(60_000);

const CHILDREN = path.resolve(__dirname, '..', 'children');
const SOURCE = path.join(CHILDREN, 'log-location.ts');
const COMPILED = path.join(CHILDREN, 'dist', 'log-location.js');

/** The 1-based line of `file` that carries the marker comment `// LINE:<tag>`. */
function lineOf(file: string, tag: string): number {
  const index = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(`// LINE:${tag}`));
  if (index < 0) throw new Error(`no LINE:${tag} in ${file}`);
  return index + 1;
}

function run(nodeArgs: string[]): Promise<ChildResult> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: path.resolve(__dirname, '..', '..', '..'),
    env: { ...process.env, GREN_LOG_LEVEL: 'INFO', GREN_IGNORE_DIFF: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return finished(child);
}

/** `[file:line] message` of each console line, without the time. */
function locations(stderr: string): string[] {
  return stderr
    .trim()
    .split('\n')
    .map((line) => line.replace(/^\d\d:\d\d:\d\d /, '').replace(/ [0-9a-f]{20}$/, ''));
}

describe('console line locations', () => {
  describe('when the caller runs from TypeScript through ts-node (source-map-support)', () => {
    it("should name the TypeScript file and line of the user's call", async () => {
      const result = await run(['-r', 'ts-node/register/transpile-only', SOURCE]);

      expect(result.code).toBe(0);
      const lines = locations(result.stderr);
      expect(lines[0]).toBe(`[log-location.ts:${lineOf(SOURCE, 'create')}] load_or_create Located`);
      expect(lines[1]).toMatch(/^\[\S+\.ts:\d+\] _create ok Located$/);
      expect(lines.slice(2)).toEqual([
        `[log-location.ts:${lineOf(SOURCE, 'hit')}] load_or_create Located`,
        `[log-location.ts:${lineOf(SOURCE, 'user')}] user warning`,
      ]);
    });
  });

  describe('when the compiled JavaScript runs with --enable-source-maps', () => {
    it('should map back to the TypeScript file and line', async () => {
      const result = await run(['--enable-source-maps', COMPILED]);

      expect(result.code).toBe(0);
      expect(locations(result.stderr)).toEqual([
        `[log-location.ts:${lineOf(SOURCE, 'create')}] load_or_create Located`,
        expect.stringMatching(/^\[\S+\.ts:\d+\] _create ok Located$/),
        `[log-location.ts:${lineOf(SOURCE, 'hit')}] load_or_create Located`,
        `[log-location.ts:${lineOf(SOURCE, 'user')}] user warning`,
      ]);
    });
  });

  describe('when the compiled JavaScript runs without source maps', () => {
    it('should name the JavaScript file and line', async () => {
      const result = await run([COMPILED]);

      expect(result.code).toBe(0);
      expect(locations(result.stderr)).toEqual([
        `[log-location.js:${lineOf(COMPILED, 'create')}] load_or_create Located`,
        expect.stringMatching(/^\[\S+\.js:\d+\] _create ok Located$/),
        `[log-location.js:${lineOf(COMPILED, 'hit')}] load_or_create Located`,
        `[log-location.js:${lineOf(COMPILED, 'user')}] user warning`,
      ]);
      expect(lineOf(COMPILED, 'create')).not.toBe(lineOf(SOURCE, 'create'));
    });
  });
});
