import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

/** How one host reaches the exported store. */
export interface HostMount {
  sshdPort: number;
  clientKey: string;
  /** The exported folder, as the server sees it. */
  exportDir: string;
  /** Where every host mounts it (the same path on each, as on a cluster). */
  mountPoint: string;
  /** Extra sshfs `-o` options; none keeps sshfs's default caching. */
  sshfsOptions: readonly string[];
}

/**
 * One simulated machine: an init process in its own mount, UTS (hostname) and PID namespace,
 * which sees the store through its own sshfs mount. Processes started with `run` join all
 * three namespaces, so their pids repeat across hosts and their hostname is the host's.
 */
export class SimulatedHost {
  private constructor(
    readonly name: string,
    private readonly unshare: ChildProcess,
    /** The host's init (pid 1 inside), as seen from this machine's namespace. */
    readonly initPid: number,
  ) {}

  static async start(name: string, mount: HostMount): Promise<SimulatedHost> {
    const options = [
      `port=${mount.sshdPort}`,
      `IdentityFile=${mount.clientKey}`,
      'StrictHostKeyChecking=no',
      'UserKnownHostsFile=/dev/null',
      'BatchMode=yes',
      'LogLevel=ERROR',
      ...mount.sshfsOptions,
    ].join(',');
    const script = 'hostname "$0" && sshfs -o "$1" "root@127.0.0.1:$2" "$3" && echo mounted && exec sleep infinity';
    const unshare = spawn(
      'unshare',
      [
        '--mount',
        '--uts',
        '--pid',
        '--fork',
        '--propagation',
        'private',
        'sh',
        '-c',
        script,
        name,
        options,
        mount.exportDir,
        mount.mountPoint,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await untilMounted(unshare, name);
    const children = fs.readFileSync(`/proc/${unshare.pid}/task/${unshare.pid}/children`, 'utf8').trim();
    const initPid = Number(children.split(/\s+/)[0]);
    if (!Number.isInteger(initPid) || initPid <= 0)
      throw new Error(`host ${name}: no init process under unshare ${unshare.pid}`);
    return new SimulatedHost(name, unshare, initPid);
  }

  /** Starts `node <script> <args>` on this host (in `cwd`, else in /). */
  run(script: string, args: readonly string[], env: Record<string, string>, cwd?: string): ChildProcess {
    const where = cwd === undefined ? [] : [`--wd=${cwd}`];
    const nsenter = ['-t', String(this.initPid), '-m', '-u', '-p', ...where, '--', process.execPath, script, ...args];
    return spawn('nsenter', nsenter, {
      env: { ...process.env, GREN_LOG_LEVEL: 'ERROR', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Kills the host's sshfs: its processes then get "Transport endpoint is not connected". */
  cutMount(): void {
    const killed = this.processes('sshfs').map((pid) => process.kill(pid, 'SIGKILL'));
    if (killed.length === 0) throw new Error(`host ${this.name}: no sshfs process to kill`);
  }

  /** The host dies: its init is SIGKILLed, and with it every process of its PID namespace. */
  async kill(): Promise<void> {
    if (this.unshare.exitCode !== null || this.unshare.signalCode !== null) return;
    const exited = new Promise((resolve) => this.unshare.once('exit', resolve));
    try {
      process.kill(this.initPid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await exited;
  }

  /** Pids (outside view) of this host's processes with the given command name. */
  private processes(command: string): number[] {
    const namespace = fs.readlinkSync(`/proc/${this.initPid}/ns/pid`);
    const found: number[] = [];
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (fs.readlinkSync(`/proc/${entry}/ns/pid`) !== namespace) continue;
        if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) found.push(Number(entry));
      } catch {
        // The process ended while we looked.
      }
    }
    return found;
  }
}

function untilMounted(unshare: ChildProcess, name: string): Promise<void> {
  let stderr = '';
  unshare.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host ${name}: sshfs did not mount within 20 s: ${stderr}`)),
      20_000,
    );
    unshare.stdout?.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('mounted')) return;
      clearTimeout(timer);
      resolve();
    });
    unshare.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host ${name}: mounting failed (exit ${code}): ${stderr}`));
    });
  });
}
