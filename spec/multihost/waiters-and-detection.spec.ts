import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, finished } from '../support/child-process';
import { FUSE_SUPER_MAGIC } from '../../lib/src/storage/filesystem-kind';
import { describeWithHosts } from './support/describe-with-hosts';
import { SimulatedCluster } from './support/simulated-cluster';
import { parseOutput, startClient } from './support/host-process';
import { finishedAttempts, hostsInsideCreate, storedArtifacts } from './support/store-view';

jest.setTimeout(120_000);

const PROBE = path.resolve(__dirname, 'children', 'dist', 'filesystem-probe.js');
const POLL_SECS = 1;

interface ProbeReport {
  statfsType: number;
  local: boolean;
  cachedStates: number;
}

describeWithHosts('waiting and filesystem detection across hosts (sshfs, default caching)', () => {
  let cluster: SimulatedCluster;

  beforeAll(async () => {
    cluster = await SimulatedCluster.start(['alpha', 'bravo', 'charlie']);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  describe('when processes on two hosts wait for an artifact a third host computes', () => {
    it('should wake every waiter within the poll interval of the result landing (remote writes raise no inotify event)', async () => {
      const env = { GREN_POLL_INTERVAL_SECS: String(POLL_SECS) };
      const holder = startClient(cluster.host('alpha'), cluster.storePath, ['s20'], { workMs: 3000, env });
      await eventually(
        () => hostsInsideCreate(cluster.exportDir, 'Slow').includes('alpha'),
        20_000,
        'alpha to be inside _create',
      );
      const waiters = ['bravo', 'charlie', 'bravo', 'charlie'].map((name) =>
        startClient(cluster.host(name), cluster.storePath, ['s20'], { workMs: 3000, env }),
      );

      const landed = parseOutput(await holder.result, 'alpha');
      const woken = await Promise.all(waiters.map(async (run) => parseOutput(await run.result, run.host)));

      for (const waiter of woken) {
        expect(waiter.results).toEqual({ s20: 'slow 20 by alpha' });
        // One poll interval, plus a second for the waiter's own reads over the mount and _load.
        expect(waiter.finishedAt - landed.finishedAt).toBeLessThan((POLL_SECS + 1) * 1000);
      }
      const [artifact] = storedArtifacts(cluster.exportDir, 'Slow');
      expect(artifact!.creators).toHaveLength(1);
      expect(finishedAttempts(artifact!, 'success')).toHaveLength(1);
    });
  });

  describe('when a process on a host reads a settled success through its sshfs mount', () => {
    it('should see a FUSE filesystem, treat it as network and keep no cached success state', async () => {
      const probe = cluster.host('bravo').run(PROBE, ['101'], { GREN_PATH: cluster.storePath, GREN_IGNORE_DIFF: '1' });

      const report = parseOutput(await finished(probe), 'bravo') as unknown as ProbeReport;

      expect(report).toEqual({ statfsType: FUSE_SUPER_MAGIC, local: false, cachedStates: 0 });
    });

    it('should keep the shortcut on a local disk (the same probe, outside the hosts)', async () => {
      const store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-probe-local-'));
      try {
        const local = await finished(
          spawn(process.execPath, [PROBE, '101'], {
            env: { ...process.env, GREN_PATH: store, GREN_IGNORE_DIFF: '1', GREN_LOG_LEVEL: 'ERROR' },
          }),
        );
        const report = JSON.parse(local.stdout) as ProbeReport;

        expect(report.local).toBe(true);
        expect(report.cachedStates).toBe(1);
      } finally {
        fs.rmSync(store, { recursive: true, force: true });
      }
    });
  });
});
