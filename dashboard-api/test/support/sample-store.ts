import { buildMetadata } from '../../src/testing/metadata-builder';
import { hashOf } from '../../src/testing/make-record';
import { buildState } from '../../src/testing/state-builder';
import { artifactDirectory, writeArtifact } from '../../src/testing/write-artifact';

export const at = (hour: number): Date => new Date(Date.UTC(2026, 2, 1, hour));

/** Hashes of the sample store's artifacts, by role. */
export const SAMPLE = {
  dataset: hashOf(0x10),
  trainOk: hashOf(0x1),
  trainFailed: hashOf(0x2),
  trainRunning: hashOf(0x3),
  trainQueued: hashOf(0x4),
  ensemble: hashOf(0x20),
  report: hashOf(0x30),
  corrupt: hashOf(0x40),
  newer: hashOf(0x41),
  absent: hashOf(0x50),
} as const;

export const TRACEBACK = 'Traceback (most recent call last):\n  File "train.ts", line 3\nError: diverged\n';

/**
 * A store in the real format with every case the API distinguishes: TypeScript-written
 * metadata with dependencies by hash (also inside a list), Python-written metadata, a success
 * with a long log, a failure with traceback, running and queued attempts, a version-controlled
 * artifact under git/, a corrupt state.json, a newer-schema one, and one never updated.
 */
export function writeSampleStore(base: string): void {
  const dataset = { __class__: 'proj.data.Dataset', name: 'mnist', size: 60000 };
  writeArtifact(base, {
    namespace: 'proj.data.Dataset',
    hash: SAMPLE.dataset,
    state: buildState({
      result: 'success',
      updatedAt: at(1),
      attempt: { status: 'success', startedAt: at(1), host: 'n1', user: 'alice' },
    }),
    metadata: meta('proj.data.Dataset', SAMPLE.dataset, dataset),
  });
  const train = (hash: string, lr: number, amp: boolean) => ({
    config: {
      __class__: 'proj.train.Train',
      data: dataset,
      lr,
      options: { amp, tag: 'sweep' },
      note: amp ? null : 'x',
    },
    deps: [{ field: 'data', namespace: 'proj.data.Dataset', gren_hash: SAMPLE.dataset }],
    hash,
  });
  const ok = train(SAMPLE.trainOk, 0.001, true);
  writeArtifact(base, {
    namespace: 'proj.train.Train',
    hash: ok.hash,
    state: buildState({
      result: 'success',
      updatedAt: at(5),
      attempt: { status: 'success', startedAt: at(4), host: 'n1', user: 'alice' },
    }),
    metadata: meta('proj.train.Train', ok.hash, ok.config, ok.deps),
    log: Array.from({ length: 300 }, (_, i) => `[INFO] step ${i + 1}`).join('\n') + '\n',
  });
  const failed = train(SAMPLE.trainFailed, 0.1, false);
  writeArtifact(base, {
    namespace: 'proj.train.Train',
    hash: failed.hash,
    state: buildState({
      result: 'failed',
      updatedAt: at(7),
      attempt: {
        status: 'failed',
        startedAt: at(6),
        backend: 'slurm',
        host: 'n2',
        user: 'bob',
        error: { type: 'Error', message: 'diverged', traceback: TRACEBACK },
      },
    }),
    metadata: meta('proj.train.Train', failed.hash, failed.config, failed.deps),
  });
  const runningTrain = train(SAMPLE.trainRunning, 0.01, true);
  writeArtifact(base, {
    namespace: 'proj.train.Train',
    hash: runningTrain.hash,
    state: buildState({
      result: 'incomplete',
      updatedAt: at(8),
      attempt: { status: 'running', startedAt: at(8), backend: 'slurm', host: 'n2', user: 'bob' },
    }),
    metadata: meta('proj.train.Train', runningTrain.hash, runningTrain.config, runningTrain.deps),
  });
  const queued = train(SAMPLE.trainQueued, 0.0001, false);
  writeArtifact(base, {
    namespace: 'proj.train.Train',
    hash: queued.hash,
    state: buildState({
      result: 'incomplete',
      updatedAt: at(9),
      attempt: { status: 'queued', startedAt: at(9), backend: 'slurm', host: 'n3', user: 'carol' },
    }),
    metadata: meta('proj.train.Train', queued.hash, queued.config, queued.deps),
  });
  writeArtifact(base, {
    namespace: 'proj.train.Ensemble',
    hash: SAMPLE.ensemble,
    state: buildState({
      result: 'success',
      updatedAt: at(10),
      attempt: { status: 'success', startedAt: at(10), host: 'n1', user: 'alice' },
    }),
    metadata: meta(
      'proj.train.Ensemble',
      SAMPLE.ensemble,
      { __class__: 'proj.train.Ensemble', members: [ok.config, failed.config] },
      [
        { field: 'members[0]', namespace: 'proj.train.Train', gren_hash: ok.hash },
        { field: 'members[1]', namespace: 'proj.train.Train', gren_hash: failed.hash },
      ],
    ),
  });
  writeArtifact(base, {
    root: 'git',
    namespace: 'proj.reports.Report',
    hash: SAMPLE.report,
    state: buildState({
      result: 'success',
      updatedAt: at(2),
      attempt: { status: 'success', startedAt: at(2), host: 'n1', user: 'alice' },
    }),
    metadata: meta(
      'proj.reports.Report',
      SAMPLE.report,
      { __class__: 'proj.reports.Report', title: 'weekly' },
      [],
      'git',
    ),
  });
  writeArtifact(base, {
    namespace: 'proj.train.Train',
    hash: SAMPLE.corrupt,
    state: '{"schema_version": 1, "result": ',
  });
  writeArtifact(base, {
    namespace: 'proj.train.Train',
    hash: SAMPLE.newer,
    state: JSON.stringify({
      schema_version: 2,
      result: { status: 'success' },
      attempt: null,
      updated_at: '2026-03-01T11:00:00+00:00',
    }),
  });
  writeArtifact(base, {
    namespace: 'proj.data.Dataset',
    hash: SAMPLE.absent,
    state: buildState({ result: 'absent', updatedAt: null }),
  });

  function meta(
    namespace: string,
    hash: string,
    grenObj: Record<string, unknown>,
    dependencies?: { field: string; namespace: string; gren_hash: string }[],
    root: 'data' | 'git' = 'data',
  ) {
    return buildMetadata({
      namespace,
      hash,
      directory: artifactDirectory(base, root, namespace, hash),
      grenObj,
      timestamp: at(0),
      ...(dependencies ? { dependencies } : {}),
    });
  }
}
