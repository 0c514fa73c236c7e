import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';

export const WORKSPACE = path.resolve(__dirname, '..', '..', '..');
export const DASHBOARD_CLI = path.join(WORKSPACE, 'dashboard-api', 'dist', 'cli', 'main.js');

/** The real `gren-dashboard serve` (compiled CLI, built SPA) running as a child process. */
export interface DashboardServer {
  url: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface DashboardStartOptions {
  /** Start it with `--token <token>` (health is then polled with that bearer token). */
  token?: string;
  /** Start it with `--module <file>`: the classes stored configs are judged against (stale or not). */
  module?: string;
}

/**
 * Starts `serve --host 127.0.0.1 --port <free> --root <store>` (plus `--token` when given) and
 * resolves once /api/health answers.
 */
export async function startDashboard(
  store: string,
  timeoutMs = 30_000,
  options: DashboardStartOptions = {},
): Promise<DashboardServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const extra = [
    ...(options.token === undefined ? [] : ['--token', options.token]),
    ...(options.module === undefined ? [] : ['--module', options.module]),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, GREN_LOG_LEVEL: 'ERROR' };
  delete env.GREN_DASHBOARD_TOKEN;
  const child = spawn(
    process.execPath,
    [DASHBOARD_CLI, 'serve', '--host', '127.0.0.1', '--port', String(port), '--root', store, ...extra],
    { cwd: WORKSPACE, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForHealth(url, child, timeoutMs, options.token);
  } catch (error) {
    await stopChild(child);
    throw new Error(`gren-dashboard serve did not come up: ${(error as Error).message}\n${output}`);
  }
  return { url, stop: () => stopChild(child) };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, token?: string): Promise<void> {
  const headers: Record<string, string> = token === undefined ? {} : { Authorization: `Bearer ${token}` };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited (${String(child.exitCode ?? child.signalCode)}) before answering`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { headers });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer from ${url}/api/health within ${timeoutMs} ms`);
}

/** SIGTERM (the CLI closes the server), SIGKILL if it lingers. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
