import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AttemptStatus, DependencyRef, ResultStatus } from 'gren-ts';
import { buildMetadata } from './metadata-builder';
import { SeededRandom } from './seeded-random';
import { buildState, type StateSpec } from './state-builder';
import { artifactDirectory, writeArtifact } from './write-artifact';

export interface SyntheticStoreOptions {
  /** How many artifacts to write. */
  count: number;
  seed?: number;
  /** Share of artifacts written without the TypeScript metadata fields (default 0.2). */
  pythonShare?: number;
}

export interface SyntheticStoreSummary {
  count: number;
  /** One artifact of each class, for detail requests. */
  samples: { namespace: string; hash: string }[];
}

interface Made {
  namespace: string;
  hash: string;
  grenObj: Record<string, unknown>;
}

const CLASSES = {
  dataset: 'bench.data.Dataset',
  model: 'bench.models.Model',
  train: 'bench.train.Train',
  evaluate: 'bench.eval.Evaluate',
  ensemble: 'bench.eval.Ensemble',
  report: 'bench.reports.Report',
} as const;

const HOSTS = Array.from({ length: 16 }, (_, index) => `node${String(index + 1).padStart(2, '0')}`);
const USERS = ['alice', 'bob', 'carol', 'dave'];
const EPOCH = Date.UTC(2026, 0, 1);

/**
 * Writes a store of `count` artifacts in the real on-disk format: datasets and models, many
 * trainings that embed both, evaluations that embed a training, ensembles holding a list of
 * trainings, and version-controlled reports under git/. Statuses, hosts, users and times vary
 * deterministically; about 1 in 50 artifacts has no `updated_at` yet.
 */
export function generateSyntheticStore(base: string, options: SyntheticStoreOptions): SyntheticStoreSummary {
  const random = new SeededRandom(options.seed ?? 7);
  const pythonShare = options.pythonShare ?? 0.2;
  const counts = shares(options.count);
  const samples: { namespace: string; hash: string }[] = [];
  let serial = 0;

  const make = (
    namespace: string,
    fields: Record<string, unknown>,
    dependencies: DependencyRef[],
    root: 'data' | 'git' = 'data',
  ): Made => {
    serial += 1;
    const grenObj = { __class__: namespace, ...fields };
    const hash = createHash('sha1').update(`${namespace}#${serial}`).digest('hex').slice(0, 20);
    const stateSpec = randomState(random, serial);
    const directory = artifactDirectory(base, root, namespace, hash);
    const typescript = random.next() >= pythonShare;
    const timestamp = new Date(EPOCH + serial * 1000);
    writeArtifact(base, {
      root,
      namespace,
      hash,
      state: buildState(stateSpec),
      metadata: buildMetadata({
        namespace,
        hash,
        directory,
        grenObj,
        timestamp,
        ...(typescript ? { dependencies } : {}),
      }),
      ...(serial % 10 === 0
        ? { log: `[${timestamp.toISOString()}] INFO started\n[${timestamp.toISOString()}] INFO done\n` }
        : {}),
    });
    if (!samples.some((sample) => sample.namespace === namespace)) samples.push({ namespace, hash });
    return { namespace, hash, grenObj };
  };
  const ref = (field: string, made: Made): DependencyRef => ({
    field,
    namespace: made.namespace,
    gren_hash: made.hash,
  });

  const datasets = Array.from({ length: counts.dataset }, (_, index) =>
    make(
      CLASSES.dataset,
      { name: `ds-${index}`, n_rows: 1000 * (index + 1), split: random.pick(['train', 'valid']) },
      [],
    ),
  );
  const models = Array.from({ length: counts.model }, (_, index) =>
    make(
      CLASSES.model,
      {
        arch: random.pick(['mlp', 'cnn', 'transformer']),
        hidden: 64 * (1 + (index % 8)),
        dropout: random.pick([0.1, 0.25, 0.5]),
      },
      [],
    ),
  );
  const trains: Made[] = [];
  for (let index = 0; index < counts.train; index += 1) {
    const dataset = random.pick(datasets);
    const model = random.pick(models);
    const fields = {
      dataset: dataset.grenObj,
      model: model.grenObj,
      lr: random.pick([0.1, 0.01, 0.001, 0.0001]),
      seed: index,
      epochs: random.pick([1, 5, 10]),
      options: { amp: random.next() < 0.5, tag: random.pick(['baseline', 'sweep', 'ablation']) },
    };
    const train = make(CLASSES.train, fields, [ref('dataset', dataset), ref('model', model)]);
    writeSyntheticResult(artifactDirectory(base, 'data', train.namespace, train.hash), train.hash);
    trains.push(train);
  }
  for (let index = 0; index < counts.evaluate; index += 1) {
    const train = random.pick(trains);
    make(CLASSES.evaluate, { train: train.grenObj, metrics: ['accuracy', 'f1'], split: 'test' }, [ref('train', train)]);
  }
  for (let index = 0; index < counts.ensemble; index += 1) {
    const members = [random.pick(trains), random.pick(trains), random.pick(trains)];
    make(
      CLASSES.ensemble,
      { members: members.map((member) => member.grenObj), vote: 'soft' },
      members.map((member, position) => ref(`members[${position}]`, member)),
    );
  }
  for (let index = 0; index < counts.report; index += 1) {
    make(CLASSES.report, { title: `report ${index}`, week: index % 52 }, [], 'git');
  }
  return { count: serial, samples };
}

/** A training's metrics.json (result columns), its numbers derived from the hash. */
export function writeSyntheticResult(directory: string, hash: string): void {
  const unit = (from: number): number => parseInt(hash.slice(from, from + 6), 16) / 0xffffff;
  const metrics = { loss: Math.round(unit(0) * 1e6) / 1e6, accuracy: Math.round(unit(6) * 1e4) / 1e4, split: 'valid' };
  fs.writeFileSync(path.join(directory, 'metrics.json'), JSON.stringify(metrics));
}

function shares(count: number): Record<keyof typeof CLASSES, number> {
  const dataset = Math.max(1, Math.round(count * 0.02));
  const model = Math.max(1, Math.round(count * 0.03));
  const evaluate = Math.round(count * 0.2);
  const ensemble = Math.round(count * 0.05);
  const report = Math.round(count * 0.05);
  const train = Math.max(1, count - dataset - model - evaluate - ensemble - report);
  return { dataset, model, train, evaluate, ensemble, report };
}

function randomState(random: SeededRandom, serial: number): StateSpec {
  const updatedAt = new Date(EPOCH + serial * 1000 + 500_000);
  const startedAt = new Date(EPOCH + serial * 1000);
  const attempt = (status: AttemptStatus) => ({
    status,
    backend: random.next() < 0.7 ? 'local' : 'slurm',
    host: random.pick(HOSTS),
    user: random.pick(USERS),
    startedAt,
    endedAt: updatedAt,
  });
  const roll = random.next();
  if (roll < 0.02) return { result: 'absent', updatedAt: null };
  const table: [number, ResultStatus, AttemptStatus][] = [
    [0.7, 'success', 'success'],
    [0.8, 'failed', 'failed'],
    [0.88, 'incomplete', 'running'],
    [0.93, 'incomplete', 'queued'],
    [0.97, 'incomplete', 'crashed'],
    [1, 'incomplete', 'preempted'],
  ];
  const [, result, status] = table.find(([limit]) => roll < limit) ?? table[0]!;
  const spec = attempt(status);
  if (status === 'failed') {
    return {
      result,
      updatedAt,
      attempt: {
        ...spec,
        error: {
          type: 'RuntimeError',
          message: 'diverged',
          traceback: 'Traceback (most recent call last):\n  ...\nRuntimeError: diverged\n',
        },
      },
    };
  }
  return { result, updatedAt, attempt: spec };
}
