import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { serializeState } from 'gren-ts';
import request from 'supertest';
import type { ChangeVersion, ExperimentDetail, ExperimentList } from '../src/contract/api-types';
import { hashOf } from '../src/testing/make-record';
import { buildState } from '../src/testing/state-builder';
import { replaceFile, writeArtifact } from '../src/testing/write-artifact';
import { at } from './support/sample-store';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, waitFor, type TestApp } from './support/test-app';

// The deadlines in waitFor only stop a hung test; how soon the dashboard follows (within 2 s)
// is measured across hosts by the multi-host suite.
jest.setTimeout(60_000);

const NS = 'live.pipelines.Train';
const running = buildState({
  result: 'incomplete',
  updatedAt: at(1),
  attempt: { status: 'running', startedAt: at(1) },
});
const succeeded = buildState({ result: 'success', updatedAt: at(2), attempt: { status: 'success', startedAt: at(1) } });

describe.each([
  ['inotify and polling', true],
  ['polling only (network file systems)', false],
])('Dashboard API while the store changes (%s)', (_mode, watch) => {
  let store: string;
  let api: TestApp;
  const hashesListed = async (): Promise<string[]> =>
    ((await request(api.server).get('/api/experiments').expect(200)).body as ExperimentList).experiments.map(
      (e) => e.gren_hash,
    );

  beforeEach(async () => {
    store = makeTempDir();
    writeArtifact(store, {
      namespace: NS,
      hash: hashOf(1),
      state: succeeded,
      metadata: { gren_obj: { __class__: NS, lr: 0.1 } },
    });
    api = await startTestApp(store, { watch });
    await request(api.server).get('/api/dag').expect(200);
  });

  afterEach(async () => {
    await api.close();
    removeStore(store);
  });

  it('should show an artifact that appears, in a namespace that did not exist, without a restart', async () => {
    writeArtifact(store, {
      namespace: 'live.other.Eval',
      hash: hashOf(2),
      state: running,
      metadata: { gren_obj: { __class__: 'live.other.Eval' } },
    });
    await waitFor('the new artifact listed', async () => (await hashesListed()).includes(hashOf(2)));
    const filtered = (await request(api.server).get('/api/experiments?attempt_status=running').expect(200))
      .body as ExperimentList;
    expect(filtered.experiments.map((e) => e.gren_hash)).toEqual([hashOf(2)]);
  });

  it('should show a state change without a restart', async () => {
    const directory = writeArtifact(store, { namespace: NS, hash: hashOf(3), state: running });
    await waitFor('the running artifact listed', async () => (await hashesListed()).includes(hashOf(3)));
    replaceFile(path.join(directory, '.gren', 'state.json'), serializeState(succeeded));
    await waitFor('the artifact listed as a success', async () => {
      const list = (await request(api.server).get('/api/experiments?result_status=success').expect(200))
        .body as ExperimentList;
      return list.experiments.some((e) => e.gren_hash === hashOf(3));
    });
    const detail = (
      await request(api.server)
        .get(`/api/experiments/${NS}/${hashOf(3)}`)
        .expect(200)
    ).body as ExperimentDetail;
    expect(detail.result_status).toBe('success');
  });

  it('should drop a deleted artifact without a restart', async () => {
    fs.rmSync(path.join(store, 'data', 'live', 'pipelines', 'Train', hashOf(1)), { recursive: true });
    await waitFor('the deleted artifact dropped', async () => (await hashesListed()).length === 0);
    await request(api.server)
      .get(`/api/experiments/${NS}/${hashOf(1)}`)
      .expect(404);
  });

  it('should show a state file turning corrupt as "invalid" and keep listing', async () => {
    replaceFile(
      path.join(store, 'data', 'live', 'pipelines', 'Train', hashOf(1), '.gren', 'state.json'),
      '{"schema_version": 1,',
    );
    await waitFor('the corrupt state listed as invalid', async () => {
      const list = (await request(api.server).get('/api/experiments').expect(200)).body as ExperimentList;
      return list.experiments[0]?.result_status === 'invalid';
    });
    await request(api.server).get('/api/stats').expect(200);
    await request(api.server).get('/api/dag').expect(200);
  });

  it('should move the change version and invalidate the ETag', async () => {
    const first = await request(api.server).get('/api/stats').expect(200);
    const before = ((await request(api.server).get('/api/changes').expect(200)).body as ChangeVersion).version;
    writeArtifact(store, { namespace: NS, hash: hashOf(4), state: running });
    await waitFor(
      'the change version moved',
      async () => ((await request(api.server).get('/api/changes')).body as ChangeVersion).version > before,
    );
    await waitFor(
      'a fresh ETag for /api/stats',
      async () =>
        (
          await request(api.server)
            .get('/api/stats')
            .set('If-None-Match', first.headers.etag as string)
        ).status === 200,
    );
  });
});

describe('GET /api/changes/stream', () => {
  let store: string;
  let api: TestApp;
  let server: http.Server;

  beforeAll(async () => {
    store = makeTempDir();
    writeArtifact(store, { namespace: NS, hash: hashOf(1), state: succeeded });
    api = await startTestApp(store);
    server = api.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await api.close();
    removeStore(store);
  });

  it('should send the version on connect and a change event when an artifact appears', async () => {
    const { port } = server.address() as AddressInfo;
    const events: ChangeVersion[] = [];
    const received = new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/changes/stream' }, (response) => {
        expect(response.headers['content-type']).toMatch(/text\/event-stream/);
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            if (block.includes('event: change') && data) events.push(JSON.parse(data.slice(6)) as ChangeVersion);
            if (events.length === 1 && block.includes('event: change')) {
              writeArtifact(store, { namespace: NS, hash: hashOf(2), state: running });
            }
            if (events.length === 2) {
              req.destroy();
              resolve();
            }
          }
        });
      });
      req.on('error', (error) => (events.length >= 2 ? resolve() : reject(error)));
      // Only stops a hung stream: it does not time the events.
      setTimeout(() => reject(new Error(`only ${events.length} change event(s) after 30 s`)), 30_000).unref();
    });
    await received;
    expect(events[1]!.version).toBeGreaterThan(events[0]!.version);
  });
});
