import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TSC = require.resolve('typescript/bin/tsc');
const TYPE_TEST = path.join(ROOT, 'spec', 'types', 'init-keys.ts');
const TYPE_TEST_CONFIG = path.join(ROOT, 'spec', 'types', 'tsconfig.json');
const DIRECTIVE = /^\s*\/\/ @ts-expect-error\b/;

interface TscRun {
  code: number;
  output: string;
}

/** Runs the TypeScript compiler in a child process, as `npm run typecheck` does. */
function tsc(project: string): Promise<TscRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSC, '-p', project, '--noEmit', '--pretty', 'false'],
      { cwd: ROOT, timeout: 280_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** 1-based numbers of the lines that follow a `// @ts-expect-error` directive. */
function expectedErrorLines(source: string): number[] {
  return source
    .split('\n')
    .map((line, index) => (DIRECTIVE.test(line) ? index + 2 : 0))
    .filter((line) => line > 0);
}

describe('spec/types/init-keys.ts (compile-time init checks)', () => {
  let tmp: string;
  let asWritten: Promise<TscRun>;
  let withoutDirectives: Promise<TscRun>;
  const source = fs.readFileSync(TYPE_TEST, 'utf8');
  const copy = (): string => path.join(tmp, 'init-keys-without-directives.ts');

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-types-'));
    // The same file with each directive blanked out (line numbers kept), compiled with the
    // same options: every line the directives covered must now be an error.
    fs.writeFileSync(
      copy(),
      source
        .split('\n')
        .map((line) => (DIRECTIVE.test(line) ? '' : line))
        .join('\n'),
    );
    fs.writeFileSync(
      path.join(tmp, 'tsconfig.json'),
      JSON.stringify({
        extends: TYPE_TEST_CONFIG,
        compilerOptions: { typeRoots: [path.join(ROOT, 'node_modules', '@types')] },
        include: [],
        files: [copy()],
      }),
    );
    asWritten = tsc(TYPE_TEST_CONFIG);
    withoutDirectives = tsc(path.join(tmp, 'tsconfig.json'));
  });

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  describe('when compiled as written', () => {
    it('should compile: correct code passes and every @ts-expect-error line fails', async () => {
      const run = await asWritten;

      expect(run.output).toBe('');
      expect(run.code).toBe(0);
    }, 300_000);
  });

  describe('when the directives are removed', () => {
    it('should report an error on exactly the lines the directives covered', async () => {
      const run = await withoutDirectives;
      const errorLines = [...run.output.matchAll(/init-keys-without-directives\.ts\((\d+),\d+\): error/g)].map(
        (match) => Number(match[1]),
      );

      expect(run.code).not.toBe(0);
      expect([...new Set(errorLines)].sort((a, b) => a - b)).toEqual(expectedErrorLines(source));
    }, 300_000);

    it('should name the misspelled key, the wrong value type and the unknown replace() key', async () => {
      const { output } = await withoutDirectives;
      const lineOf = (text: string): number => source.split('\n').findIndex((line) => line.includes(text)) + 1;
      const errorAt = (text: string): string =>
        output.split('\n').find((line) => line.includes(`.ts(${lineOf(text)},`)) ?? '';

      expect(errorAt('new TrainModel({ stpes: 5000 })')).toMatch(
        /TS2561: .*'stpes' does not exist .*Did you mean to write 'steps'\?/,
      );
      expect(errorAt("new TrainModel({ lr: '3e-4' })")).toMatch(
        /TS2322: Type 'string' is not assignable to type 'number'/,
      );
      expect(errorAt('model.replace({ stpes: 1 })')).toMatch(/TS2561: .*'stpes' does not exist/);
    }, 300_000);
  });
});
