import * as path from 'node:path';
import { finished, type ChildResult } from '../../support/child-process';
import type { SimulatedHost } from './simulated-host';

export const HOST_CLIENT = path.resolve(__dirname, '..', 'children', 'dist', 'host-client.js');

/** What host-client.js prints on success. */
export interface ClientOutput {
  host: string;
  pid: number;
  results: Record<string, unknown>;
  finishedAt: number;
}

export interface HostRun {
  host: string;
  result: Promise<ChildResult>;
}

/** Starts host-client.js on `host` for the config ids, with the store at `storePath`. */
export function startClient(
  host: SimulatedHost,
  storePath: string,
  ids: readonly string[],
  options: { workMs?: number; env?: Record<string, string> } = {},
): HostRun {
  const env = { GREN_PATH: storePath, GREN_IGNORE_DIFF: '1', GREN_POLL_INTERVAL_SECS: '0.5', ...options.env };
  const child = host.run(HOST_CLIENT, [ids.join(','), String(options.workMs ?? 1000)], env);
  return { host: host.name, result: finished(child) };
}

export function parseOutput(result: ChildResult, host: string): ClientOutput {
  if (result.code !== 0) throw new Error(`process on ${host} exited ${result.code ?? result.signal}: ${result.stderr}`);
  return JSON.parse(result.stdout) as ClientOutput;
}
