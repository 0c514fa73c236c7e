import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** A private sshd on 127.0.0.1 serving SFTP: its own config, host key and authorized key. */
export class LoopbackSshd {
  private constructor(
    private readonly process: ChildProcess,
    readonly port: number,
    readonly clientKey: string,
    private readonly logFile: string,
  ) {}

  /** Writes keys and config into `dir` (a fresh temp folder) and starts sshd there. */
  static async start(dir: string): Promise<LoopbackSshd> {
    const hostKey = path.join(dir, 'host_key');
    const clientKey = path.join(dir, 'client_key');
    for (const key of [hostKey, clientKey]) execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    const authorized = path.join(dir, 'authorized_keys');
    fs.copyFileSync(`${clientKey}.pub`, authorized);
    fs.chmodSync(authorized, 0o600);
    const port = await freeLoopbackPort();
    const config = path.join(dir, 'sshd_config');
    fs.writeFileSync(config, sshdConfig(port, hostKey, authorized, path.join(dir, 'sshd.pid')));
    // sshd refuses to start without its privilege separation directory.
    fs.mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    const logFile = path.join(dir, 'sshd.log');
    const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], {
      stdio: ['ignore', 'ignore', fs.openSync(logFile, 'a')],
    });
    const sshd = new LoopbackSshd(child, port, clientKey, logFile);
    await sshd.waitListening();
    return sshd;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }

  private async waitListening(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await accepts(this.port))) {
      if (this.process.exitCode !== null || Date.now() > deadline) {
        throw new Error(`sshd on 127.0.0.1:${this.port} did not start: ${fs.readFileSync(this.logFile, 'utf8')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function sshdConfig(port: number, hostKey: string, authorized: string, pidFile: string): string {
  return [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    `AuthorizedKeysFile ${authorized}`,
    `PidFile ${pidFile}`,
    'StrictModes no',
    'UsePAM no',
    'PermitRootLogin prohibit-password',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'Subsystem sftp internal-sftp',
    'MaxStartups 64',
    'LogLevel ERROR',
    '',
  ].join('\n');
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
