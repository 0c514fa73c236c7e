import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Runs every example as a user would (`node -r ts-node/register/transpile-only examples/x.ts`)
 * in a fresh store and checks what it prints. examples/slurm.ts runs in the SLURM suite.
 */
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');

function runExample(file: string, store: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join('examples', file)],
      {
        cwd: ROOT,
        env: { ...process.env, GREN_PATH: store, GREN_IGNORE_DIFF: '1', TS_NODE_PROJECT: 'examples/tsconfig.json' },
        timeout: 100_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function lastJson(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as Record<string, unknown>;
}

describe('examples/', () => {
  let store: string;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-examples-'));
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  it('quickstart.ts should print the hash, directory and code of its config', async () => {
    const result = await runExample('quickstart.ts', store);

    expect(result.code).toBe(0);
    const [hash, dir, code] = result.stdout.trim().split('\n');
    expect(hash).toMatch(/^[0-9a-f]{20}$/);
    expect(dir).toBe(path.join(store, 'data', 'examples', 'quickstart', 'Greeting', hash!));
    expect(code).toBe("new Greeting({ name: 'gren', excitement: 3 })");
  });

  it('train.ts should train once and load from the cache the second time', async () => {
    const result = await runExample('train.ts', store);

    expect(result.code).toBe(0);
    expect(lastJson(result.stdout)).toMatchObject({ cached: true });
    expect(result.stderr).toMatch(/load_or_create TrainModel [0-9a-f]{20}/);
    expect(result.stderr).toContain('_create ok PrepareDataset');
    expect(fs.existsSync(path.join(store, 'data', 'examples', 'my_project', 'pipelines', 'TrainModel'))).toBe(true);
  });

  it('sweep.ts should compute the grid in two levels on a pool, then find it all cached', async () => {
    const result = await runExample('sweep.ts', store);

    expect(result.code).toBe(0);
    expect(lastJson(result.stdout)).toEqual({ first: { done: 8, levels: 2 }, again: { cached: 6, done: 0 } });
  });

  it('nested-pipeline.ts should compute the three models under one comparison', async () => {
    const result = await runExample('nested-pipeline.ts', store);

    expect(result.code).toBe(0);
    expect(Object.keys(lastJson(result.stdout))).toEqual(['0.001', '0.01', '0.1']);
    expect(fs.readdirSync(path.join(store, 'data', 'examples', 'my_project', 'pipelines', 'TrainModel'))).toHaveLength(
      3,
    );
  });

  it('logging.ts should write the step lines into the artifact log', async () => {
    const result = await runExample('logging.ts', store);

    expect(result.stdout.trim()).toBe('artifact log has the step lines');
  });

  it('experiment-list.ts should iterate the deduplicated entries and find one by name', async () => {
    const result = await runExample('experiment-list.ts', store);

    expect(lastJson(result.stdout)).toEqual({
      entries: 4,
      names: ['baseline', 'fast', 'duplicateOfBaseline'],
      mnistLr: 0.001,
    });
  });

  it('custom-validation.ts should notice the corrupted output and recompute', async () => {
    const result = await runExample('custom-validation.ts', store);

    expect(result.stdout.trim().split('\n')).toEqual(['exists after corruption: false', 'recomputed: 4']);
  });

  it('custom-executor.ts should submit through the executor registered in DI', async () => {
    const result = await runExample('custom-executor.ts', store);

    expect(result.code).toBe(0);
    expect(lastJson(result.stdout)).toMatchObject({ submitted: 1 });
  });
});
