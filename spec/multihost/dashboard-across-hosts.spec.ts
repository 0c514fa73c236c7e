import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { eventually } from '../support/child-process';
import { describeWithHosts } from './support/describe-with-hosts';
import { NO_DIRECTORY_CACHE, SimulatedCluster } from './support/simulated-cluster';
import { parseOutput, startClient } from './support/host-process';
import { hostsInsideCreate } from './support/store-view';

jest.setTimeout(120_000);

const DASHBOARD_BIN = path.resolve(__dirname, '..', '..', 'dashboard-api', 'bin', 'gren-dashboard.js');
const VISIBLE_WITHIN_MS = 2000;

interface Listed {
  class_name: string;
  result_status: string;
  hostname: string | null;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function listed(port: number): Promise<Listed[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/experiments?limit=100`);
  return ((await response.json()) as { experiments: Listed[] }).experiments;
}

async function untilServing(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    if (Date.now() > deadline) throw new Error(`the dashboard did not answer on port ${port} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls the dashboard until `predicate` holds; resolves with the time it first did (epoch ms). */
async function seenAt(port: number, predicate: (items: Listed[]) => boolean, what: string): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (predicate(await listed(port))) return Date.now();
    if (Date.now() > deadline) throw new Error(`the dashboard never showed ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/*
 * sshfs's own directory cache (dir_cache, 20 s by default) hides a new folder from every
 * listing and stat of the client for up to 20 s, whatever the client does; NFS revalidates
 * a directory's attributes within seconds. This scenario therefore runs on the mount
 * without that cache, where only the kernel's 1 s attribute cache remains.
 */
describeWithHosts('the dashboard on one host, artifacts created on another (sshfs without directory cache)', () => {
  let cluster: SimulatedCluster;
  let dashboard: ChildProcess | undefined;

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve(__dirname, '..', '..', 'dashboard-api', 'dist')))
      throw new Error('build the dashboard first: npm run build -w dashboard-api');
    cluster = await SimulatedCluster.start(['alpha', 'bravo'], NO_DIRECTORY_CACHE);
  });

  afterAll(async () => {
    dashboard?.kill('SIGKILL');
    await cluster?.stop();
  });

  describe('when host B creates an artifact while the dashboard (inotify on, its default) runs on host A', () => {
    it('should list it as running, then as successful, each within 2 s', async () => {
      const port = await freePort();
      dashboard = cluster
        .host('alpha')
        .run(DASHBOARD_BIN, ['api', '--root', cluster.storePath, '--port', String(port)], {});
      await untilServing(port);
      expect(await listed(port)).toEqual([]);

      const creator = startClient(cluster.host('bravo'), cluster.storePath, ['s40'], { workMs: 4000 });
      await eventually(
        () => hostsInsideCreate(cluster.exportDir, 'Slow').includes('bravo'),
        20_000,
        'bravo to be inside _create',
      );
      const started = Date.now();
      const runningSeen = await seenAt(
        port,
        (items) => items.some((item) => item.class_name === 'Slow' && item.hostname === 'bravo'),
        'the running artifact',
      );
      const output = parseOutput(await creator.result, 'bravo');
      const successSeen = await seenAt(
        port,
        (items) => items.some((item) => item.class_name === 'Slow' && item.result_status === 'success'),
        'the success',
      );

      expect(runningSeen - started).toBeLessThan(VISIBLE_WITHIN_MS);
      expect(successSeen - output.finishedAt).toBeLessThan(VISIBLE_WITHIN_MS);
    });
  });
});
