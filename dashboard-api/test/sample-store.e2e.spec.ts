import request from 'supertest';
import type {
  ApiErrorBody,
  DashboardStats,
  ExperimentDAG,
  ExperimentDetail,
  ExperimentList,
  ExperimentLog,
  ExperimentRelationships,
  HealthCheck,
} from '../src/contract/api-types';
import { SAMPLE, TRACEBACK, writeSampleStore } from './support/sample-store';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

const TRAIN = 'proj.train.Train';

describe('Dashboard API on a store written in our format', () => {
  let store: string;
  let api: TestApp;
  const get = (url: string) => request(api.server).get(url);
  const list = async (query: Record<string, string | string[]>): Promise<ExperimentList> =>
    (await get('/api/experiments').query(query).expect(200)).body as ExperimentList;
  const hashes = async (query: Record<string, string | string[]>): Promise<string[]> =>
    (await list(query)).experiments.map((e) => e.gren_hash);

  beforeAll(async () => {
    store = makeTempDir();
    writeSampleStore(store);
    api = await startTestApp(store, { watch: false });
  });

  afterAll(async () => {
    await api.close();
    removeStore(store);
  });

  describe('GET /api/health', () => {
    it('should be degraded and count the two unreadable artifacts', async () => {
      const health = (await get('/api/health').expect(200)).body as HealthCheck;
      expect(health).toMatchObject({ status: 'degraded', experiments: 10, invalid_artifacts: 2 });
    });
  });

  describe('GET /api/experiments', () => {
    it('should sort by updated_at descending with nulls last and ties by namespace and hash', async () => {
      expect(await hashes({})).toEqual([
        SAMPLE.ensemble,
        SAMPLE.trainQueued,
        SAMPLE.trainRunning,
        SAMPLE.trainFailed,
        SAMPLE.trainOk,
        SAMPLE.report,
        SAMPLE.dataset,
        SAMPLE.absent,
        SAMPLE.corrupt,
        SAMPLE.newer,
      ]);
    });

    it('should list unreadable artifacts with result_status "invalid" and the reason', async () => {
      const body = await list({ result_status: 'invalid' });
      expect(body.total).toBe(2);
      expect(body.experiments[0]).toMatchObject({ gren_hash: SAMPLE.corrupt, attempt_status: null });
      expect(body.experiments[0]?.state_error).toContain('Invalid JSON in state file');
      expect(body.experiments[1]?.state_error).toContain('Unsupported state schema_version 2');
    });

    it.each<[string, Record<string, string | string[]>, string[]]>([
      ['result_status', { result_status: 'failed' }, [SAMPLE.trainFailed]],
      ['attempt_status running', { attempt_status: 'running' }, [SAMPLE.trainRunning]],
      ['attempt_status queued', { attempt_status: 'queued' }, [SAMPLE.trainQueued]],
      ['namespace prefix', { namespace: 'proj.data' }, [SAMPLE.dataset, SAMPLE.absent]],
      ['namespace of one class', { namespace: 'proj.reports.Report' }, [SAMPLE.report]],
      ['backend', { backend: 'slurm' }, [SAMPLE.trainQueued, SAMPLE.trainRunning, SAMPLE.trainFailed]],
      ['hostname', { hostname: 'n2' }, [SAMPLE.trainRunning, SAMPLE.trainFailed]],
      ['user', { user: 'carol' }, [SAMPLE.trainQueued]],
      [
        'started_after',
        { started_after: '2026-03-01T08:00:00+00:00' },
        [SAMPLE.ensemble, SAMPLE.trainQueued, SAMPLE.trainRunning],
      ],
      ['started_before (naive = UTC)', { started_before: '2026-03-01T02:00:00' }, [SAMPLE.report, SAMPLE.dataset]],
      [
        'updated_after and updated_before',
        { updated_after: '2026-03-01T05:00:00Z', updated_before: '2026-03-01T07:00:00Z' },
        [SAMPLE.trainFailed, SAMPLE.trainOk],
      ],
      ['config_filter on a float', { config_filter: 'lr=1e-3' }, [SAMPLE.trainOk]],
      [
        'config_filter through a dependency',
        { config_filter: 'data.name=mnist' },
        [SAMPLE.trainQueued, SAMPLE.trainRunning, SAMPLE.trainFailed, SAMPLE.trainOk],
      ],
      ['config_filter on a boolean', { config_filter: 'options.amp=True' }, [SAMPLE.trainRunning, SAMPLE.trainOk]],
      ['config_filter null (explicit only, D8)', { config_filter: 'note=None' }, [SAMPLE.trainRunning, SAMPLE.trainOk]],
      ['several config_filter (AND)', { config_filter: ['options.amp=true', 'lr=0.01'] }, [SAMPLE.trainRunning]],
      ['empty filters (ignored)', { result_status: '', namespace: '', config_filter: '' }, []],
    ])('should filter by %s', async (_name, query, expected) => {
      const body = await list(query);
      if (expected.length === 0) {
        expect(body.total).toBe(10);
      } else {
        expect(body.experiments.map((e) => e.gren_hash)).toEqual(expected);
        expect(body.total).toBe(expected.length);
      }
    });

    it('should page with limit and offset, total counting before paging', async () => {
      const body = await list({ limit: '3', offset: '2' });
      expect(body.total).toBe(10);
      expect(body.experiments.map((e) => e.gren_hash)).toEqual([
        SAMPLE.trainRunning,
        SAMPLE.trainFailed,
        SAMPLE.trainOk,
      ]);
      expect((await list({ limit: '5', offset: '100' })).experiments).toEqual([]);
    });

    it.each<[string, Record<string, string | string[]>, RegExp]>([
      ['limit 0', { limit: '0' }, /limit must be at least 1/],
      ['limit 1001', { limit: '1001' }, /limit must be at most 1000/],
      ['limit abc', { limit: 'abc' }, /limit must be an integer/],
      ['limit 1.5', { limit: '1.5' }, /limit must be an integer/],
      ['offset -1', { offset: '-1' }, /offset must be at least 0/],
      [
        'a bad datetime (D3)',
        { started_after: 'yesterday' },
        /Invalid started_after: "yesterday" is not an ISO 8601 datetime/,
      ],
      ['an impossible date', { updated_before: '2026-02-30' }, /Invalid updated_before/],
      ['config_filter without an operator', { config_filter: 'lr' }, /Invalid config_filter: "lr" has no operator/],
      [
        'an unknown result_status',
        { result_status: 'done' },
        /result_status must be one of absent, incomplete, success, failed, invalid/,
      ],
      ['an unknown attempt_status', { attempt_status: 'done' }, /attempt_status must be one of/],
      ['a repeated result_status', { result_status: ['success', 'failed'] }, /result_status must be given once/],
    ])('should answer 422 naming the parameter for %s', async (_name, query, message) => {
      const response = await get('/api/experiments').query(query).expect(422);
      expect(response.body as ApiErrorBody).toEqual({ detail: expect.stringMatching(message) as unknown });
    });
  });

  describe('GET /api/experiments/{namespace}/{hash}', () => {
    it('should fill backend, hostname and user and show the traceback', async () => {
      const detail = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainFailed}`).expect(200))
        .body as ExperimentDetail;
      expect(detail).toMatchObject({
        backend: 'slurm',
        hostname: 'n2',
        user: 'bob',
        result_status: 'failed',
        attempt_status: 'failed',
      });
      expect(detail.attempt?.error).toEqual({ type: 'Error', message: 'diverged', traceback: TRACEBACK });
      expect(detail.metadata?.gren_dependencies).toEqual([
        { field: 'data', namespace: 'proj.data.Dataset', gren_hash: SAMPLE.dataset },
      ]);
      expect(detail.directory).toBe(`${store}/data/proj/train/Train/${SAMPLE.trainFailed}`);
    });

    it('should give an active attempt every StateAttempt field', async () => {
      const detail = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainRunning}`).expect(200))
        .body as ExperimentDetail;
      expect(detail.attempt).toMatchObject({ status: 'running', ended_at: null, error: null, reason: null });
    });

    it('should accept "/" between namespace parts, as the reference did', async () => {
      await get(`/api/experiments/proj/train/Train/${SAMPLE.trainOk}`).expect(200);
    });

    it('should answer a corrupt artifact with result_status "invalid", never 500', async () => {
      const detail = (await get(`/api/experiments/${TRAIN}/${SAMPLE.corrupt}`).expect(200)).body as ExperimentDetail;
      expect(detail).toMatchObject({ result_status: 'invalid', state: null, attempt: null, metadata: null });
      const newer = (await get(`/api/experiments/${TRAIN}/${SAMPLE.newer}`).expect(200)).body as ExperimentDetail;
      expect(newer.state).toMatchObject({ schema_version: 2 });
      expect(newer.state_error).toContain('Unsupported state schema_version 2');
    });

    it('should answer 404 {"detail":"Experiment not found"} for an unknown experiment', async () => {
      const response = await get(`/api/experiments/${TRAIN}/${'f'.repeat(20)}`).expect(404);
      expect(response.body).toEqual({ detail: 'Experiment not found' });
      await get(`/api/experiments/no.such.Class/${SAMPLE.trainOk}/relationships`).expect(404);
      await get(`/api/experiments/no.such.Class/${SAMPLE.trainOk}/logs`).expect(404);
    });

    it.each([
      `/api/experiments/../../../etc/passwd/${SAMPLE.trainOk}`,
      `/api/experiments/proj/../../etc/${SAMPLE.trainOk}`,
      `/api/experiments/..%2F..%2Fetc%2Fpasswd/${SAMPLE.trainOk}`,
      `/api/experiments/%2Fetc%2Fpasswd/${SAMPLE.trainOk}`,
      `/api/experiments/proj.train.Train%00/${SAMPLE.trainOk}`,
      `/api/experiments/proj.train.Train/..%2F..%2F${SAMPLE.trainOk}`,
      `/api/experiments/proj.train.Train/${SAMPLE.trainOk}%2F..`,
      `/api/experiments/proj.train.Train/../logs`,
    ])('should refuse the traversal attempt %s (D5)', async (url) => {
      const response = await get(url);
      expect([404, 422]).toContain(response.status);
      expect(typeof (response.body as ApiErrorBody).detail).toBe('string');
      expect(response.text).not.toContain('root:');
    });
  });

  describe('GET .../relationships', () => {
    it('should resolve parents by the hashes our metadata lists', async () => {
      const body = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainOk}/relationships`).expect(200))
        .body as ExperimentRelationships;
      expect(body.parents).toEqual([
        {
          field_name: 'data',
          class_name: 'Dataset',
          full_class_name: 'proj.data.Dataset',
          namespace: 'proj.data.Dataset',
          gren_hash: SAMPLE.dataset,
          result_status: 'success',
          config: { name: 'mnist', size: 60000 },
        },
      ]);
      expect(body.children).toEqual([
        {
          field_name: 'members[0]',
          class_name: 'Ensemble',
          full_class_name: 'proj.train.Ensemble',
          namespace: 'proj.train.Ensemble',
          gren_hash: SAMPLE.ensemble,
          result_status: 'success',
        },
      ]);
    });

    it('should list the dependencies inside a list', async () => {
      const body = (await get(`/api/experiments/proj.train.Ensemble/${SAMPLE.ensemble}/relationships`).expect(200))
        .body as ExperimentRelationships;
      expect(body.parents.map((p) => [p.field_name, p.gren_hash, p.result_status])).toEqual([
        ['members[0]', SAMPLE.trainOk, 'success'],
        ['members[1]', SAMPLE.trainFailed, 'failed'],
      ]);
    });

    it('should answer an artifact without metadata instead of 404', async () => {
      const body = (await get(`/api/experiments/${TRAIN}/${SAMPLE.corrupt}/relationships`).expect(200))
        .body as ExperimentRelationships;
      expect(body).toEqual({ parents: [], children: [] });
    });
  });

  describe('GET .../logs', () => {
    it('should return the last 200 lines by default', async () => {
      const log = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainOk}/logs`).expect(200)).body as ExperimentLog;
      expect(log.lines).toHaveLength(200);
      expect(log.lines[199]).toBe('[INFO] step 300');
      expect(log).toMatchObject({ exists: true, truncated: true, namespace: TRAIN, gren_hash: SAMPLE.trainOk });
    });

    it('should honour tail', async () => {
      const log = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainOk}/logs?tail=2`).expect(200))
        .body as ExperimentLog;
      expect(log.lines).toEqual(['[INFO] step 299', '[INFO] step 300']);
    });

    it('should say when there is no log yet', async () => {
      const log = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainRunning}/logs`).expect(200))
        .body as ExperimentLog;
      expect(log).toMatchObject({ exists: false, lines: [], size_bytes: 0, truncated: false });
    });

    it.each(['0', '10001', 'x'])('should answer 422 for tail=%s', async (tail) => {
      const response = await get(`/api/experiments/${TRAIN}/${SAMPLE.trainOk}/logs?tail=${tail}`).expect(422);
      expect((response.body as ApiErrorBody).detail).toMatch(/^tail must be/);
    });
  });

  describe('GET /api/stats and /api/dag', () => {
    it('should count running, queued, failed and invalid artifacts', async () => {
      const stats = (await get('/api/stats').expect(200)).body as DashboardStats;
      expect(stats).toMatchObject({ total: 10, running_count: 1, queued_count: 1, failed_count: 1, success_count: 4 });
      expect(stats.by_result_status).toContainEqual({ status: 'invalid', count: 2 });
    });

    it('should draw one edge per dependency field, lists collapsed', async () => {
      const dag = (await get('/api/dag').expect(200)).body as ExperimentDAG;
      expect(dag.edges).toEqual([
        { source: 'proj.data.Dataset', target: 'proj.train.Train', field_name: 'data' },
        { source: 'proj.train.Train', target: 'proj.train.Ensemble', field_name: 'members[]' },
      ]);
      expect(dag.nodes.map((node) => node.id)).toEqual([
        'proj.data.Dataset',
        'proj.train.Ensemble',
        'proj.reports.Report',
        'proj.train.Train',
      ]);
      expect(dag.total_experiments).toBe(10);
    });
  });

  describe('unknown API paths', () => {
    it.each(['/api/nope', '/api/experiments-x', '/api', '/nothing'])('should answer %s with 404 JSON', async (url) => {
      const response = await get(url).expect(404);
      expect(response.body).toEqual({ detail: 'Not found' });
      expect(response.headers['content-type']).toMatch(/application\/json/);
    });
  });

  describe('ETag and If-None-Match', () => {
    it.each(['/api/experiments?limit=5', '/api/stats', '/api/dag', `/api/experiments/${TRAIN}/${SAMPLE.trainOk}`])(
      'should answer %s with 304 while nothing changed',
      async (url) => {
        const first = await get(url).expect(200);
        const etag = first.headers.etag as string;
        expect(etag).toMatch(/^W\/"/);
        const second = await get(url).set('If-None-Match', etag).expect(304);
        expect(second.text).toBe('');
      },
    );
  });

  describe('OpenAPI', () => {
    it('should serve the document and Swagger UI at /api/docs', async () => {
      const document = (await get('/api/docs-json').expect(200)).body as {
        paths: Record<string, unknown>;
        info: { title: string };
      };
      expect(document.info.title).toBe('Gren Dashboard');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/api/experiments', '/api/experiments/{namespace}/{hash}/logs', '/api/changes/stream']),
      );
      const ui = await get('/api/docs').expect(200);
      expect(ui.text).toContain('swagger');
    });
  });

  describe('responses', () => {
    it('should never carry a stack trace', async () => {
      const responses = await Promise.all(
        ['/api/experiments?limit=-1', '/api/nope', `/api/experiments/x/${SAMPLE.trainOk}`].map((url) => get(url)),
      );
      for (const response of responses) expect(response.text).not.toMatch(/at .*\.(ts|js):\d+/);
    });
  });
});
