import { eventually } from '../support/child-process';
import { describeWithHosts } from './support/describe-with-hosts';
import { SimulatedCluster } from './support/simulated-cluster';
import { parseOutput, startClient } from './support/host-process';
import { finishedAttempts, hostsInsideCreate, storedArtifacts } from './support/store-view';

jest.setTimeout(120_000);

/** A 6 s lease renewed every 2 s: a clock 4 s ahead sees it end 2 s after a renewal, without the grace. */
const LEASE = { GREN_LEASE_SECS: '6', GREN_HEARTBEAT_SECS: '2', GREN_POLL_INTERVAL_SECS: '0.5' };
const SKEW_SECS = 4;

describeWithHosts('hosts whose clocks differ (sshfs, default caching)', () => {
  let cluster: SimulatedCluster;

  beforeAll(async () => {
    cluster = await SimulatedCluster.start(['alpha', 'bravo']);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  describe(`when a waiter's clock runs ${SKEW_SECS} s ahead of a live holder's`, () => {
    it('should leave the live holder its lease and load its result', async () => {
      const holder = startClient(cluster.host('alpha'), cluster.storePath, ['s50'], { workMs: 9000, env: LEASE });
      await eventually(
        () => hostsInsideCreate(cluster.exportDir, 'Slow').includes('alpha'),
        20_000,
        'alpha to be inside _create',
      );
      const waiter = startClient(cluster.host('bravo'), cluster.storePath, ['s50'], {
        workMs: 200,
        env: { ...LEASE, SPEC_CLOCK_SKEW_SECS: String(SKEW_SECS) },
      });

      const held = parseOutput(await holder.result, 'alpha');
      const waited = parseOutput(await waiter.result, 'bravo');

      expect(held.results).toEqual({ s50: 'slow 50 by alpha' });
      expect(waited.results).toEqual({ s50: 'slow 50 by alpha' });
      const [artifact] = storedArtifacts(cluster.exportDir, 'Slow');
      expect(artifact!.creators).toHaveLength(1);
      expect(finishedAttempts(artifact!, 'crashed')).toEqual([]);
      expect(finishedAttempts(artifact!, 'success')).toHaveLength(1);
    });
  });
});
