import request from 'supertest';
import { version } from 'gren-ts';
import type {
  DashboardStats,
  ExperimentDAG,
  ExperimentDetail,
  ExperimentList,
  ExperimentRelationships,
  HealthCheck,
} from '../src/contract/api-types';
import { copyPythonStore, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

describe('Dashboard API on the store written by the Python gren', () => {
  let store: string;
  let api: TestApp;

  beforeAll(async () => {
    store = copyPythonStore();
    api = await startTestApp(store);
  });

  afterAll(async () => {
    await api.close();
    removeStore(store);
  });

  describe('GET /api/health', () => {
    it('should report the real version and the artifact count', async () => {
      const response = await request(api.server).get('/api/health').expect(200);
      expect(response.body as HealthCheck).toEqual({
        status: 'healthy',
        version,
        experiments: 15,
        invalid_artifacts: 0,
      });
    });
  });

  describe('GET /api/experiments', () => {
    it('should list all 15 artifacts of data/ and git/', async () => {
      const body = (await request(api.server).get('/api/experiments').expect(200)).body as ExperimentList;
      expect(body.total).toBe(15);
      expect(body.experiments.map((e) => e.namespace)).toContain('refstore.pipelines.Versioned');
    });

    it('should fill the failed attempt fields', async () => {
      const body = (await request(api.server).get('/api/experiments?result_status=failed').expect(200))
        .body as ExperimentList;
      expect(body.experiments).toEqual([
        {
          namespace: 'refstore.pipelines.Failing',
          gren_hash: '832ec803029f113ac375',
          class_name: 'Failing',
          result_status: 'failed',
          attempt_status: 'failed',
          attempt_number: 1,
          updated_at: '2026-11-26T04:21:00+00:00',
          started_at: '2026-11-26T04:21:00+00:00',
          backend: 'local',
          hostname: 'vm',
          user: 'root',
        },
      ]);
    });

    it.each([
      ['extra.w=1', 1],
      ['extra.w=1.0', 1],
      ['extra.lr=1e-5', 1],
      ['extra.lr=0.00001', 1],
      ['flag_t=true', 2],
      ['flag_t=True', 2],
      ['nothing=None', 1],
      ['nothing=null', 1],
      ['big=9007199254740993', 2],
      ['big=9007199254740992', 0],
      ['f_neg_zero=0', 2],
      ['name=deep-leaf', 1],
      ['middle.leaf.value=3', 1],
      ['missing_field=None', 0],
    ])('should match config_filter %s against the Python floats, booleans and nulls', async (filter, count) => {
      const body = (await request(api.server).get('/api/experiments').query({ config_filter: filter }).expect(200))
        .body as ExperimentList;
      expect(body.total).toBe(count);
    });
  });

  describe('GET /api/experiments/{namespace}/{hash}', () => {
    it('should return the detail with the lossless metadata', async () => {
      const response = await request(api.server)
        .get('/api/experiments/refstore.pipelines.Scalars/e5a6d26be6fecd04947c')
        .expect(200);
      const detail = response.body as ExperimentDetail;
      expect(detail.backend).toBe('local');
      expect(detail.hostname).toBe('vm');
      expect(detail.user).toBe('root');
      expect(response.text).toContain('"big":9007199254740993');
      expect(response.text).toContain('"f_one":1.0');
      expect(detail.attempt?.status).toBe('success');
    });

    it('should show the traceback of the failed attempt', async () => {
      const detail = (
        await request(api.server).get('/api/experiments/refstore.pipelines.Failing/832ec803029f113ac375').expect(200)
      ).body as ExperimentDetail;
      expect(detail.attempt?.error?.traceback).toContain('RuntimeError: intentional failure');
    });

    it('should find a version-controlled artifact under git/', async () => {
      const detail = (
        await request(api.server).get('/api/experiments/refstore.pipelines.Versioned/421e8bcf47d8e5ec658d').expect(200)
      ).body as ExperimentDetail;
      expect(detail.directory).toContain(`${store}/git/`);
    });
  });

  describe('GET .../relationships', () => {
    it('should link Top → Middle → Leaf by config equality', async () => {
      const middle = (
        await request(api.server)
          .get('/api/experiments/refstore.pipelines.Middle/1e1b3009df52e5a80d97/relationships')
          .expect(200)
      ).body as ExperimentRelationships;
      expect(middle.parents).toEqual([
        {
          field_name: 'leaf',
          class_name: 'Leaf',
          full_class_name: 'refstore.pipelines.Leaf',
          namespace: 'refstore.pipelines.Leaf',
          gren_hash: 'a65a03d18cb6d9070e55',
          result_status: 'success',
          config: { value: 3, name: 'deep-leaf' },
        },
      ]);
      expect(middle.children).toEqual([
        {
          field_name: 'middle',
          class_name: 'Top',
          full_class_name: 'refstore.pipelines.Top',
          namespace: 'refstore.pipelines.Top',
          gren_hash: '3c619c85f3318dea28d6',
          result_status: 'success',
        },
      ]);
    });
  });

  describe('GET /api/stats and /api/dag', () => {
    it('should count by status', async () => {
      const stats = (await request(api.server).get('/api/stats').expect(200)).body as DashboardStats;
      expect(stats).toEqual({
        total: 15,
        by_result_status: [
          { status: 'failed', count: 1 },
          { status: 'success', count: 14 },
        ],
        by_attempt_status: [
          { status: 'failed', count: 1 },
          { status: 'success', count: 14 },
        ],
        running_count: 0,
        queued_count: 0,
        failed_count: 1,
        success_count: 14,
      });
    });

    it('should draw Leaf → Middle → Top only (the extra dict is no gren object)', async () => {
      const dag = (await request(api.server).get('/api/dag').expect(200)).body as ExperimentDAG;
      expect(dag.edges).toEqual([
        { source: 'refstore.pipelines.Leaf', target: 'refstore.pipelines.Middle', field_name: 'leaf' },
        { source: 'refstore.pipelines.Middle', target: 'refstore.pipelines.Top', field_name: 'middle' },
      ]);
      expect(dag.total_experiments).toBe(15);
      expect(dag.nodes.find((node) => node.id === 'refstore.pipelines.Leaf')?.total_count).toBe(5);
      expect(dag.nodes.every((node) => node.parent_class === 'refstore.pipelines')).toBe(true);
    });
  });
});
