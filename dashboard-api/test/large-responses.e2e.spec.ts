import request from 'supertest';
import type { ExperimentDAG, ExperimentList } from '../src/contract/api-types';
import { generateSyntheticStore } from '../src/testing/synthetic-store';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

describe('Dashboard API on a generated store of 500 artifacts', () => {
  let store: string;
  let api: TestApp;

  beforeAll(async () => {
    store = makeTempDir();
    generateSyntheticStore(store, { count: 500 });
    api = await startTestApp(store, { watch: false });
  });

  afterAll(async () => {
    await api.close();
    removeStore(store);
  });

  describe('when the DAG is large and the client accepts gzip', () => {
    it('should send it compressed, with its ETag', async () => {
      await request(api.server).get('/api/dag').expect(200);
      const response = await request(api.server).get('/api/dag').set('Accept-Encoding', 'gzip').expect(200);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect((response.body as ExperimentDAG).total_experiments).toBe(500);
      await request(api.server)
        .get('/api/dag')
        .set('If-None-Match', response.headers.etag as string)
        .expect(304);
    });
  });

  describe('when the client accepts brotli too, as browsers and fetch do', () => {
    it('should send it brotli-compressed, decoding to the same JSON', async () => {
      const plain = await request(api.server).get('/api/dag').set('Accept-Encoding', 'identity').expect(200);
      // superagent decodes brotli itself.
      const response = await request(api.server)
        .get('/api/dag')
        .set('Accept-Encoding', 'gzip, deflate, br')
        .expect(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.text).toBe(plain.text);
    });
  });

  describe('when the client does not accept gzip', () => {
    it('should send the same JSON uncompressed', async () => {
      const response = await request(api.server).get('/api/dag').set('Accept-Encoding', 'identity').expect(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      const dag = response.body as ExperimentDAG;
      expect(dag.nodes.map((node) => node.id)).toEqual([
        'bench.data.Dataset',
        'bench.eval.Ensemble',
        'bench.eval.Evaluate',
        'bench.models.Model',
        'bench.reports.Report',
        'bench.train.Train',
      ]);
      expect(dag.edges.map((edge) => `${edge.source}->${edge.target}:${edge.field_name}`)).toEqual([
        'bench.data.Dataset->bench.train.Train:dataset',
        'bench.models.Model->bench.train.Train:model',
        'bench.train.Train->bench.eval.Ensemble:members[]',
        'bench.train.Train->bench.eval.Evaluate:train',
      ]);
    });
  });

  describe('when filters combine with paging', () => {
    it('should count every match and page through them in order', async () => {
      const all = (await request(api.server).get('/api/experiments?namespace=bench.train&limit=1000').expect(200))
        .body as ExperimentList;
      const page = (
        await request(api.server).get('/api/experiments?namespace=bench.train&limit=10&offset=20').expect(200)
      ).body as ExperimentList;
      expect(page.total).toBe(all.total);
      expect(page.experiments).toEqual(all.experiments.slice(20, 30));
    });
  });
});
