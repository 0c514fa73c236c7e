import * as fs from 'node:fs';
import type { DashboardAccess } from '../config/dashboard-options';
import { createDashboardApp } from '../create-app';
import { CliError } from './cli-error';

export interface ServerSettings {
  host: string;
  port: number;
  basePath: string;
  spaDirectory: string | null;
  watch: boolean;
  access: DashboardAccess;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Checks the store, builds the app and listens; failures are CliErrors with one clear line. */
export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  checkRoot(settings.basePath);
  const app = await createDashboardApp({
    basePath: settings.basePath,
    spaDirectory: settings.spaDirectory,
    watch: settings.watch,
    access: settings.access,
  });
  await app.init();
  const server = app.getHttpServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, settings)));
    server.listen(settings.port, settings.host, () => resolve());
  }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { url: `http://${host}:${port}`, close: () => app.close() };
}

function checkRoot(basePath: string): void {
  let isFolder = false;
  try {
    isFolder = fs.statSync(basePath).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    throw new CliError(
      `the store root ${basePath} does not exist (or is not a folder). Point --root or GREN_PATH at a gren store ` +
        `(the folder holding data/ and git/), or create an empty one with: mkdir -p ${basePath}/data`,
    );
  }
}

function listenError(error: NodeJS.ErrnoException, settings: ServerSettings): Error {
  if (error.code === 'EADDRINUSE') {
    return new CliError(
      `port ${settings.port} on ${settings.host} is already in use; pick another with --port <number> (or stop the program using it)`,
    );
  }
  if (error.code === 'EACCES') {
    return new CliError(`not allowed to listen on port ${settings.port}; pick a port above 1023 with --port <number>`);
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
    return new CliError(`cannot listen on host ${settings.host}: no such local address; try --host 127.0.0.1`);
  }
  return error;
}
