import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { addedField, Field, Float, Gren, GREN_CONFIG, GrenObject, grenRegistry, MISSING, readEvents } from 'gren-ts';
import type { ExperimentDetail, ExperimentList } from '../src/contract/api-types';
import { copyPythonStore, removeStore } from './support/temp-store';
import { startTestApp, waitFor, type TestApp } from './support/test-app';

/** Reads the value.txt the Python gren wrote; a computation here would be a failed migration. */
abstract class ValueFile extends GrenObject<string> {
  protected _create(): string {
    throw new Error(`${this.constructor.name} was recomputed instead of reused`);
  }

  protected _load(): string {
    return fs.readFileSync(path.join(this.grenDir, 'value.txt'), 'utf8');
  }
}

/** The Python store's Leaf after a TypeScript change: it gained `weight` (stored Leafs behaved as 1). */
@Gren({ namespace: 'refstore.pipelines.Leaf', migrations: [addedField('weight', 1)] })
class Leaf extends ValueFile {
  @Field() value: number = MISSING;
  @Field() name: string = 'leaf';
  @Field() weight: number = 1;
}

@Gren({ namespace: 'refstore.pipelines.Middle' })
class Middle extends ValueFile {
  @Field(() => Leaf) leaf: Leaf = MISSING;
  @Field({ type: Float }) scale: number = 1;
}

@Gren({ namespace: 'refstore.pipelines.Top' })
class Top extends ValueFile {
  @Field(() => Middle) middle: Middle = MISSING;
  @Field() label: string = 'top';
  @Field({ type: Object }) extra: Record<string, unknown> = {};
}

const PYTHON_LEAF = '2a009cca8e40ced324a5';
const PYTHON_TOP = '3c619c85f3318dea28d6';
const PYTHON_SECOND_LEAF = 'c08aaef942a25370d662';

describe('Dashboard API on a Python-written store after a class gained a field', () => {
  let store: string;
  let api: TestApp;
  let savedBase: string;
  const leaf = new Leaf({ value: 10, name: 'first' });
  const top = new Top({
    middle: new Middle({ leaf: new Leaf({ value: 3, name: 'deep-leaf' }), scale: 0.0003 }),
    label: 'top \u2713',
    extra: { lr: 1e-5, steps: 1000, w: Float(1) },
  });

  beforeAll(async () => {
    store = copyPythonStore();
    savedBase = GREN_CONFIG.basePath;
    GREN_CONFIG.basePath = store;
    GREN_CONFIG.logLevel = 'ERROR';
    // The migration: each new identity reuses the Python result it maps to.
    expect(await leaf.loadOrCreate()).toBe('10');
    expect(await top.loadOrCreate()).toBe('1.0009');
    api = await startTestApp(store);
  });

  afterAll(async () => {
    await api.close();
    GREN_CONFIG.basePath = savedBase;
    removeStore(store);
    grenRegistry.reset();
  });

  it('should have linked the new identities to the Python artifacts, recording where they came from', () => {
    const events = readEvents(
      path.join(store, 'data', 'refstore', 'pipelines', 'Leaf', leaf.grenHash, '.gren', 'events.jsonl'),
    );
    expect(events.find((event) => event.type === 'result_reused')).toMatchObject({
      from_namespace: 'refstore.pipelines.Leaf',
      from_hash: PYTHON_LEAF,
    });
  });

  it('should list the Python artifacts that no longer fit their class as stale', async () => {
    const body = (await request(api.server).get('/api/experiments?stale=true').expect(200)).body as ExperimentList;
    expect(body.experiments.map((row) => row.class_name).sort()).toEqual([
      'Leaf',
      'Leaf',
      'Leaf',
      'Leaf',
      'Leaf',
      'Middle',
      'Top',
    ]);
    expect(body.experiments.every((row) => row.stale === true)).toBe(true);
    const fitting = (await request(api.server).get('/api/experiments?stale=false').expect(200)).body as ExperimentList;
    expect(fitting.total).toBe(15 + 2 - 7);
    expect(fitting.experiments.some((row) => 'stale' in row)).toBe(false);
  });

  it('should show a stale artifact with its differences and the migration that maps it', async () => {
    const detail = (
      await request(api.server).get(`/api/experiments/refstore.pipelines.Leaf/${PYTHON_LEAF}`).expect(200)
    ).body as ExperimentDetail;
    expect(detail.result_status).toBe('success');
    expect(detail.stale_info).toEqual({
      class_name: 'Leaf',
      changes: [{ kind: 'missing', field: 'weight' }],
      mapping: {
        namespace: 'refstore.pipelines.Leaf',
        gren_hash: leaf.grenHash,
        steps: ["Leaf: addedField('weight', 1)"],
      },
      unmapped_reason: null,
    });
    const parent = (await request(api.server).get(`/api/experiments/refstore.pipelines.Top/${PYTHON_TOP}`).expect(200))
      .body as ExperimentDetail;
    expect(parent.stale_info?.changes).toEqual([{ kind: 'missing', field: 'middle.leaf.weight' }]);
    expect(parent.stale_info?.mapping?.gren_hash).toBe(top.grenHash);
  });

  it('should show the new identity as a success that fits its class', async () => {
    const detail = (
      await request(api.server).get(`/api/experiments/refstore.pipelines.Leaf/${leaf.grenHash}`).expect(200)
    ).body as ExperimentDetail;
    expect(detail.result_status).toBe('success');
    expect(detail.stale_info).toBeNull();
  });

  describe('where a reused result lives', () => {
    const detailOf = async (namespace: string, hash: string): Promise<ExperimentDetail> =>
      (await request(api.server).get(`/api/experiments/${namespace}/${hash}`).expect(200)).body as ExperimentDetail;
    const pythonLeafDir = (hash: string): string => path.join(store, 'data', 'refstore', 'pipelines', 'Leaf', hash);

    it('should name the reused Python artifact on the new identity, and the new identity on the Python one', async () => {
      const linked = await detailOf('refstore.pipelines.Leaf', leaf.grenHash);
      const python = await detailOf('refstore.pipelines.Leaf', PYTHON_LEAF);

      expect(linked.reused_from).toEqual({
        namespace: 'refstore.pipelines.Leaf',
        gren_hash: PYTHON_LEAF,
        directory: pythonLeafDir(PYTHON_LEAF),
        result_status: 'success',
        steps: ["Leaf: addedField('weight', 1)"],
        linked_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/) as unknown,
        result_directory: pythonLeafDir(PYTHON_LEAF),
        result_present: true,
      });
      expect(linked).toMatchObject({ result_link_error: null, reused_by: [] });
      expect(python).toMatchObject({
        reused_from: null,
        result_link_error: null,
        reused_by: [{ namespace: 'refstore.pipelines.Leaf', gren_hash: leaf.grenHash, result_status: 'success' }],
      });
    });

    it('should name a reuse made while the dashboard runs', async () => {
      const second = new Leaf({ value: 20, name: 'second' });
      expect(await second.loadOrCreate()).toBe('20');

      await waitFor(
        'the Python Leaf to be listed as reused by the new identity',
        async () => (await detailOf('refstore.pipelines.Leaf', PYTHON_SECOND_LEAF)).reused_by.length === 1,
      );
      expect((await detailOf('refstore.pipelines.Leaf', PYTHON_SECOND_LEAF)).reused_by[0]?.gren_hash).toBe(
        second.grenHash,
      );
    });

    it('should say when the reused result is gone, and when a link file cannot be read', async () => {
      fs.rmSync(pythonLeafDir(PYTHON_SECOND_LEAF), { recursive: true });
      fs.writeFileSync(path.join(pythonLeafDir(leaf.grenHash), '.gren', 'result-link.json'), '{ not json');
      const second = new Leaf({ value: 20, name: 'second' });

      const gone = await detailOf('refstore.pipelines.Leaf', second.grenHash);
      const unreadable = await detailOf('refstore.pipelines.Leaf', leaf.grenHash);

      expect(gone.reused_from).toMatchObject({ gren_hash: PYTHON_SECOND_LEAF, result_present: false });
      expect(unreadable.reused_from).toBeNull();
      expect(unreadable.result_link_error).toContain('is not JSON');
    });
  });

  it('should reject a stale filter that is not true or false (422)', async () => {
    const response = await request(api.server).get('/api/experiments?stale=maybe').expect(422);
    expect(JSON.stringify(response.body)).toContain('stale must be true or false');
  });
});
