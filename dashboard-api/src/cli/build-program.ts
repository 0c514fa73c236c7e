import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { DashboardAccess } from '../config/dashboard-options';
import { accessTokenProblem, generateAccessToken } from '../security/access-token';
import { isLoopbackAddress } from '../security/loopback';
import { CliError } from './cli-error';
import { defaultSpaCandidates, findSpaDirectory } from './find-spa';
import type { RunningServer } from './start-server';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

type CommandOptions = {
  host: string;
  port: number;
  root?: string;
  spaDir?: string;
  watch: boolean;
  token?: string;
  insecure?: boolean;
  module?: string[];
};

/** How the dashboard is protected, and what to tell the user about it. */
interface AccessPlan {
  access: DashboardAccess;
  /** A token made up here (printed with its login link); undefined when given or none. */
  generated?: string;
  warning?: string;
}

/**
 * `gren-dashboard serve|api [--host] [--port] [--root]`. No `-h` for host: `-h` is help.
 * `onStarted` receives the running server (the CLI keeps it until a signal).
 */
export function buildProgram(io: CliIo, onStarted: (server: RunningServer) => void): Command {
  const program = new Command('gren-dashboard')
    .description('Web dashboard of a gren store: browse experiments, their state, logs and dependencies.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run gren-dashboard --help for usage)')
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .exitOverride();
  program.action(() => program.help());

  const addCommand = (name: 'serve' | 'api', description: string): Command => {
    const command = program
      .command(name)
      .description(description)
      .addOption(
        new Option('--host <host>', 'address to listen on (anything but loopback exposes the store)').default(
          '127.0.0.1',
        ),
      )
      .addOption(new Option('-p, --port <port>', 'port to listen on').default(8000).argParser(parsePort))
      .addOption(
        new Option('--root <path>', 'the gren store (folder with data/ and git/); default: GREN_PATH or ./data-gren'),
      )
      .addOption(
        new Option(
          '--module <files...>',
          'modules declaring your config classes: stored configs that no longer fit them are shown as stale, with their differences',
        ),
      )
      .addOption(new Option('--no-watch', 'do not use inotify; rely on polling only (network file systems)'))
      .addOption(
        new Option(
          '--token <token>',
          'access token required by every /api request (default off the loopback: a random one, printed)',
        ).env('GREN_DASHBOARD_TOKEN'),
      )
      .addOption(
        new Option(
          '--insecure',
          'serve a non-loopback --host without an access token: anyone who reaches it reads the store',
        ),
      )
      .exitOverride();
    if (name === 'serve') {
      command.addOption(
        new Option(
          '--spa-dir <path>',
          'the built SPA folder holding index.html (default: dashboard-web/dist/**/browser)',
        ).env('GREN_DASHBOARD_SPA_DIR'),
      );
    }
    return command.action(async (options: CommandOptions) => {
      // Loaded here, not at the top: `--help` stays fast (Nest and gren take a second to load).
      const [{ GREN_CONFIG, loadUserModule }, { startServer }] = await Promise.all([
        import('gren-ts'),
        import('./start-server.js'),
      ]);
      for (const file of options.module ?? []) loadUserModule(file);
      const basePath = path.resolve(options.root ?? GREN_CONFIG.basePath);
      const spaDirectory = name === 'serve' ? resolveSpa(options.spaDir, io) : null;
      const plan = planAccess(options);
      if (plan.warning) io.err(plan.warning);
      const server = await startServer({
        host: options.host,
        port: options.port,
        basePath,
        spaDirectory,
        watch: options.watch,
        access: plan.access,
      });
      io.out(`gren dashboard ${name === 'serve' && spaDirectory ? '(API and web app)' : '(API)'} for ${basePath}`);
      io.out(`  ${server.url}${spaDirectory ? '/' : '/api/health'}`);
      io.out(`  API docs: ${server.url}/api/docs`);
      if (plan.generated !== undefined) {
        io.out(`  access token: ${plan.generated}`);
        io.out(`  sign in: ${browsableUrl(server.url, options.host)}/login?token=${plan.generated}`);
      } else if (plan.access.token !== null) {
        io.out('  access token required: the one given by --token / GREN_DASHBOARD_TOKEN');
      }
      onStarted(server);
    });
  };
  addCommand('serve', 'serve the API and the web app (the built SPA)');
  addCommand('api', 'serve the API only (under /api)');
  return program;
}

/**
 * Loopback: no token unless one is given (and then only loopback Host names without one).
 * Anything else: the given token, or a generated one; `--insecure` without a token serves
 * everyone, with a warning on every start.
 */
export function planAccess(options: Pick<CommandOptions, 'host' | 'token' | 'insecure'>): AccessPlan {
  const loopback = isLoopbackAddress(options.host);
  if (options.token !== undefined) {
    const problem = accessTokenProblem(options.token);
    if (problem) throw new CliError(`--token / GREN_DASHBOARD_TOKEN: ${problem}`);
    return { access: { token: options.token, loopbackHostsOnly: false } };
  }
  if (options.insecure) {
    return {
      access: { token: null, loopbackHostsOnly: loopback },
      warning:
        `warning: --insecure: no access token on ${options.host}; anyone who can reach it can read the store ` +
        '(configs, metadata with git diffs, logs, host and user names).',
    };
  }
  if (loopback) return { access: { token: null, loopbackHostsOnly: true } };
  const generated = generateAccessToken();
  return { access: { token: generated, loopbackHostsOnly: false }, generated };
}

/** The server's URL with a name a browser can open (a wildcard bind becomes this host's name). */
function browsableUrl(url: string, host: string): string {
  if (host !== '0.0.0.0' && host !== '::' && host !== '[::]') return url;
  const port = /:(\d+)$/.exec(url)?.[1] ?? '';
  return `http://${os.hostname()}:${port}`;
}

function resolveSpa(explicit: string | undefined, io: CliIo): string | null {
  if (explicit) {
    const found = findSpaDirectory([path.resolve(explicit)]);
    if (!found)
      throw new CliError(
        `no index.html in ${path.resolve(explicit)} (--spa-dir / GREN_DASHBOARD_SPA_DIR); build the web app with: npm run build -w dashboard-web`,
      );
    return found;
  }
  const found = findSpaDirectory(defaultSpaCandidates());
  if (!found) {
    io.err(
      'warning: the web app is not built (no dashboard-web/dist/**/index.html); serving the API only. Build it with: npm run build -w dashboard-web',
    );
    return null;
  }
  return found;
}

/** This package's version (the workspace's packages share one). */
function packageVersion(): string {
  const file = path.resolve(__dirname, '..', '..', 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  }
  return port;
}
