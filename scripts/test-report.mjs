// Turns what one test runner left behind into counts that hide nothing: every test file the
// runner was expected to run is either in its report (with its tests counted) or counted as one
// failure and named: the file that was running when the runner died, the files it never reached,
// a file that failed before any of its tests ran or that held no test.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const NAMES_SHOWN = 10;

/**
 * @param {object} run
 * @param {string} run.label how the summary names the runner
 * @param {string} run.root paths in problems are relative to it
 * @param {string[]} run.expectedFiles absolute paths of the test files the runner should run
 * @param {string} run.reportFile its --json report (jest, vitest), written when it finished
 * @param {string} [run.progressFile] jest-progress-reporter.cjs lines, used when there is no report
 * @param {number|null} run.exitCode
 * @returns {{ passed: number, failed: number, skipped: number, problems: string[] }}
 */
export function tallyRun(run) {
  const tally = { passed: 0, failed: 0, skipped: 0, problems: [] };
  const name = (file) => relative(run.root, file);
  const fail = (problem) => {
    tally.failed += 1;
    tally.problems.push(`${run.label}: ${problem}`);
  };

  let files = readReport(run.reportFile);
  const crashed = [];
  if (files === null) {
    fail(`the runner ended (exit code ${run.exitCode}) without writing its report ${name(run.reportFile)}`);
    const progress = readProgress(run.progressFile);
    files = progress.finished;
    crashed.push(...progress.running);
    for (const file of crashed)
      fail(`${name(file)} was running when the runner died: it crashed the run (its output is above)`);
  }

  for (const [file, counts] of files) {
    tally.passed += counts.passed;
    tally.failed += counts.failed;
    tally.skipped += counts.skipped;
    const total = counts.passed + counts.failed + counts.skipped;
    if (counts.error !== null && counts.failed === 0) {
      fail(`${name(file)} ${total === 0 ? 'failed to run' : 'failed outside its tests'}: ${counts.error}`);
    } else if (total === 0) fail(`${name(file)} ran no test`);
  }

  const notRun = run.expectedFiles.filter((file) => !files.has(file) && !crashed.includes(file)).sort();
  tally.failed += notRun.length;
  if (notRun.length > 0) {
    const shown = notRun.slice(0, NAMES_SHOWN).map(name).join(', ');
    const more = notRun.length > NAMES_SHOWN ? ` and ${notRun.length - NAMES_SHOWN} more` : '';
    tally.problems.push(
      `${run.label}: ${notRun.length} of ${run.expectedFiles.length} test files never ran (each counted as failed): ${shown}${more}`,
    );
  }

  if (run.exitCode !== 0 && tally.failed === 0)
    fail(`the runner exited with code ${run.exitCode} although no test failed`);
  return tally;
}

/** Per file: passed, failed, skipped and the error that stopped it before its tests; null without a report. */
function readReport(file) {
  if (!existsSync(file)) return null;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const files = new Map();
  for (const suite of report.testResults ?? []) {
    const statuses = (suite.assertionResults ?? []).map((test) => test.status);
    files.set(suite.name, {
      passed: statuses.filter((status) => status === 'passed').length,
      failed: statuses.filter((status) => status === 'failed').length,
      skipped: statuses.filter((status) => status !== 'passed' && status !== 'failed').length,
      error: suite.status === 'failed' ? firstLine(suite.message) || 'failed without a message' : null,
    });
  }
  return files;
}

/** The files the progress lines show finished (with counts) and the ones started but never finished. */
function readProgress(file) {
  const finished = new Map();
  const started = new Set();
  if (!file || !existsSync(file)) return { finished, running: [] };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const event = JSON.parse(line);
    if (event.event === 'start') started.add(event.path);
    else {
      started.delete(event.path);
      finished.set(event.path, {
        passed: event.passed,
        failed: event.failed,
        skipped: event.skipped,
        error: event.error,
      });
    }
  }
  return { finished, running: [...started] };
}

function firstLine(text) {
  return (
    String(text ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('●')) ?? ''
  );
}
