import { CHROMIUM, chromiumInstalled, INSTALL_COMMAND } from './chromium';

/**
 * `describe` when chromium is installed. Without it: in CI (CI=true) a suite whose one test
 * fails naming the install command (the browser suite is mandatory there); elsewhere a
 * skipped suite, with the same hint printed once.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumInstalled()) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('should find Debian chromium (mandatory in CI)', () => {
        throw new Error(
          `${CHROMIUM} is missing; the browser suite is mandatory in CI. Install it with: ${INSTALL_COMMAND}`,
        );
      });
    });
    return;
  }
  process.stderr.write(
    `browser suite "${name}" skipped: ${CHROMIUM} is missing. Install it with: ${INSTALL_COMMAND}\n`,
  );
  describe.skip(name, body);
}
