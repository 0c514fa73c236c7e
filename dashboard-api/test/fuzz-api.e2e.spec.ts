import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import fc from 'fast-check';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createDashboardApp } from '../src/create-app';
import type { DashboardAccess } from '../src/config/dashboard-options';
import { buildMetadata } from '../src/testing/metadata-builder';
import { buildState } from '../src/testing/state-builder';
import { artifactDirectory, writeArtifact } from '../src/testing/write-artifact';
import { fuzzParameters } from '../../spec/support/fuzz';
import { SAMPLE, writeSampleStore } from './support/sample-store';
import { copyPythonStore, removeStore } from './support/temp-store';

jest.setTimeout(120_000);

const CANARY = `CANARY-${randomBytes(8).toString('hex')}`;
const SECRET = `SECRET-${randomBytes(8).toString('hex')}`;
const TOKEN = `fuzz-token-${randomBytes(12).toString('hex')}`;
const OUTSIDE_HASH = 'c0ffee0000000000beef';
const HOSTILE_HASH = 'dead00000000000000aa';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One raw request (the path is sent as it is: no normalization, no re-encoding). */
function send(port: number, method: string, target: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: target, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('latin1'),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** A digest of every name, type and content under `root` (symbolic links by their target). */
function treeDigest(root: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      hash.update(`${path.relative(root, full)}\0`);
      if (entry.isSymbolicLink()) hash.update(`link:${fs.readlinkSync(full)}\0`);
      else if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hash.update(fs.readFileSync(full));
      else hash.update(`special\0`);
    }
  };
  walk(root);
  return hash.digest('hex');
}

/** Text that stresses path and query handling: traversal, encodings, NUL, unicode, huge numbers. */
const nasty = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2E%2F',
      '..%2f..%2f',
      '%2f',
      '%5c',
      '%00',
      '\u0000',
      '%',
      '%zz',
      '%c0%ae%c0%ae',
      '~',
      '*',
      'a.b',
      'refstore.pipelines.Top',
      'refstore/pipelines/Top',
      'proj.train.Train',
      '..%2F..%2Foutside%2Fx',
      '../../outside/x',
      'outside.x',
      '1e309',
      '-0',
      '99999999999999999999999999',
      'NaN',
      'Infinity',
      '0x10',
      '',
      ' ',
      'null',
      '__proto__',
      'constructor',
      'true',
      '[]',
      '{}',
      '3c619c85f3318dea28d6',
      SAMPLE.trainOk,
      OUTSIDE_HASH,
      HOSTILE_HASH,
      '2026-03-01T08:00:00+00:00',
      '2026-13-45T99:99:99',
      'lr=1e-3',
      'options.amp=true',
      'a.0.b=null',
      '=',
      '==',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 3000 }).map((length) => 'x'.repeat(length)) },
);

/** How a piece of text goes into a URL: encoded, raw (printable ASCII kept), or doubly encoded. */
const inUrl = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(text, fc.constantFrom('encode', 'raw', 'double')).map(([value, how]) => {
    if (how === 'encode') return encodeURIComponent(value);
    if (how === 'double') return encodeURIComponent(encodeURIComponent(value));
    // Raw: what an attacker can put on the request line; anything a client cannot send is escaped.
    return [...value]
      .map((char) => (/^[\x21-\x7e]$/.test(char) && char !== '#' && char !== '?' ? char : encodeURIComponent(char)))
      .join('');
  });

const QUERY_KEYS = [
  'result_status',
  'attempt_status',
  'namespace',
  'backend',
  'hostname',
  'user',
  'started_after',
  'started_before',
  'updated_after',
  'updated_before',
  'config_filter',
  'limit',
  'offset',
  'tail',
  'columns',
  'sort',
  'color',
  'max_points',
  'format',
  '__proto__',
  'constructor[prototype]',
  'config_filter[]',
  'limit[0]',
];

const query: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), inUrl(nasty)), inUrl(nasty)), { maxLength: 6 })
  .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join('&'));

/** Request targets over every route, with random path segments and query strings. */
const target: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.array(inUrl(nasty), { minLength: 1, maxLength: 4 }),
      inUrl(nasty),
      fc.constantFrom('', '/relationships', '/logs', '/logs/', '/x'),
      query,
    )
    .map(([namespace, hash, tail, q]) => `/api/experiments/${namespace.join('/')}/${hash}${tail}${q ? `?${q}` : ''}`),
  fc
    .tuple(
      fc.constantFrom(
        '/api/experiments',
        '/api/stats',
        '/api/dag',
        '/api/health',
        '/api/changes',
        '/api/docs-json',
        '/api/fields',
        '/api/plot',
        '/api/export',
      ),
      query,
    )
    .map(([route, q]) => `${route}?${q}`),
  fc
    .tuple(fc.array(inUrl(nasty), { minLength: 1, maxLength: 4 }), query)
    .map(([parts, q]) => `/${parts.join('/')}${q ? `?${q}` : ''}`),
  fc
    .tuple(fc.constantFrom('/API', '/Api', '/api/', '//api', '/api/.', '/api/..', '/%61pi'), inUrl(nasty))
    .map(([prefix, rest]) => `${prefix}/${rest}`),
);

/**
 * The real app (in process, listening on 127.0.0.1) on a store with the Python fixture, our
 * sample artifacts and hostile ones (a log that is a link to a canary file beside the store, a
 * namespace folder linking outside, metadata nested thousands deep, a state.json whose
 * scheduler is), fed random request targets.
 */
describe('Dashboard API under fuzzed paths and query parameters', () => {
  let scratch: string;
  let store: string;
  let spa: string;
  let digestBefore: string;

  beforeAll(() => {
    store = copyPythonStore();
    scratch = path.dirname(store);
    writeSampleStore(store);
    // Beside the store: a canary file and a folder laid out like an artifact, both full of CANARY.
    fs.writeFileSync(path.join(scratch, `${path.basename(store)}-canary.txt`), `${CANARY}\n`.repeat(10));
    const outside = path.join(`${store}-outside`, 'x', OUTSIDE_HASH);
    fs.mkdirSync(path.join(outside, '.gren'), { recursive: true });
    fs.writeFileSync(path.join(outside, '.gren', 'gren.log'), `${CANARY}\n`);
    fs.writeFileSync(
      path.join(outside, '.gren', 'state.json'),
      JSON.stringify(buildState({ result: 'absent', updatedAt: null })).replace('"absent"', `"absent","x":"${CANARY}"`),
    );
    // In the store: links out of it, which must never be followed.
    const linked = artifactDirectory(store, 'data', 'proj.train.Train', SAMPLE.trainOk);
    fs.rmSync(path.join(linked, '.gren', 'gren.log'), { force: true });
    fs.symlinkSync(path.join(scratch, `${path.basename(store)}-canary.txt`), path.join(linked, '.gren', 'gren.log'));
    fs.symlinkSync(path.join(`${store}-outside`, 'x'), path.join(store, 'data', 'outside'));
    // Hostile artifacts: metadata and scheduler facts nested 5,000 deep, a secret in a config and a log.
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const hostile = artifactDirectory(store, 'data', 'evil.deep.Nest', HOSTILE_HASH);
    writeArtifact(store, {
      namespace: 'evil.deep.Nest',
      hash: HOSTILE_HASH,
      state: buildState({
        result: 'success',
        updatedAt: new Date(),
        attempt: { status: 'success', startedAt: new Date() },
      }),
      metadata: JSON.stringify(
        buildMetadata({
          namespace: 'evil.deep.Nest',
          hash: HOSTILE_HASH,
          directory: hostile,
          grenObj: { __class__: 'evil.deep.Nest', secret: SECRET, deep: 'DEEP' },
          timestamp: new Date(),
        }),
      ).replace('"DEEP"', deep),
      log: `${SECRET}\n`,
    });
    const scheduled = writeArtifact(store, {
      namespace: 'evil.deep.Scheduled',
      hash: HOSTILE_HASH,
      state: buildState({
        result: 'incomplete',
        updatedAt: new Date(),
        attempt: { status: 'running', startedAt: new Date() },
      }),
    });
    const stateFile = path.join(scheduled, '.gren', 'state.json');
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { attempt: { scheduler: unknown } };
    state.attempt.scheduler = { deep: 'DEEP' };
    fs.writeFileSync(stateFile, JSON.stringify(state).replace('"DEEP"', deep));
    spa = path.join(scratch, `${path.basename(store)}-spa`);
    fs.mkdirSync(spa);
    fs.writeFileSync(path.join(spa, 'index.html'), '<!doctype html><app-root></app-root>');
    digestBefore = treeDigest(store);
  });

  afterAll(() => {
    removeStore(store);
    removeStore(`${store}-outside`);
    removeStore(spa);
    fs.rmSync(path.join(scratch, `${path.basename(store)}-canary.txt`), { force: true });
  });

  const serve = async (access: DashboardAccess): Promise<{ app: NestExpressApplication; port: number }> => {
    const app = await createDashboardApp(
      { basePath: store, spaDirectory: spa, watch: false, access },
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    // Index the whole store (metadata too) before fuzzing.
    expect((await send(port, 'GET', '/api/dag', { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    return { app, port };
  };

  describe('when nobody needs a token (loopback)', () => {
    let app: NestExpressApplication;
    let port: number;
    const seen = new Map<number, number>();

    beforeAll(async () => {
      ({ app, port } = await serve({ token: null, loopbackHostsOnly: true }));
    });

    afterAll(async () => {
      await app.close();
      process.stderr.write(`fuzz API statuses: ${JSON.stringify(Object.fromEntries([...seen].sort()))}\n`);
    });

    it('should answer every target with 2xx, 3xx or 4xx, never a 5xx, never the canary, always JSON errors', async () => {
      await fc.assert(
        fc.asyncProperty(target, async (url) => {
          const answer = await send(port, 'GET', url);
          seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
          expect(answer.status).toBeGreaterThanOrEqual(200);
          expect(answer.status).toBeLessThan(500);
          expect(answer.body).not.toContain(CANARY);
          // 431: Node's HTTP parser refuses a request head over 16 KB before the app sees it.
          if (answer.status === 431) return;
          expect(answer.headers['x-content-type-options']).toBe('nosniff');
          if (answer.status >= 400) expect(Object.keys(JSON.parse(answer.body) as object)).toEqual(['detail']);
        }),
        fuzzParameters('API targets (no token)', 1500),
      );
    });

    it('should answer the hostile artifacts without a 5xx (deep metadata, deep scheduler, links out)', async () => {
      for (const url of [
        `/api/experiments/evil.deep.Nest/${HOSTILE_HASH}`,
        `/api/experiments/evil.deep.Nest/${HOSTILE_HASH}/relationships`,
        `/api/experiments/evil.deep.Nest/${HOSTILE_HASH}/logs`,
        `/api/experiments/evil.deep.Scheduled/${HOSTILE_HASH}`,
        `/api/experiments/proj.train.Train/${SAMPLE.trainOk}/logs`,
        `/api/experiments/outside.x/${OUTSIDE_HASH}`,
        `/api/experiments/outside.x/${OUTSIDE_HASH}/logs`,
        '/api/experiments?limit=1000',
        '/api/experiments?config_filter=deep.0.0=1',
        '/api/experiments?config_filter=deep.0.0<1&columns=config.deep.0.0,config.secret,result.x&sort=-config.deep',
        '/api/fields',
        '/api/plot?columns=config.deep.0,config.secret',
        '/api/export?format=json&columns=config.deep.0.0',
        '/api/stats',
        '/api/dag',
      ]) {
        const answer = await send(port, 'GET', url);
        expect({ url, status: answer.status < 500 }).toEqual({ url, status: true });
        expect(answer.body).not.toContain(CANARY);
      }
      const log = JSON.parse(
        (await send(port, 'GET', `/api/experiments/proj.train.Train/${SAMPLE.trainOk}/logs`)).body,
      ) as { exists: boolean };
      expect(log.exists).toBe(false);
    });

    it('should have written nothing into the store', () => {
      expect(treeDigest(store)).toBe(digestBefore);
    });
  });

  describe('when a token is required and the client has none', () => {
    let app: NestExpressApplication;
    let port: number;

    beforeAll(async () => {
      ({ app, port } = await serve({ token: TOKEN, loopbackHostsOnly: false }));
    });

    afterAll(() => app.close());

    it('should never answer with store data, whatever the target or method', async () => {
      await fc.assert(
        fc.asyncProperty(target, fc.constantFrom('GET', 'HEAD', 'GET', 'POST', 'OPTIONS'), async (url, method) => {
          const answer = await send(port, method, url);
          expect(answer.status).toBeLessThan(500);
          expect(answer.body).not.toContain(SECRET);
          expect(answer.body).not.toContain(CANARY);
          expect(answer.body).not.toMatch(/"gren_hash"|"experiments"|"nodes"/);
        }),
        fuzzParameters('API targets (token required, none sent)', 800),
      );
    });

    it('should have written nothing into the store', () => {
      expect(treeDigest(store)).toBe(digestBefore);
    });
  });
});
