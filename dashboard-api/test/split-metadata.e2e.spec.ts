import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import type { ExperimentDetail, ExperimentRelationships } from '../src/contract/api-types';
import { buildMetadata } from '../src/testing/metadata-builder';
import { hashOf } from '../src/testing/make-record';
import { buildState } from '../src/testing/state-builder';
import { artifactDirectory, writeArtifact } from '../src/testing/write-artifact';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

const DATASET = hashOf(0x61);
const TRAIN = hashOf(0x62);
const when = new Date(Date.UTC(2026, 2, 1, 1));

/**
 * Artifacts as this version writes them: metadata.json holds exactly the Python gren's keys
 * and our facts sit in `.gren/metadata-ts.json` beside it.
 */
describe('Dashboard API on metadata split into metadata.json and metadata-ts.json', () => {
  let store: string;
  let api: TestApp;
  const get = (url: string) => request(api.server).get(url);

  function write(namespace: string, hash: string, grenObj: Record<string, unknown>, dependencies: unknown[]): void {
    const directory = artifactDirectory(store, 'data', namespace, hash);
    writeArtifact(store, {
      namespace,
      hash,
      state: buildState({ result: 'success', updatedAt: when, attempt: { status: 'success', startedAt: when } }),
      metadata: buildMetadata({ namespace, hash, directory, grenObj, timestamp: when }),
      typescriptMetadata: {
        gren_ts_def: `new ${namespace.split('.').pop() ?? ''}({...})`,
        gren_ts_module: '/repo/src/models.ts',
        gren_version: '0.3.0',
        node_version: process.version,
        gren_dependencies: dependencies,
      },
    });
  }

  beforeAll(async () => {
    store = makeTempDir();
    const dataset = { __class__: 'split.Dataset', name: 'mnist' };
    write('split.Dataset', DATASET, dataset, []);
    write('split.Train', TRAIN, { __class__: 'split.Train', data: dataset, lr: 0.1 }, [
      { field: 'data', namespace: 'split.Dataset', gren_hash: DATASET },
    ]);
    api = await startTestApp(store, { watch: false });
  });

  afterAll(async () => {
    await api.close();
    removeStore(store);
  });

  it('should show the detail with our facts read from metadata-ts.json', async () => {
    const detail = (await get(`/api/experiments/split.Train/${TRAIN}`).expect(200)).body as ExperimentDetail;

    expect(detail.metadata).toMatchObject({
      gren_hash: TRAIN,
      gren_ts_def: 'new Train({...})',
      gren_ts_module: '/repo/src/models.ts',
      gren_dependencies: [{ field: 'data', namespace: 'split.Dataset', gren_hash: DATASET }],
    });
    const onDisk = JSON.parse(
      fs.readFileSync(
        path.join(artifactDirectory(store, 'data', 'split.Train', TRAIN), '.gren', 'metadata.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    expect(Object.keys(onDisk)).not.toContain('gren_ts_def');
  });

  it('should find the parents and children from gren_obj', async () => {
    const train = (await get(`/api/experiments/split.Train/${TRAIN}/relationships`).expect(200))
      .body as ExperimentRelationships;
    const dataset = (await get(`/api/experiments/split.Dataset/${DATASET}/relationships`).expect(200))
      .body as ExperimentRelationships;

    expect(train.parents.map((parent) => [parent.field_name, parent.gren_hash, parent.result_status])).toEqual([
      ['data', DATASET, 'success'],
    ]);
    expect(dataset.children.map((child) => [child.field_name, child.gren_hash])).toEqual([['data', TRAIN]]);
  });
});
