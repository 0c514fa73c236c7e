import * as os from 'node:os';
import { hostName } from '../locking/host-name';

/** Facts about the process, as the reference's EnvironmentInfo (owner of queued attempts). */
export interface EnvironmentInfo {
  timestamp: string;
  command: string;
  python_version: string;
  executable: string;
  platform: string;
  hostname: string;
  user: string;
  pid: number;
}

let cachedUser: string | undefined;

export function currentUser(): string {
  if (cachedUser === undefined) {
    try {
      cachedUser = os.userInfo().username;
    } catch {
      cachedUser = process.env.USER ?? 'unknown';
    }
  }
  return cachedUser;
}

/** The command line, as `argv` without the node binary (`<unknown>` when empty). */
export function commandLine(): string {
  const args = process.argv.slice(1);
  return args.length > 0 ? args.join(' ') : '<unknown>';
}

let cachedPlatform: string | undefined;

/** The operating system, asked once per process (each part is a system call). */
function platformName(): string {
  cachedPlatform ??= `${os.type()}-${os.release()}-${os.arch()}`;
  return cachedPlatform;
}

export function environmentInfo(now: Date): EnvironmentInfo {
  return {
    timestamp: `${now.toISOString().slice(0, 23)}000+00:00`,
    command: commandLine(),
    // The field name is the Python store's; it holds the runtime that wrote the artifact.
    python_version: `Node.js ${process.version}`,
    executable: process.execPath,
    platform: platformName(),
    hostname: hostName(),
    user: currentUser(),
    pid: process.pid,
  };
}
