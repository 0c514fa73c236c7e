// The options of `npm run demo` and the check that its port is free, done before anything is
// built or run (so a taken port costs seconds, not the whole demo).
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const DEMO_USAGE = `Usage: npm run demo -- [--port <number>] [--root <dir>]

Builds everything, runs the examples into the store, then serves the dashboard on it.

Options:
  --port <number>  the dashboard's port on 127.0.0.1 (default: $PORT, else 8000)
  --root <dir>     the gren store the examples write and the dashboard reads
                   (default: $GREN_PATH, else ./data-gren)
  -h, --help       this help
`;

export const DEMO_HOST = '127.0.0.1';

/** A mistake in the demo's options: the message names the option and what to give instead. */
export class DemoOptionError extends Error {}

/**
 * `--port` and `--root` (then PORT and GREN_PATH, then 8000 and ./data-gren). A relative root is
 * taken from the folder the user ran npm in (`cwd`), not from the repository root npm runs
 * scripts in.
 */
export function parseDemoOptions(argv, env, cwd) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { port: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    });
  } catch (error) {
    throw new DemoOptionError(`${error.message}\n\n${DEMO_USAGE}`);
  }
  const { values } = parsed;
  if (values.help) return { help: true };
  const portText = values.port ?? env.PORT ?? '8000';
  const portSource = values.port !== undefined ? '--port' : env.PORT !== undefined ? 'PORT' : 'the default port';
  if (!/^\d+$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
    throw new DemoOptionError(
      `${portSource} must be a port number from 1 to 65535, not "${portText}" (e.g. --port 8001)`,
    );
  }
  const rootText = values.root ?? env.GREN_PATH ?? 'data-gren';
  if (rootText === '') throw new DemoOptionError('--root must name a folder (e.g. --root ./my-store)');
  return { help: false, port: Number(portText), portSource, root: resolve(cwd, rootText) };
}

/** Resolves when `port` can be listened on; rejects with a DemoOptionError naming the option otherwise. */
export function checkPortFree(host, port, portSource) {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new DemoOptionError(
            `port ${port} on ${host} is already in use (${portSource}); pick a free one with --port <number>, ` +
              `e.g. npm run demo -- --port ${port === 65535 ? port - 1 : port + 1}`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new DemoOptionError(
            `not allowed to listen on port ${port} (${portSource}); pick a port above 1023 with --port <number>`,
          ),
        );
      } else reject(error);
    });
    probe.listen(port, host, () => probe.close(() => resolvePromise()));
  });
}
