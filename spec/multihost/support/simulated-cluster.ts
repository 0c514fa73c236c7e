import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LoopbackSshd } from './loopback-sshd';
import { SimulatedHost } from './simulated-host';

/** sshfs's defaults: its own 20 s directory and attribute cache, the kernel's 1 s ones. */
export const DEFAULT_CACHING: readonly string[] = [];
/**
 * Closer to NFS: no sshfs directory cache, so a listing or stat reaches the server once the
 * kernel's 1 s attribute and name caches expire, as NFS revalidates its attribute cache.
 */
export const NO_DIRECTORY_CACHE: readonly string[] = ['dir_cache=no'];

/**
 * K simulated hosts sharing one exported folder through a loopback sshd. `exportDir` is the
 * server's view (what the tests inspect); `storePath` is where every host mounts it.
 */
export class SimulatedCluster {
  private constructor(
    private readonly root: string,
    private readonly sshd: LoopbackSshd,
    readonly exportDir: string,
    readonly storePath: string,
    readonly hosts: SimulatedHost[],
  ) {}

  static async start(
    hostNames: readonly string[],
    sshfsOptions: readonly string[] = DEFAULT_CACHING,
  ): Promise<SimulatedCluster> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-multihost-'));
    const exportDir = path.join(root, 'export');
    const storePath = path.join(root, 'store');
    fs.mkdirSync(exportDir);
    fs.mkdirSync(storePath);
    const sshd = await LoopbackSshd.start(root);
    const hosts: SimulatedHost[] = [];
    const cluster = new SimulatedCluster(root, sshd, exportDir, storePath, hosts);
    try {
      const mount = { sshdPort: sshd.port, clientKey: sshd.clientKey, exportDir, mountPoint: storePath, sshfsOptions };
      for (const name of hostNames) hosts.push(await SimulatedHost.start(name, mount));
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  host(name: string): SimulatedHost {
    const found = this.hosts.find((host) => host.name === name);
    if (!found) throw new Error(`no simulated host ${name} (hosts: ${this.hosts.map((host) => host.name).join(', ')})`);
    return found;
  }

  async stop(): Promise<void> {
    for (const host of this.hosts) await host.kill();
    await this.sshd.stop();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
