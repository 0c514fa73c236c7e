import * as os from 'node:os';

let cachedHostName: string | undefined;

/**
 * This machine's name, as lock files and metadata record it. Asked once per process: every
 * lock taken would otherwise cost a system call, and a process keeps its host.
 */
export function hostName(): string {
  cachedHostName ??= os.hostname();
  return cachedHostName;
}
