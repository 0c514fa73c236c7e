// A jest reporter that appends one JSON line when a test file starts and one when it ends, to
// the file named by GREN_TEST_PROGRESS_FILE. jest writes its --json report only at the very end;
// when it dies on the way (a test calls process.exit while the run is in band), these lines still
// tell which files finished, with their counts, and which file was running.
const fs = require('node:fs');

class ProgressReporter {
  constructor() {
    this.file = process.env.GREN_TEST_PROGRESS_FILE;
  }

  onTestFileStart(test) {
    this.write({ event: 'start', path: test.path });
  }

  onTestFileResult(test, result) {
    this.write({
      event: 'end',
      path: test.path,
      passed: result.numPassingTests,
      failed: result.numFailingTests,
      skipped: result.numPendingTests + result.numTodoTests,
      error: result.testExecError ? firstLine(result.testExecError.message) : null,
    });
  }

  getLastError() {
    return undefined;
  }

  write(line) {
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }
}

function firstLine(text) {
  return String(text ?? '')
    .trim()
    .split('\n')[0];
}

module.exports = ProgressReporter;
