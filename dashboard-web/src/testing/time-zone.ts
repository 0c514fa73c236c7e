/**
 * Runs the enclosing suite's tests in the given IANA time zone. Node re-reads `process.env.TZ`
 * when it is assigned, so `Date` switches zone at once. Test support only.
 */
const env = (
  globalThis as unknown as {
    process: { env: Record<string, string | undefined> };
  }
).process.env;

export function useTimeZone(zone: string): void {
  let previous: string | undefined;
  beforeEach(() => {
    previous = env['TZ'];
    env['TZ'] = zone;
  });
  afterEach(() => {
    if (previous === undefined) {
      delete env['TZ'];
    } else {
      env['TZ'] = previous;
    }
  });
}
