#!/usr/bin/env node
// The README's test command (`npm test`): builds what the suites need, runs every runner with
// JSON output, and ends with one plain line `N passed, N failed, N skipped` summed over them.
// Nothing that did not run is hidden (scripts/test-report.mjs): before each runner starts, the
// test files it must run are listed (`jest --listTests`, the web app's *.spec.ts); each of them
// that is missing from the runner's report counts as one failure and is named, and so does the
// file that was running when a runner died.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tallyRun } from './test-report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const progressReporter = join(root, 'scripts', 'jest-progress-reporter.cjs');

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function add(label, tally, expectedFiles) {
  totals.passed += tally.passed;
  totals.failed += tally.failed;
  totals.skipped += tally.skipped;
  problems.push(...tally.problems);
  const ran = tally.passed + tally.failed + tally.skipped;
  process.stdout.write(`${label}: ${expectedFiles.length} test files expected; ${ran} tests counted\n`);
}

/** The test files jest would run for these arguments (absolute paths). */
function listJestFiles(selection) {
  const listed = spawnSync(process.execPath, [jest, ...selection, '--listTests', '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (listed.status !== 0) return null;
  return JSON.parse(listed.stdout);
}

function specFilesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.spec.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

const builds = [
  ['build lib', npm, ['run', 'build', '-w', 'lib']],
  ['build dashboard-api', npm, ['run', 'build', '-w', 'dashboard-api', '--if-present']],
  ['build dashboard-web', npm, ['run', 'build', '-w', 'dashboard-web', '--if-present']],
];
for (const [label, command, args] of builds) {
  if (run(label, command, args) !== 0) {
    totals.failed += 1;
    problems.push(`${label} failed`);
  }
}

const jestRuns = [
  ['jest', ['--selectProjects', 'lib-unit', 'lib-integration', 'dashboard-api', 'examples', 'browser'], 'jest'],
  ['jest slurm (in band)', ['--selectProjects', 'slurm', '--runInBand'], 'jest-slurm'],
  // User projects in temp folders (npm install of the packed library, tsc 7, swc, ts-node, tsx, vitest).
  ['jest toolchains', ['--selectProjects', 'toolchains'], 'jest-toolchains'],
  // Packs lib and dashboard-api (their prepack rebuilds dist/), so nothing else may run beside it.
  ['jest package (in band)', ['--selectProjects', 'package', '--runInBand'], 'jest-package'],
  ['jest multihost (in band)', ['--selectProjects', 'multihost', '--runInBand'], 'jest-multihost'],
];
for (const [label, selection, name] of jestRuns) {
  const expectedFiles = listJestFiles(selection);
  if (expectedFiles === null) {
    totals.failed += 1;
    problems.push(`${label}: jest could not list its test files (run: npx jest ${selection.join(' ')} --listTests)`);
    continue;
  }
  const reportFile = join(out, `${name}.json`);
  const progressFile = join(out, `${name}-progress.jsonl`);
  const args = [
    jest,
    ...selection,
    '--ci',
    '--json',
    `--outputFile=${reportFile}`,
    '--reporters=default',
    `--reporters=${progressReporter}`,
  ];
  const exitCode = run(label, process.execPath, args, { GREN_TEST_PROGRESS_FILE: progressFile });
  add(label, tallyRun({ label, root, expectedFiles, reportFile, progressFile, exitCode }), expectedFiles);
}

const webLabel = 'dashboard-web unit tests';
const webFiles = specFilesUnder(join(root, 'dashboard-web', 'src'));
const webExit = run(webLabel, npm, ['run', 'test:json', '-w', 'dashboard-web']);
add(
  webLabel,
  tallyRun({
    label: webLabel,
    root,
    expectedFiles: webFiles,
    reportFile: join(out, 'web-unit.json'),
    exitCode: webExit,
  }),
  webFiles,
);

for (const problem of problems) process.stdout.write(`problem: ${problem}\n`);
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(join(out, 'summary.txt'), `${summary}\n`);
process.stdout.write(`\n${summary}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
