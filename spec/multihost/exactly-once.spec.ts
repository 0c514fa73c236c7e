import { describeWithHosts } from './support/describe-with-hosts';
import { DEFAULT_CACHING, NO_DIRECTORY_CACHE, SimulatedCluster } from './support/simulated-cluster';
import { parseOutput, startClient } from './support/host-process';
import { finishedAttempts, storedArtifacts } from './support/store-view';

jest.setTimeout(180_000);

const HOSTS = ['alpha', 'bravo', 'charlie', 'delta'];
const PROCESSES_PER_HOST = 4;
const BASES = 20;
const COMBINED = 80;

function expectedValue(id: string): number {
  const n = Number(id.slice(1));
  if (id.startsWith('b')) return n * n;
  return n + (n % BASES) ** 2 + ((7 * n + 3) % BASES) ** 2;
}

/** Every process asks for all 100 configs, each starting at a different place. */
function orderFor(worker: number, ids: readonly string[]): string[] {
  const start = (worker * 37) % ids.length;
  return [...ids.slice(start), ...ids.slice(0, start)];
}

/**
 * Two rounds: sshfs's defaults (its own 20 s directory cache, the weakest consistency), and
 * without that cache, closer to an NFS client, which revalidates attributes within seconds.
 */
const ROUNDS: ReadonlyArray<[string, readonly string[]]> = [
  ['sshfs, default caching', DEFAULT_CACHING],
  ['sshfs -o dir_cache=no, closer to NFS', NO_DIRECTORY_CACHE],
];

for (const [round, sshfsOptions] of ROUNDS)
  describeWithHosts(`exactly once across simulated hosts (${round})`, () => {
    let cluster: SimulatedCluster;

    beforeAll(async () => {
      cluster = await SimulatedCluster.start(HOSTS, sshfsOptions);
    });

    afterAll(async () => {
      await cluster?.stop();
    });

    describe('when 4 hosts × 4 processes race on 100 configs with shared dependencies', () => {
      it('should compute each artifact exactly once and give every process every result', async () => {
        const ids = [
          ...Array.from({ length: COMBINED }, (_, i) => `c${i}`),
          ...Array.from({ length: BASES }, (_, k) => `b${k}`),
        ];
        const runs = cluster.hosts.flatMap((host, h) =>
          Array.from({ length: PROCESSES_PER_HOST }, (_, p) =>
            startClient(host, cluster.storePath, orderFor(h * PROCESSES_PER_HOST + p, ids), {
              env: { SPEC_BASES: String(BASES) },
            }),
          ),
        );

        const outputs = await Promise.all(runs.map(async (run) => parseOutput(await run.result, run.host)));

        for (const output of outputs) {
          expect(Object.keys(output.results)).toHaveLength(ids.length);
          for (const id of ids) expect(output.results[id]).toBe(expectedValue(id));
        }
        expect(new Set(outputs.map((output) => output.host))).toEqual(new Set(HOSTS));
        const artifacts = [
          ...storedArtifacts(cluster.exportDir, 'Base'),
          ...storedArtifacts(cluster.exportDir, 'Combined'),
        ];
        expect(artifacts).toHaveLength(ids.length);
        for (const artifact of artifacts) {
          expect({ dir: artifact.dir, creators: artifact.creators.length }).toEqual({ dir: artifact.dir, creators: 1 });
          expect(artifact.events.filter((event) => event.type === 'attempt_started')).toHaveLength(1);
          expect(finishedAttempts(artifact, 'success')).toHaveLength(1);
          expect(artifact.state.result.status).toBe('success');
          expect(artifact.hasSuccessMarker).toBe(true);
        }
      });
    });
  });
