import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * scripts/test-report.mjs on what a real jest leaves behind: a small jest project in a temp
 * folder with a file that passes, one that calls process.exit, one that throws while its tests
 * are collected and one more that passes.
 */
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const REPORTER = path.join(ROOT, 'scripts', 'jest-progress-reporter.cjs');
const TALLY = path.join(ROOT, 'scripts', 'test-report.mjs');

const FILES: Record<string, string> = {
  'a-passes.spec.js': "it('one', () => {}); it('two', () => {});",
  'b-exits.spec.js': "it('ends the process', () => { process.exit(1); });",
  'c-passes.spec.js': "it('three', () => {});",
  'd-breaks.spec.js': "describe('broken', () => { throw new Error('boom while collecting'); });",
};

/** Runs the files in the order of their names (jest's own order depends on sizes and timings). */
const BY_NAME_SEQUENCER = `
const Sequencer = require(${JSON.stringify(path.join(ROOT, 'node_modules', '@jest', 'test-sequencer'))}).default;
module.exports = class ByName extends Sequencer {
  sort(tests) { return [...tests].sort((a, b) => a.path.localeCompare(b.path)); }
};
`;

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  problems: string[];
}

interface JestRun {
  project: string;
  expectedFiles: string[];
  reportFile: string;
  progressFile: string;
  exitCode: number | null;
}

function writeProject(files: Record<string, string>): string {
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-test-report-'));
  const config = {
    testMatch: ['<rootDir>/*.spec.js'],
    transform: {},
    testSequencer: '<rootDir>/by-name-sequencer.js',
  };
  fs.writeFileSync(
    path.join(project, 'jest.config.js'),
    `module.exports = { rootDir: __dirname, ...${JSON.stringify(config)} };\n`,
  );
  fs.writeFileSync(path.join(project, 'by-name-sequencer.js'), BY_NAME_SEQUENCER);
  for (const [name, source] of Object.entries(files)) fs.writeFileSync(path.join(project, name), `${source}\n`);
  return project;
}

function runJest(project: string, extraArgs: string[]): JestRun {
  const config = ['--config', path.join(project, 'jest.config.js')];
  const listed = spawnSync(process.execPath, [JEST, ...config, '--listTests', '--json'], { encoding: 'utf8' });
  const reportFile = path.join(project, 'report.json');
  const progressFile = path.join(project, 'progress.jsonl');
  const ran = spawnSync(
    process.execPath,
    [
      JEST,
      ...config,
      ...extraArgs,
      '--json',
      `--outputFile=${reportFile}`,
      '--reporters=default',
      `--reporters=${REPORTER}`,
    ],
    { encoding: 'utf8', env: { ...process.env, GREN_TEST_PROGRESS_FILE: progressFile } },
  );
  return {
    project,
    expectedFiles: JSON.parse(listed.stdout) as string[],
    reportFile,
    progressFile,
    exitCode: ran.status,
  };
}

/** Runs tallyRun in a child node (the module is ESM, as the script that uses it). */
function tally(run: JestRun, expectedFiles = run.expectedFiles): Tally {
  const input = JSON.stringify({ label: 'jest', root: run.project, ...run, expectedFiles });
  const code = `import { tallyRun } from ${JSON.stringify(TALLY)}; console.log(JSON.stringify(tallyRun(${input})));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`tallyRun failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Tally;
}

describe('tallyRun (scripts/test-report.mjs)', () => {
  const projects: string[] = [];
  afterAll(() => projects.forEach((project) => fs.rmSync(project, { recursive: true, force: true })));

  describe('when a test calls process.exit in a run in band', () => {
    let result: Tally;

    beforeAll(() => {
      const run = runJest(writeProject(FILES), ['--runInBand']);
      projects.push(run.project);
      expect(fs.existsSync(run.reportFile)).toBe(false);
      result = tally(run);
    });

    it('should name the runner that ended without its report', () => {
      expect(result.problems[0]).toMatch(
        /^jest: the runner ended \(exit code 1\) without writing its report report\.json$/,
      );
    });

    it('should name the file that was running and count it as failed', () => {
      expect(result.problems).toContainEqual(
        'jest: b-exits.spec.js was running when the runner died: it crashed the run (its output is above)',
      );
    });

    it('should keep the tests of the file that finished before the crash', () => {
      expect(result.passed).toBe(2);
    });

    it('should count every file it never reached as failed, naming them', () => {
      expect(result.problems).toContainEqual(
        'jest: 2 of 4 test files never ran (each counted as failed): c-passes.spec.js, d-breaks.spec.js',
      );
      expect(result.failed).toBe(4);
    });
  });

  describe('when jest writes its report (workers)', () => {
    let run: JestRun;
    let result: Tally;

    beforeAll(() => {
      run = runJest(writeProject(FILES), ['--maxWorkers=2']);
      projects.push(run.project);
      result = tally(run);
    });

    it('should count the tests of the files that ran', () => {
      expect(result.passed).toBe(3);
    });

    it('should count a file whose tests could not be collected as failed, with its error', () => {
      expect(result.problems).toContainEqual('jest: d-breaks.spec.js failed to run: boom while collecting');
    });

    it('should count the file that killed its worker as failed, naming it', () => {
      expect(result.problems).toContainEqual(expect.stringMatching(/^jest: b-exits\.spec\.js failed to run: /));
      expect(result.failed).toBe(2);
    });

    it('should count a listed file missing from the report as failed', () => {
      const listedButAbsent = path.join(run.project, 'e-lost.spec.js');

      const withLostFile = tally(run, [...run.expectedFiles, listedButAbsent]);

      expect(withLostFile.failed).toBe(3);
      expect(withLostFile.problems).toContainEqual(
        'jest: 1 of 5 test files never ran (each counted as failed): e-lost.spec.js',
      );
    });
  });

  describe('when every test passes but the runner exits with an error', () => {
    it('should count one failure naming the exit code', () => {
      const run = runJest(writeProject({ 'a-passes.spec.js': FILES['a-passes.spec.js']! }), []);
      projects.push(run.project);

      const result = tally({ ...run, exitCode: 1 });

      expect(result).toEqual({
        passed: 2,
        failed: 1,
        skipped: 0,
        problems: ['jest: the runner exited with code 1 although no test failed'],
      });
    });
  });
});
