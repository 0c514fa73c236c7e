import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyMinimalProject, describeRun, projectDir, readmeExample, runIn, WORKSPACE } from './support/user-project';

jest.setTimeout(120_000);

const OUTPUT = JSON.stringify({ here: [0, 1, 4, 9], worker: [0, 1, 4, 9, 16, 25] });
const ENV = { GREN_IGNORE_DIFF: '1' };

/** Each artifact's state.json text, by hash. */
function states(store: string): Record<string, string> {
  const classFolder = path.join(store, 'data', 'squares', 'Squares');
  return Object.fromEntries(
    fs
      .readdirSync(classFolder)
      .map((hash) => [hash, fs.readFileSync(path.join(classFolder, hash, '.gren', 'state.json'), 'utf8')]),
  );
}

/** The command lines that ran the attempts of the store's ProcessExecutor jobs. */
function workerCommands(store: string): string[] {
  return Object.values(states(store))
    .map((text) => JSON.parse(text) as { attempt: { backend: string; owner: { command: string } } })
    .filter((state) => state.attempt.backend === 'process')
    .map((state) => state.attempt.owner.command);
}

describe("the README's minimal project (examples/user-project) with the installed packages", () => {
  let folder: string;
  let store: string;

  beforeAll(async () => {
    folder = copyMinimalProject('minimal-project');
    store = path.join(folder, 'data-gren');
    const compiled = await runIn('npx', ['tsc'], { cwd: folder });
    expect(describeRun(compiled)).toMatch(/^exit 0\n/);
  });

  it('should show its tsconfig.json in the README as it is', () => {
    const file = path.join(WORKSPACE, 'examples', 'user-project', 'tsconfig.json');
    expect(readmeExample('examples/user-project/tsconfig.json')).toBe(fs.readFileSync(file, 'utf8'));
  });

  describe('when run with npx ts-node main.ts', () => {
    it("should compute here and in the installed package's gren-worker", async () => {
      const result = await runIn('npx', ['ts-node', 'main.ts'], { cwd: folder, env: ENV });

      expect(describeRun(result)).toMatch(/^exit 0\n/);
      expect(result.stdout.trim()).toBe(OUTPUT);
      const installedWorker = path.join(projectDir(), 'node_modules', 'gren-ts', 'dist', 'bin', 'gren-worker.js');
      expect(workerCommands(store)).toEqual([expect.stringContaining(installedWorker)]);
    });
  });

  describe('when the compiled dist/main.js runs afterwards', () => {
    it("should load both results from ts-node's cache without writing", async () => {
      const before = states(store);

      const result = await runIn(process.execPath, [path.join('dist', 'main.js')], { cwd: folder, env: ENV });

      expect(describeRun(result)).toMatch(/^exit 0\n/);
      expect(result.stdout.trim()).toBe(OUTPUT);
      expect(states(store)).toEqual(before);
    });
  });

  describe('when the compiled dist/main.js runs in a new store', () => {
    it('should compute again, the worker loading the compiled module', async () => {
      const fresh = path.join(folder, 'compiled-store');

      const result = await runIn(process.execPath, [path.join('dist', 'main.js')], {
        cwd: folder,
        env: { ...ENV, GREN_PATH: fresh },
      });

      expect(describeRun(result)).toMatch(/^exit 0\n/);
      expect(result.stdout.trim()).toBe(OUTPUT);
      expect(Object.keys(states(fresh))).toHaveLength(2);
    });
  });

  describe('the gren command', () => {
    it('should answer npx gren --help with its commands', async () => {
      const result = await runIn('npx', ['gren', '--help'], { cwd: folder });

      expect(describeRun(result)).toMatch(/^exit 0\n/);
      for (const command of ['ls', 'show', 'explain', 'diff', 'gc']) {
        expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
      }
    });

    it('should list both artifacts of ./data-gren with npx gren ls', async () => {
      const result = await runIn('npx', ['gren', 'ls'], { cwd: folder });

      expect(describeRun(result)).toMatch(/^exit 0\n/);
      const rows = result.stdout.split('\n').filter((line) => line.includes('squares.Squares'));
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(row).toContain('success');
    });
  });
});
