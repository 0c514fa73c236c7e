import { execFile } from 'node:child_process';
import * as path from 'node:path';

/**
 * ts-jest only transpiles (isolatedModules), so this test is where the specs and the library
 * sources are type-checked — with the same strict tsconfig — as `npm run typecheck` does.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const TSC = require.resolve('typescript/bin/tsc');

jest.setTimeout(300_000);

describe('strict type checking', () => {
  it.each(['spec/tsconfig.json', 'examples/tsconfig.json'])('should find no type errors in %s', async (project) => {
    const output = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        [TSC, '-p', project, '--noEmit', '--pretty', 'false'],
        { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 },
        (error, stdout, stderr) => resolve(error ? `${stdout}${stderr}` || error.message : ''),
      );
    });

    expect(output).toBe('');
  });
});
