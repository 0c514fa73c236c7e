#!/usr/bin/env node
// The README's test command (`npm test`): builds what the suites need, runs every runner with
// JSON output, and ends with one plain line `N passed, N failed, N skipped` summed over them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');

function run(label, command, args, options = {}) {
  process.stdout.write(`\n=== ${label}: ${[command, ...args].join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  return result.status === 0;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function count(label, file, ran) {
  if (!existsSync(file)) {
    totals.failed += 1;
    problems.push(`${label}: no report (${ran ? 'runner printed nothing' : 'runner failed before reporting'})`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const brokenSuites = (report.testResults ?? []).filter((suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0);
  for (const suite of brokenSuites) {
    totals.failed += 1;
    problems.push(`${label}: ${suite.name} failed to run: ${String(suite.message).split('\n')[0]}`);
  }
}

const builds = [
  ['build lib', npm, ['run', 'build', '-w', 'lib']],
  ['build dashboard-api', npm, ['run', 'build', '-w', 'dashboard-api', '--if-present']],
  ['build dashboard-web', npm, ['run', 'build', '-w', 'dashboard-web', '--if-present']],
];
for (const [label, command, args] of builds) {
  if (!run(label, command, args)) problems.push(`${label} failed`);
}

const jestRuns = [
  ['jest', ['--selectProjects', 'lib-unit', 'lib-integration', 'dashboard-api', 'examples', 'browser', '--ci'], 'jest.json'],
  ['jest slurm (in band)', ['--selectProjects', 'slurm', '--runInBand', '--ci'], 'jest-slurm.json'],
  // User projects in temp folders (npm install of the packed library, tsc 7, swc, ts-node, tsx, vitest).
  ['jest toolchains', ['--selectProjects', 'toolchains', '--ci'], 'jest-toolchains.json'],
  // Packs lib and dashboard-api (their prepack rebuilds dist/), so nothing else may run beside it.
  ['jest package (in band)', ['--selectProjects', 'package', '--runInBand', '--ci'], 'jest-package.json'],
  ['jest multihost (in band)', ['--selectProjects', 'multihost', '--runInBand', '--ci'], 'jest-multihost.json'],
];
for (const [label, args, report] of jestRuns) {
  const file = join(out, report);
  const ok = run(label, process.execPath, [jest, ...args, '--json', `--outputFile=${file}`]);
  count(label, file, ok);
}

const webReport = join(out, 'web-unit.json');
const webOk = run('dashboard-web unit tests', npm, ['run', 'test:json', '-w', 'dashboard-web', '--if-present']);
count('dashboard-web unit tests', webReport, webOk);

for (const problem of problems) process.stdout.write(`problem: ${problem}\n`);
if (problems.some((problem) => problem.includes('build')) && totals.failed === 0) totals.failed += 1;
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(join(out, 'summary.txt'), `${summary}\n`);
process.stdout.write(`\n${summary}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
