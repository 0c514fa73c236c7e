import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import type { ApiErrorBody } from '../src/contract/api-types';
import type {
  ArtifactFileList,
  ArtifactFileText,
  ExperimentLineage,
  SimilarExperiments,
  Timeline,
} from '../src/contract/insight-types';
import { buildState } from '../src/testing/state-builder';
import { artifactDirectory, writeArtifact } from '../src/testing/write-artifact';
import { SAMPLE, writeSampleStore } from './support/sample-store';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

const TRAIN = 'proj.train.Train';
/** A 1×1 transparent PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const SAFE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>';

/** An events.jsonl line as gren writes it: ts, pid, host, then the event's fields. */
function event(at: Date, host: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { ts: at.toISOString().replace('.000Z', '+00:00'), pid: 7, host, ...fields };
}

describe('Dashboard API: timeline, files and lineage on a store on disk', () => {
  let store: string;
  let outside: string;
  let api: TestApp;
  let trainDir: string;
  const get = (url: string) => request(api.server).get(url);
  const filesUrl = (hash: string = SAMPLE.trainOk) => `/api/experiments/${TRAIN}/${hash}/files`;

  beforeAll(async () => {
    store = makeTempDir();
    outside = makeTempDir('gren-outside-');
    writeSampleStore(store);
    writeArtifact(store, {
      namespace: 'proj.jobs.Task',
      hash: '7'.repeat(20),
      state: buildState({
        result: 'success',
        updatedAt: new Date(Date.UTC(2026, 1, 1, 1)),
        attempt: {
          status: 'success',
          backend: 'slurm',
          startedAt: new Date(Date.UTC(2026, 1, 1)),
          endedAt: new Date(Date.UTC(2026, 1, 1, 1)),
          scheduler: { job_id: '1234_5', array_job_id: '1234' },
        },
      }),
    });
    const retried = (hour: number): Date => new Date(Date.UTC(2026, 1, 3, hour));
    writeArtifact(store, {
      namespace: 'proj.retry.Retry',
      hash: '6'.repeat(20),
      state: buildState({
        result: 'success',
        updatedAt: retried(4),
        attempt: { status: 'success', number: 3, startedAt: retried(3), endedAt: retried(4), host: 'n3' },
      }),
      events: [
        event(retried(1), 'n1', { type: 'attempt_started', attempt_id: 'a1', backend: 'slurm', status: 'queued' }),
        event(new Date(retried(1).getTime() + 600_000), 'n1', {
          type: 'attempt_finished',
          attempt_id: 'a1',
          status: 'failed',
        }),
        event(retried(2), 'n2', { type: 'attempt_started', attempt_id: 'a2', backend: 'local', status: 'running' }),
        event(retried(3), 'n3', {
          type: 'attempt_started',
          attempt_id: `attempt-${retried(3).getTime().toString(16)}-3`,
          backend: 'local',
          status: 'running',
        }),
      ],
    });
    for (const [hash, factor] of [
      ['8'.repeat(20), '1'],
      ['9'.repeat(20), '1.0'],
    ] as const) {
      writeArtifact(store, {
        namespace: 'proj.num.Scale',
        hash,
        state: buildState({ result: 'success', updatedAt: new Date(Date.UTC(2026, 1, 2)) }),
        metadata: `{"gren_obj": {"__class__": "proj.num.Scale", "factor": ${factor}, "name": "s"}}`,
      });
    }
    trainDir = artifactDirectory(store, 'data', TRAIN, SAMPLE.trainOk);
    fs.mkdirSync(path.join(trainDir, 'plots'));
    fs.writeFileSync(path.join(trainDir, 'metrics.json'), JSON.stringify({ loss: 0.25, accuracy: 0.9 }));
    fs.writeFileSync(path.join(trainDir, 'history.jsonl'), '{"step": 1}\n{"step": 2}\n');
    fs.writeFileSync(path.join(trainDir, 'table.csv'), 'lr,loss\n0.1,0.5\n');
    fs.writeFileSync(path.join(trainDir, 'plots', 'loss.png'), PNG);
    fs.writeFileSync(path.join(trainDir, 'plots', 'safe.svg'), SAFE_SVG);
    fs.writeFileSync(
      path.join(trainDir, 'plots', 'evil.svg'),
      SAFE_SVG.replace('<rect', '<script>alert(1)</script><rect'),
    );
    fs.writeFileSync(path.join(trainDir, 'plots', 'handler.svg'), SAFE_SVG.replace('<rect', '<rect onload="alert(1)"'));
    fs.writeFileSync(path.join(trainDir, 'fake.png'), 'not an image');
    fs.writeFileSync(path.join(trainDir, 'binary.txt'), Buffer.from([0x68, 0x69, 0x00, 0xff, 0xfe]));
    fs.writeFileSync(path.join(trainDir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    fs.writeFileSync(path.join(trainDir, 'huge.txt'), Buffer.alloc(2 * 1024 * 1024 + 1, 0x61));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'outside the store');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(trainDir, 'link.txt'));
    fs.symlinkSync(outside, path.join(trainDir, 'linked-folder'));
    api = await startTestApp(store, { watch: false });
  });

  afterAll(async () => {
    await api.close();
    removeStore(store);
    removeStore(outside);
  });

  describe('GET /api/timeline', () => {
    it('should give the current attempt of each filtered experiment with its host, job and end', async () => {
      const body = (await get('/api/timeline').query({ namespace: TRAIN, limit: '1000' }).expect(200)).body as Timeline;
      expect(body.total).toBe(4);
      expect(body.attempts.map((attempt) => [attempt.gren_hash, attempt.attempt_status, attempt.hostname])).toEqual([
        [SAMPLE.trainQueued, 'queued', 'n3'],
        [SAMPLE.trainRunning, 'running', 'n2'],
        [SAMPLE.trainFailed, 'failed', 'n2'],
        [SAMPLE.trainOk, 'success', 'n1'],
      ]);
      const failed = body.attempts[2];
      expect(failed).toMatchObject({ backend: 'slurm', ended_at: '2026-03-01T06:00:00+00:00', stale: false });
      expect(body.attempts[3]?.ended_at).toBe('2026-03-01T04:00:00+00:00');
      expect(Number.isNaN(Date.parse(body.now))).toBe(false);
    });

    it('should mark a running attempt whose lease expired long ago as stale', async () => {
      const body = (await get('/api/timeline').query({ attempt_status: 'running' }).expect(200)).body as Timeline;
      expect(body.attempts).toHaveLength(1);
      expect(body.attempts[0]).toMatchObject({ gren_hash: SAMPLE.trainRunning, ended_at: null, stale: true });
    });

    it('should keep the limit and count every match', async () => {
      const body = (await get('/api/timeline').query({ limit: '2' }).expect(200)).body as Timeline;
      expect(body.attempts).toHaveLength(2);
      expect(body.total).toBe(9);
    });

    it('should page with offset over the experiments that have an attempt', async () => {
      const all = (await get('/api/timeline').query({ namespace: TRAIN }).expect(200)).body as Timeline;
      const second = (await get('/api/timeline').query({ namespace: TRAIN, offset: '1', limit: '2' }).expect(200))
        .body as Timeline;
      expect(second.total).toBe(4);
      expect(second.attempts.map((attempt) => attempt.gren_hash)).toEqual(
        all.attempts.slice(1, 3).map((attempt) => attempt.gren_hash),
      );
      const past = (await get('/api/timeline').query({ namespace: TRAIN, offset: '4' }).expect(200)).body as Timeline;
      expect(past).toMatchObject({ attempts: [], total: 4 });
    });

    it('should add the attempts before the current one from events.jsonl', async () => {
      const body = (await get('/api/timeline').query({ namespace: 'proj.retry' }).expect(200)).body as Timeline;
      expect(
        body.attempts.map((a) => [a.attempt_number, a.attempt_status, a.hostname, a.started_at, a.ended_at, a.current]),
      ).toEqual([
        [1, 'failed', 'n1', '2026-02-03T01:00:00+00:00', '2026-02-03T01:10:00+00:00', false],
        [2, 'crashed', 'n2', '2026-02-03T02:00:00+00:00', '2026-02-03T03:00:00+00:00', false],
        [3, 'success', 'n3', '2026-02-03T03:00:00+00:00', '2026-02-03T04:00:00+00:00', true],
      ]);
      expect(body.total).toBe(1);
    });

    it("should give a SLURM array task's job id and end", async () => {
      const body = (await get('/api/timeline').query({ namespace: 'proj.jobs' }).expect(200)).body as Timeline;
      expect(body.attempts).toEqual([
        expect.objectContaining({
          job_id: '1234_5',
          backend: 'slurm',
          started_at: '2026-02-01T00:00:00+00:00',
          ended_at: '2026-02-01T01:00:00+00:00',
        }),
      ]);
    });

    it('should refuse an invalid filter with 422 naming it', async () => {
      const body = (await get('/api/timeline').query({ result_status: 'great' }).expect(422)).body as ApiErrorBody;
      expect(body.detail).toContain('result_status');
    });
  });

  describe('GET .../files', () => {
    it('should list the files the computation wrote, without .gren/ and without symbolic links', async () => {
      const body = (await get(filesUrl()).expect(200)).body as ArtifactFileList;
      expect(body.truncated).toBe(false);
      expect(body.files.map((file) => [file.path, file.kind, file.viewable])).toEqual([
        ['binary.txt', 'text', true],
        ['fake.png', 'png', true],
        ['history.jsonl', 'jsonl', true],
        ['huge.txt', 'text', false],
        ['latin1.txt', 'text', true],
        ['metrics.json', 'json', true],
        ['plots/evil.svg', 'svg', true],
        ['plots/handler.svg', 'svg', true],
        ['plots/loss.png', 'png', true],
        ['plots/safe.svg', 'svg', true],
        ['table.csv', 'csv', true],
      ]);
      const metrics = body.files.find((file) => file.path === 'metrics.json');
      expect(metrics?.size_bytes).toBe(fs.statSync(path.join(trainDir, 'metrics.json')).size);
      expect(Number.isNaN(Date.parse(metrics?.modified_at ?? ''))).toBe(false);
    });

    it('should list nothing for an artifact that wrote no file', async () => {
      const body = (await get(filesUrl(SAMPLE.trainFailed)).expect(200)).body as ArtifactFileList;
      expect(body.files).toEqual([]);
    });

    it('should answer 404 for an unknown experiment', async () => {
      await get(filesUrl('0'.repeat(20))).expect(404);
    });
  });

  describe('GET .../files/text', () => {
    it.each([
      ['metrics.json', 'json', '{"loss":0.25,"accuracy":0.9}'],
      ['history.jsonl', 'jsonl', '{"step": 1}\n{"step": 2}\n'],
      ['table.csv', 'csv', 'lr,loss\n0.1,0.5\n'],
    ])('should serve %s as %s text', async (file, kind, text) => {
      const body = (await get(`${filesUrl()}/text`).query({ path: file }).expect(200)).body as ArtifactFileText;
      expect(body).toMatchObject({ path: file, kind, text, size_bytes: Buffer.byteLength(text) });
    });

    it.each([
      ['../../../../../../etc/passwd', 422, 'plain relative path'],
      ['/etc/passwd', 422, 'relative to the artifact directory'],
      ['plots/../metrics.json', 422, 'plain relative path'],
      ['.gren/state.json', 422, '.gren/'],
      ['a\\..\\b.txt', 422, 'backslashes'],
      ['link.txt', 422, 'symbolic link'],
      ['linked-folder/secret.txt', 422, 'symbolic link'],
      ['plots/loss.png', 422, 'not a text'],
      ['missing.txt', 404, 'Not found'],
      ['huge.txt', 413, 'at most 2097152 bytes'],
      ['binary.txt', 415, 'binary'],
      ['latin1.txt', 415, 'not UTF-8'],
    ])('should refuse %s with %d', async (file, status, words) => {
      const body = (await get(`${filesUrl()}/text`).query({ path: file }).expect(status)).body as ApiErrorBody;
      expect(body.detail).toContain(words);
      expect(body.detail).not.toContain('outside the store');
    });

    it('should refuse a missing or repeated path with 422 naming it', async () => {
      expect(((await get(`${filesUrl()}/text`).expect(422)).body as ApiErrorBody).detail).toContain('path');
      await get(`${filesUrl()}/text?path=a.txt&path=b.txt`).expect(422);
    });
  });

  describe('GET .../files/image', () => {
    it('should serve a PNG with its type, nothing runnable and no sniffing', async () => {
      const response = await get(`${filesUrl()}/image`).query({ path: 'plots/loss.png' }).buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain('sandbox');
      expect(Buffer.compare(response.body as Buffer, PNG)).toBe(0);
    });

    it('should serve a plain SVG as an attachment under a sandboxing policy, never inline', async () => {
      const response = await get(`${filesUrl()}/image`).query({ path: 'plots/safe.svg' }).buffer(true).expect(200);
      expect(response.headers['content-type']).toBe('image/svg+xml');
      expect(response.headers['content-disposition']).toBe('attachment; filename="safe.svg"');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    });

    it.each([
      ['plots/evil.svg', 415, '<script>'],
      ['plots/handler.svg', 415, 'event handler'],
      ['fake.png', 415, 'not a PNG'],
      ['metrics.json', 422, 'not a PNG, JPEG or SVG'],
      ['link.txt', 422, 'not a PNG'],
    ])('should refuse %s with %d', async (file, status, words) => {
      const body = (await get(`${filesUrl()}/image`).query({ path: file }).expect(status)).body as ApiErrorBody;
      expect(body.detail).toContain(words);
    });
  });

  describe('GET .../lineage', () => {
    it('should list everything using the dataset, transitively, with counts per class', async () => {
      const body = (await get(`/api/experiments/proj.data.Dataset/${SAMPLE.dataset}/lineage`).expect(200))
        .body as ExperimentLineage;
      expect(body.upstream).toEqual({ experiments: [], total: 0, by_class: [] });
      expect(body.downstream.total).toBe(5);
      expect(body.downstream.by_class).toEqual([
        { namespace: TRAIN, class_name: 'Train', count: 4 },
        { namespace: 'proj.train.Ensemble', class_name: 'Ensemble', count: 1 },
      ]);
      expect(body.downstream.experiments.map((e) => [e.class_name, e.depth])).toEqual([
        ['Train', 1],
        ['Train', 1],
        ['Train', 1],
        ['Train', 1],
        ['Ensemble', 2],
      ]);
    });

    it('should list the dependencies of a dependency upstream', async () => {
      const body = (await get(`/api/experiments/proj.train.Ensemble/${SAMPLE.ensemble}/lineage`).expect(200))
        .body as ExperimentLineage;
      expect(body.upstream.experiments.map((e) => [e.gren_hash, e.depth])).toEqual(
        [
          [SAMPLE.dataset, 2],
          [SAMPLE.trainOk, 1],
          [SAMPLE.trainFailed, 1],
        ].sort((a, b) => Number(a[1]) - Number(b[1])),
      );
      expect(body.downstream.total).toBe(0);
    });
  });

  describe('GET .../similar', () => {
    it('should rank the stored configs of the class by differing fields, as gren explain compares them', async () => {
      const body = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainFailed}/similar`).expect(200))
        .body as SimilarExperiments;
      expect(body).toMatchObject({ comparable: true, compared: 3, not_comparable: 2 });
      expect(
        body.nearest.map((similar) => [similar.gren_hash, similar.result_status, similar.differences.length]),
      ).toEqual([
        [SAMPLE.trainQueued, 'incomplete', 1],
        [SAMPLE.trainOk, 'success', 3],
        [SAMPLE.trainRunning, 'incomplete', 3],
      ]);
      expect(body.nearest[0]?.differences).toEqual([{ path: 'lr', change: 'changed', other: 0.0001, this: 0.1 }]);
      expect(body.nearest[1]?.differences.map((difference) => difference.path)).toEqual(['lr', 'note', 'options.amp']);
    });

    it('should tell 1 from 1.0, which hash differently', async () => {
      const body = (await get(`/api/experiments/proj.num.Scale/${'8'.repeat(20)}/similar`).expect(200))
        .body as SimilarExperiments;
      expect(body.nearest).toHaveLength(1);
      expect(body.nearest[0]?.differences.map((difference) => difference.path)).toEqual(['factor']);
      const text = (await get(`/api/experiments/proj.num.Scale/${'8'.repeat(20)}/similar`).expect(200)).text;
      expect(text).toContain('"other":1.0');
    });

    it('should say nothing could be compared for an experiment without a config', async () => {
      const body = (await get(`/api/experiments/proj.data.Dataset/${SAMPLE.absent}/similar`).expect(200))
        .body as SimilarExperiments;
      expect(body).toMatchObject({ comparable: false, compared: 0, nearest: [] });
    });

    it('should keep the limit and refuse one out of range with 422', async () => {
      const body = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainFailed}/similar?limit=1`).expect(200))
        .body as SimilarExperiments;
      expect(body.nearest).toHaveLength(1);
      const error = (await get(`/api/experiments/${TRAIN}/${SAMPLE.trainFailed}/similar?limit=99`).expect(422))
        .body as ApiErrorBody;
      expect(error.detail).toContain('limit must be at most 20');
    });
  });

  describe('GET /api/docs-json', () => {
    it('should document the new routes with their response schemas', async () => {
      const document = (await get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
        components: { schemas: Record<string, unknown> };
      };
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/api/timeline',
          '/api/experiments/{namespace}/{hash}/files',
          '/api/experiments/{namespace}/{hash}/files/text',
          '/api/experiments/{namespace}/{hash}/files/image',
          '/api/experiments/{namespace}/{hash}/lineage',
          '/api/experiments/{namespace}/{hash}/similar',
        ]),
      );
      expect(Object.keys(document.components.schemas)).toEqual(
        expect.arrayContaining([
          'TimelineModel',
          'ArtifactFileListModel',
          'ExperimentLineageModel',
          'SimilarExperimentsModel',
        ]),
      );
    });
  });

  describe('when the dashboard requires a token', () => {
    const TOKEN = 'insight-token-0123456789-abcdefghij';
    let guarded: TestApp;

    beforeAll(async () => {
      guarded = await startTestApp(store, { watch: false, access: { token: TOKEN, loopbackHostsOnly: false } });
    });

    afterAll(() => guarded.close());

    it.each([
      '/api/timeline',
      `${filesUrl()}`,
      `${filesUrl()}/text?path=metrics.json`,
      `${filesUrl()}/image?path=plots/loss.png`,
      `/api/experiments/${TRAIN}/${SAMPLE.trainOk}/lineage`,
      `/api/experiments/${TRAIN}/${SAMPLE.trainOk}/similar`,
    ])('should refuse %s without it (401) and serve it with it', async (url) => {
      await request(guarded.server).get(url).expect(401);
      await request(guarded.server).get(url).set('Authorization', `Bearer ${TOKEN}`).expect(200);
    });
  });
});
