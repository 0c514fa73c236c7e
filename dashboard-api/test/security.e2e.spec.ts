import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import request from 'supertest';
import type { Response } from 'supertest';
import { sessionCookieValue } from '../src/security/access-token';
import { MAX_QUERY_PARAMETERS, MAX_URL_LENGTH } from '../src/security/request-limits';
import { SAMPLE, writeSampleStore } from './support/sample-store';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

/** The `detail` of an error body, checking that it is the body's only field. */
function detailOf(response: Response): string {
  const body = response.body as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['detail']);
  expect(typeof body.detail).toBe('string');
  return body.detail as string;
}

const TOKEN = 'e2e-token-0123456789-abcdefghij';
const TRAIN = `/api/experiments/proj.train.Train/${SAMPLE.trainOk}`;

/** Every API route, and spellings of them that Express also routes (case, trailing slash). */
const API_ROUTES = [
  '/api/health',
  '/api/experiments',
  '/api/experiments?result_status=success',
  TRAIN,
  `${TRAIN}/relationships`,
  `${TRAIN}/logs`,
  '/api/stats',
  '/api/dag',
  '/api/changes',
  '/api/changes/stream',
  '/api/docs',
  '/api/docs-json',
  '/api/no-such-route',
  '/API/health',
  '/Api/Experiments',
  '/api/health/',
  '/api',
];

/** What every response carries, whoever answers it. */
function expectSecurityHeaders(response: Response): void {
  expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.headers['access-control-allow-origin']).toBeUndefined();
  expect(response.headers['access-control-allow-credentials']).toBeUndefined();
}

function writeSpa(folder: string): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'index.html'),
    '<!doctype html><html><head><link rel="stylesheet" href="styles-ABCDEFGH.css"></head><body><app-root></app-root><script src="main-ABCDEFGH.js" type="module"></script></body></html>',
  );
  fs.writeFileSync(path.join(folder, 'main-ABCDEFGH.js'), 'console.log("app");');
  fs.writeFileSync(path.join(folder, 'styles-ABCDEFGH.css'), 'body{}');
  fs.writeFileSync(path.join(folder, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
}

describe('Dashboard security (the real app, in process)', () => {
  let store: string;
  let spa: string;

  beforeAll(() => {
    store = makeTempDir();
    writeSampleStore(store);
    spa = path.join(makeTempDir('gren-dashboard-spa-'), 'browser');
    writeSpa(spa);
    fs.writeFileSync(path.join(path.dirname(spa), 'canary.txt'), 'CANARY-OUTSIDE-THE-SPA');
  });

  afterAll(() => {
    removeStore(store);
    removeStore(path.dirname(spa));
  });

  describe('when started with an access token', () => {
    let api: TestApp;
    const get = (url: string) => request(api.server).get(url);

    beforeAll(async () => {
      api = await startTestApp(store, { spaDirectory: spa, access: { token: TOKEN, loopbackHostsOnly: false } });
    });

    afterAll(() => api.close());

    it.each(API_ROUTES)('should answer %s with 401 JSON and WWW-Authenticate without credentials', async (url) => {
      const response = await get(url).expect(401);
      expect(response.type).toBe('application/json');
      expect(detailOf(response)).toMatch(/^Authentication required: send the access token/);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="gren-dashboard"');
      expectSecurityHeaders(response);
    });

    it('should refuse a wrong bearer token, an empty one and other schemes as invalid_token', async () => {
      for (const header of [
        `Bearer ${TOKEN}x`,
        'Bearer ',
        `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`,
        TOKEN,
      ]) {
        const response = await get('/api/health').set('Authorization', header).expect(401);
        expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
      }
    });

    it('should answer with the bearer token', async () => {
      const response = await get('/api/health').set('Authorization', `Bearer ${TOKEN}`).expect(200);
      expect(response.body).toMatchObject({ experiments: 10 });
      await get(TRAIN).set('Authorization', `bearer ${TOKEN}`).expect(200);
    });

    it('should refuse a session cookie made for another token, or the token itself as the cookie', async () => {
      await get('/api/health')
        .set('Cookie', `gren_dashboard_session=${sessionCookieValue(`${TOKEN}-old`)}`)
        .expect(401);
      await get('/api/health').set('Cookie', `gren_dashboard_session=${TOKEN}`).expect(401);
    });

    describe('when the printed login link is opened', () => {
      it('should set an HttpOnly, SameSite=Strict session cookie and redirect to / (303)', async () => {
        const response = await get(`/login?token=${TOKEN}`).expect(303);
        expect(response.headers.location).toBe('/');
        expect(response.headers['cache-control']).toBe('no-store');
        const cookie = String(response.headers['set-cookie']);
        expect(cookie).toBe(`gren_dashboard_session=${sessionCookieValue(TOKEN)}; Path=/; HttpOnly; SameSite=Strict`);
        expect(cookie).not.toContain(TOKEN);
        expectSecurityHeaders(response);
        const session = cookie.split(';')[0] ?? '';
        await get('/api/stats').set('Cookie', session).expect(200);
        await get('/api/changes').set('Cookie', `other=1; ${session}`).expect(200);
      });

      it('should mark the cookie Secure when a proxy says the request came over https', async () => {
        const response = await get(`/login?token=${TOKEN}`).set('X-Forwarded-Proto', 'https').expect(303);
        expect(String(response.headers['set-cookie'])).toMatch(/; Secure$/);
      });

      it.each([`/login?token=${TOKEN}x`, '/login', `/login?token=${TOKEN}&token=${TOKEN}`])(
        'should set no cookie and redirect %s to the sign-in hint',
        async (url) => {
          const response = await get(url).expect(303);
          expect(response.headers.location).toBe('/?sign_in=failed');
          expect(response.headers['set-cookie']).toBeUndefined();
        },
      );
    });

    describe('when the sign-in page exchanges the token', () => {
      const post = () => request(api.server).post('/api/auth/session');

      it('should answer 204 with the session cookie', async () => {
        const response = await post().send({ token: TOKEN }).expect(204);
        expect(String(response.headers['set-cookie'])).toBe(
          `gren_dashboard_session=${sessionCookieValue(TOKEN)}; Path=/; HttpOnly; SameSite=Strict`,
        );
        expectSecurityHeaders(response);
      });

      it('should answer 401 without a cookie for a wrong token', async () => {
        const response = await post().send({ token: 'wrong-token-0123456789' }).expect(401);
        expect(response.body).toEqual({ detail: 'That access token is not the one this dashboard was started with.' });
        expect(response.headers['set-cookie']).toBeUndefined();
      });

      it.each<[string, () => request.Test, number]>([
        ['a form post (a cross-site form cannot send JSON)', () => post().type('form').send(`token=${TOKEN}`), 415],
        ['text', () => post().type('text').send(TOKEN), 415],
        ['invalid JSON', () => post().type('json').send('{"token":'), 400],
        ['JSON without a token', () => post().send({ secret: TOKEN }), 400],
        ['a body over 4 KB', () => post().send({ token: 'x'.repeat(5000) }), 413],
      ])('should refuse %s', async (_name, send, status) => {
        const response = await send().expect(status);
        detailOf(response);
        expect(response.headers['set-cookie']).toBeUndefined();
      });
    });

    describe('when the web app is requested', () => {
      it('should serve index.html to anyone, with a fresh nonce on <app-root> and in the CSP', async () => {
        const first = await get('/experiments/proj.train.Train/abc').expect(200);
        const second = await get('/').expect(200);
        const nonce = /ngCspNonce="([^"]+)"/.exec(first.text)?.[1] ?? '';
        expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
        expect(first.headers['content-security-policy']).toBe(
          `default-src 'none'; script-src 'self'; style-src 'self' 'nonce-${nonce}'; img-src 'self' data:; font-src 'self'; ` +
            "connect-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
        );
        expect(first.headers['cache-control']).toBe('no-store');
        expect(second.text).not.toContain(nonce);
        expectSecurityHeaders(first);
      });

      it('should serve its files with their types, hashed ones cached for good', async () => {
        const script = await get('/main-ABCDEFGH.js').expect(200);
        expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
        expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(script.text).toBe('console.log("app");');
        expectSecurityHeaders(script);
        const icon = await get('/favicon.ico').expect(200);
        expect(icon.headers['cache-control']).toBe('no-cache');
        await request(api.server).head('/main-ABCDEFGH.js').expect(200).expect('Content-Length', '19');
      });

      it.each(['/../canary.txt', '/%2e%2e/canary.txt', '/..%2fcanary.txt', '/..%5ccanary.txt', '/%00', '/%E0%A4%A'])(
        'should answer %s with index.html, never a file outside the build',
        async (url) => {
          const response = await get(url);
          expect([200, 400, 404]).toContain(response.status);
          expect(response.text).not.toContain('CANARY');
        },
      );
    });
  });

  describe('when started on the loopback without a token', () => {
    let api: TestApp;
    const get = (url: string) => request(api.server).get(url);

    beforeAll(async () => {
      api = await startTestApp(store, { spaDirectory: spa });
    });

    afterAll(() => api.close());

    it('should answer without credentials', async () => {
      const response = await get('/api/health').expect(200);
      expectSecurityHeaders(response);
    });

    it.each(['127.0.0.1:8000', 'localhost', 'localhost:4200', '[::1]:8000'])(
      'should answer requests to host %s',
      async (host) => {
        await get('/api/health').set('Host', host).expect(200);
      },
    );

    it.each(['evil.example', 'evil.example:8000', '127.0.0.1.nip.io:8000', '10.0.0.5:8000'])(
      'should refuse requests to host %s (DNS rebinding) with 403, page and API alike',
      async (host) => {
        for (const url of ['/api/health', '/', '/main-ABCDEFGH.js']) {
          const response = await get(url).set('Host', host).expect(403);
          expect(detailOf(response)).toMatch(/127\.0\.0\.1, localhost or \[::1\]/);
          expectSecurityHeaders(response);
        }
      },
    );

    it('should let the login link through to the dashboard', async () => {
      const response = await get('/login?token=anything').expect(303);
      expect(response.headers.location).toBe('/');
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('should serve the Swagger UI with inline styles allowed there only, and scripts still from itself', async () => {
      const docs = await get('/api/docs').expect(200);
      expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
      expect(docs.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
      expect((await get('/api/health')).headers['content-security-policy']).not.toContain('unsafe-inline');
    });
  });

  describe('when a request is not a read', () => {
    let api: TestApp;

    beforeAll(async () => {
      api = await startTestApp(store, { spaDirectory: spa });
    });

    afterAll(() => api.close());

    it.each(['post', 'put', 'patch', 'delete', 'options'] as const)(
      'should answer %s with 405 and Allow: GET, HEAD',
      async (method) => {
        for (const url of ['/api/experiments', TRAIN, '/', '/api/nope']) {
          const response = await request(api.server)[method](url).set('Origin', 'https://evil.example').expect(405);
          expect(response.headers.allow).toBe('GET, HEAD');
          expectSecurityHeaders(response);
        }
      },
    );

    it('should answer a CORS preflight with 405 and no Access-Control headers (CORS is off)', async () => {
      const response = await request(api.server)
        .options('/api/experiments')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET')
        .expect(405);
      expect(Object.keys(response.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });

    it('should refuse a GET with a body (413)', async () => {
      const response = await request(api.server)
        .get('/api/health')
        .set('Content-Type', 'application/json')
        .send('{"a":1}')
        .expect(413);
      expect(response.body).toEqual({ detail: 'Request bodies are not accepted.' });
    });

    it('should refuse URLs over 8 KB (414) and accept one just under', async () => {
      const base = '/api/experiments?namespace=';
      await request(api.server)
        .get(base + 'a'.repeat(MAX_URL_LENGTH - base.length))
        .expect(200);
      const response = await request(api.server)
        .get(base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1))
        .expect(414);
      expect(response.body).toEqual({ detail: `The URL is too long (at most ${MAX_URL_LENGTH} characters).` });
    });

    it('should refuse more than 100 query parameters (400)', async () => {
      const query = (count: number): string => Array.from({ length: count }, () => 'config_filter=').join('&');
      await request(api.server)
        .get(`/api/experiments?${query(MAX_QUERY_PARAMETERS)}`)
        .expect(200);
      const response = await request(api.server)
        .get(`/api/experiments?${query(MAX_QUERY_PARAMETERS + 1)}`)
        .expect(400);
      expect(response.body).toEqual({ detail: 'Too many query parameters (at most 100).' });
    });
  });

  describe('when reading the store fails unexpectedly', () => {
    let api: TestApp;
    let socket: net.Server;

    beforeAll(async () => {
      // A Unix socket where the log should be: opening it fails with ENXIO, a real 500.
      const log = path.join(store, 'data', 'proj', 'train', 'Train', SAMPLE.trainFailed, '.gren', 'gren.log');
      fs.rmSync(log, { force: true });
      socket = net.createServer();
      await new Promise<void>((resolve) => socket.listen(log, resolve));
      api = await startTestApp(store);
    });

    afterAll(async () => {
      await api.close();
      await new Promise<void>((resolve) => socket.close(() => resolve()));
    });

    it('should answer 500 with a bare message: no stack, no path, no error text', async () => {
      const response = await request(api.server)
        .get(`/api/experiments/proj.train.Train/${SAMPLE.trainFailed}/logs`)
        .expect(500);
      expect(response.body).toEqual({ detail: 'Internal server error' });
      expect(response.text).not.toMatch(/ENXIO|gren\.log|\bat \w|\/tmp\//);
      expectSecurityHeaders(response);
    });
  });
});
