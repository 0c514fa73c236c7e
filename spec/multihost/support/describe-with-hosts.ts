import { INSTALL_COMMAND, missingPrerequisites } from './prerequisites';

/**
 * `describe` for suites that need simulated hosts. Without the prerequisites the suite is
 * skipped locally with the install command, and fails in CI (CI=true), where it is mandatory.
 */
export function describeWithHosts(name: string, body: () => void): void {
  const missing = missingPrerequisites();
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const message = `multi-host suite needs ${missing.join(', ')}; install with: ${INSTALL_COMMAND}`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('has its prerequisites', () => {
        throw new Error(message);
      });
    });
    return;
  }
  process.stderr.write(`skipping "${name}": ${message}\n`);
  describe.skip(name, body);
}
