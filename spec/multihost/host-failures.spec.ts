import { eventually } from '../support/child-process';
import { describeWithHosts } from './support/describe-with-hosts';
import { SimulatedCluster } from './support/simulated-cluster';
import { parseOutput, startClient } from './support/host-process';
import { finishedAttempts, hostsInsideCreate, storedArtifacts } from './support/store-view';

jest.setTimeout(120_000);

/** Short leases, so the survivors take over within seconds of a host's death. */
const SHORT_LEASE = { GREN_LEASE_SECS: '3', GREN_HEARTBEAT_SECS: '1', GREN_POLL_INTERVAL_SECS: '0.5' };

describeWithHosts('a host that fails mid-_create (sshfs, default caching)', () => {
  let cluster: SimulatedCluster;

  beforeEach(async () => {
    cluster = await SimulatedCluster.start(['alpha', 'bravo', 'charlie']);
  });

  afterEach(async () => {
    await cluster?.stop();
  });

  describe('when every process of a host is SIGKILLed while it computes', () => {
    it('should let the other hosts take over once the lease expires, with one successful attempt per artifact', async () => {
      const ids = ['s0', 's1', 's2', 's3', 's4', 's5'];
      const doomed = [
        ['s0', 's1', 's2'],
        ['s3', 's4', 's5'],
      ].map((order) =>
        startClient(cluster.host('alpha'), cluster.storePath, order, { workMs: 60_000, env: SHORT_LEASE }),
      );
      await eventually(
        () => hostsInsideCreate(cluster.exportDir, 'Slow').length === 2,
        20_000,
        'alpha to be inside two _create calls',
      );
      const survivors = ['bravo', 'charlie'].flatMap((name) =>
        [ids, [...ids].reverse()].map((order) =>
          startClient(cluster.host(name), cluster.storePath, order, { workMs: 200, env: SHORT_LEASE }),
        ),
      );

      await cluster.host('alpha').kill();
      const doomedResults = await Promise.all(doomed.map((run) => run.result));
      const outputs = await Promise.all(survivors.map(async (run) => parseOutput(await run.result, run.host)));

      expect(doomedResults.map((result) => result.signal ?? result.code)).not.toContain(0);
      const recorded = outputs[0]!.results;
      for (const output of outputs) expect(output.results).toEqual(recorded);
      for (const id of ids) expect(recorded[id]).toMatch(new RegExp(`^slow ${id.slice(1)} by (bravo|charlie)$`));
      const artifacts = storedArtifacts(cluster.exportDir, 'Slow');
      expect(artifacts).toHaveLength(ids.length);
      for (const artifact of artifacts) {
        expect(finishedAttempts(artifact, 'success')).toHaveLength(1);
        expect(artifact.state.result.status).toBe('success');
      }
      const killedMidCreate = artifacts.filter((artifact) =>
        artifact.creators.some((creator) => creator.startsWith('alpha.')),
      );
      expect(killedMidCreate).toHaveLength(2);
      for (const artifact of killedMidCreate) {
        expect(finishedAttempts(artifact, 'crashed').map((event) => event.reason)).toEqual(['lease_expired']);
      }
    });
  });

  describe("when a host's mount is cut while it computes", () => {
    it('should fail that host with a clear error, leave valid state and let another host recover the artifact', async () => {
      const cut = startClient(cluster.host('alpha'), cluster.storePath, ['s10'], { workMs: 4000, env: SHORT_LEASE });
      await eventually(
        () => hostsInsideCreate(cluster.exportDir, 'Slow').includes('alpha'),
        20_000,
        'alpha to be inside _create',
      );
      const recovering = startClient(cluster.host('bravo'), cluster.storePath, ['s10'], {
        workMs: 200,
        env: SHORT_LEASE,
      });

      cluster.host('alpha').cutMount();
      const cutResult = await cut.result;
      const output = parseOutput(await recovering.result, 'bravo');

      expect(cutResult.code).toBe(3);
      expect(cutResult.stderr).toMatch(/Transport endpoint is not connected|ENOTCONN/);
      expect(cutResult.stderr).toContain(`${cluster.storePath}/data/spec/multihost/Slow/`);
      expect(output.results).toEqual({ s10: 'slow 10 by bravo' });
      const [artifact] = storedArtifacts(cluster.exportDir, 'Slow');
      expect(artifact!.state.result.status).toBe('success');
      expect(finishedAttempts(artifact!, 'success')).toHaveLength(1);
      expect(finishedAttempts(artifact!, 'crashed').map((event) => event.reason)).toEqual(['lease_expired']);
    });
  });
});
