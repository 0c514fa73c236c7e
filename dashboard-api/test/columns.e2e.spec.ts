import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import type { ExperimentList } from '../src/contract/api-types';
import type { ExperimentRow, FieldCatalog, PlotData } from '../src/contract/columns-types';
import { RESULT_FILE_MAX_BYTES } from '../src/columns/result-file';
import { buildMetadata } from '../src/testing/metadata-builder';
import { buildState } from '../src/testing/state-builder';
import { artifactDirectory, writeArtifact } from '../src/testing/write-artifact';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

const TRAIN = 'proj.sweep.Train';
const at = (hour: number): Date => new Date(Date.UTC(2026, 11, 7, hour));

interface Point {
  hash: string;
  lr: number;
  steps: number;
  name: string;
  metrics?: Record<string, unknown> | string;
  result?: 'success' | 'failed';
}

/** Five trainings of a sweep (lr × steps), newest last; four wrote a metrics.json. */
const POINTS: Point[] = [
  { hash: 'a0000000000000000000', lr: 0.1, steps: 1000, name: 'toy', metrics: { loss: 0.5, acc: 0.7, note: 'ok' } },
  {
    hash: 'a1111111111111111111',
    lr: 0.01,
    steps: 5000,
    name: 'toy',
    metrics: { loss: 0.2, acc: 0.9, nested: { x: 1 } },
  },
  { hash: 'a2222222222222222222', lr: 0.001, steps: 4000, name: 'mnist', metrics: { loss: 0.3, acc: 0.8 } },
  { hash: 'a3333333333333333333', lr: 0.001, steps: 8000, name: 'mnist', metrics: { loss: 0.9 }, result: 'failed' },
  { hash: 'a4444444444444444444', lr: 0.0001, steps: 2000, name: 'toy' },
];

function writeStore(base: string): void {
  POINTS.forEach((point, position) => {
    const directory = artifactDirectory(base, 'data', TRAIN, point.hash);
    const grenObj = { __class__: TRAIN, lr: point.lr, steps: point.steps, data: { name: point.name } };
    writeArtifact(base, {
      namespace: TRAIN,
      hash: point.hash,
      state: buildState({
        result: point.result ?? 'success',
        updatedAt: at(position + 1),
        attempt: { status: point.result ?? 'success', startedAt: at(position + 1) },
      }),
      metadata: buildMetadata({ namespace: TRAIN, hash: point.hash, directory, grenObj, timestamp: at(position) }),
    });
    if (point.metrics !== undefined) {
      const text = typeof point.metrics === 'string' ? point.metrics : JSON.stringify(point.metrics);
      fs.writeFileSync(path.join(directory, 'metrics.json'), text);
    }
  });
}

describe('columns, sorting, plots and export (GET /api/experiments?columns, /api/fields, /api/plot, /api/export)', () => {
  let store: string;
  let api: TestApp;
  const list = async (query: Record<string, unknown>): Promise<ExperimentRow[]> =>
    ((await request(api.server).get('/api/experiments').query(query).expect(200)).body as ExperimentList).experiments;
  const refused = async (route: string, query: Record<string, unknown>): Promise<string> => {
    const response = await request(api.server).get(route).query(query);
    expect(response.status).toBe(422);
    return (response.body as { detail: string }).detail;
  };

  beforeAll(async () => {
    store = makeTempDir();
    writeStore(store);
    api = await startTestApp(store, { watch: false });
  });

  afterAll(async () => {
    await api?.close();
    removeStore(store);
  });

  describe('when columns are asked for', () => {
    it('should add config and result values to each row, null where missing', async () => {
      const rows = await list({ columns: 'config.lr,config.data.name,result.loss' });
      const byHash = Object.fromEntries(rows.map((row) => [row.gren_hash, row.columns]));
      expect(byHash['a1111111111111111111']).toEqual({
        'config.lr': 0.01,
        'config.data.name': 'toy',
        'result.loss': 0.2,
      });
      expect(byHash['a4444444444444444444']).toEqual({
        'config.lr': 0.0001,
        'config.data.name': 'toy',
        'result.loss': null,
      });
    });

    it('should keep only top-level scalars of the result file', async () => {
      const rows = await list({ columns: ['result.nested', 'result.note'], namespace: TRAIN });
      const second = rows.find((row) => row.gren_hash === 'a1111111111111111111');
      expect(second?.columns).toEqual({ 'result.nested': null, 'result.note': null });
      expect(rows.find((row) => row.gren_hash === 'a0000000000000000000')?.columns?.['result.note']).toBe('ok');
    });
  });

  describe('when sorting by a column', () => {
    it('should sort by a result ascending and descending, missing values last either way', async () => {
      const ascending = await list({ sort: 'result.loss' });
      expect(ascending.map((row) => row.gren_hash[1])).toEqual(['1', '2', '0', '3', '4']);
      const descending = await list({ sort: '-result.loss' });
      expect(descending.map((row) => row.gren_hash[1])).toEqual(['3', '0', '2', '1', '4']);
    });

    it('should sort by a config field, ties in list order, and page after sorting', async () => {
      const rows = await list({ sort: 'config.lr', columns: 'config.lr' });
      expect(rows.map((row) => row.columns?.['config.lr'])).toEqual([0.0001, 0.001, 0.001, 0.01, 0.1]);
      // Ties keep the list order: the more recently updated first.
      expect(rows[1]?.gren_hash).toBe('a3333333333333333333');
      const page = await list({ sort: '-config.steps', limit: 2, offset: 1 });
      expect(page.map((row) => row.gren_hash[1])).toEqual(['1', '2']);
    });

    it('should sort by a list field too', async () => {
      const rows = await list({ sort: 'result_status' });
      expect(rows.at(-1)?.gren_hash).toBe('a0000000000000000000');
      expect(rows[0]?.result_status).toBe('failed');
    });
  });

  describe('when filtering with comparisons', () => {
    it.each([
      [['config_filter=lr>=0.001'], ['3', '2', '1', '0']],
      [['config_filter=steps<5000'], ['4', '2', '0']],
      [['config_filter=data.name!=toy'], ['3', '2']],
      [['config_filter=lr>=0.001', 'config_filter=steps<5000', 'config_filter=data.name!=toy'], ['2']],
    ])('%j → %j', async (filters, expected) => {
      const response = await request(api.server)
        .get(`/api/experiments?${filters.join('&')}`)
        .expect(200);
      expect((response.body as ExperimentList).experiments.map((row) => row.gren_hash[1])).toEqual(expected);
    });

    it('should refuse an ordering with a value that is not a number', async () => {
      expect(await refused('/api/experiments', { config_filter: 'lr>=fast' })).toMatch(
        /Invalid config_filter: "lr>=fast" compares with "fast", which is not a number/,
      );
    });
  });

  describe('when listing the fields', () => {
    it('should offer config paths and result keys with kinds and known values', async () => {
      const catalog = (await request(api.server).get('/api/fields').query({ namespace: 'proj' }).expect(200))
        .body as FieldCatalog;
      const field = (column: string) => catalog.fields.find((info) => info.column === column);
      expect(catalog.fields.map((info) => info.column)).toEqual([
        'config.data.name',
        'config.lr',
        'config.steps',
        'result.acc',
        'result.loss',
        'result.note',
      ]);
      expect(field('config.lr')).toMatchObject({
        source: 'config',
        kind: 'number',
        count: 5,
        distinct: 4,
        classes: [TRAIN],
      });
      expect(field('config.lr')?.values[0]).toBe('0.001');
      expect(field('config.data.name')?.values).toEqual(['toy', 'mnist']);
      expect(field('result.loss')).toMatchObject({ source: 'result', kind: 'number', count: 4 });
    });

    it('should list nothing under a prefix without classes', async () => {
      const catalog = (await request(api.server).get('/api/fields').query({ namespace: 'nothing' }).expect(200))
        .body as FieldCatalog;
      expect(catalog.fields).toEqual([]);
    });
  });

  describe('when asking for plot data', () => {
    it('should give the filtered experiments having every column, with a colour column', async () => {
      const plot = (
        await request(api.server)
          .get('/api/plot')
          .query({ columns: 'config.lr,result.loss', color: 'config.steps', result_status: 'success' })
          .expect(200)
      ).body as PlotData;
      expect(plot).toMatchObject({
        columns: ['config.lr', 'result.loss'],
        color: 'config.steps',
        total: 4,
        complete: 3,
      });
      expect(plot.truncated).toBe(false);
      expect(plot.points.map((point) => [point.gren_hash[1], point.values, point.color, point.result_status])).toEqual([
        ['2', [0.001, 0.3], 4000, 'success'],
        ['1', [0.01, 0.2], 5000, 'success'],
        ['0', [0.1, 0.5], 1000, 'success'],
      ]);
    });

    it('should cap the points and say so', async () => {
      const plot = (
        await request(api.server).get('/api/plot').query({ columns: 'config.lr', max_points: 2 }).expect(200)
      ).body as PlotData;
      expect(plot.points).toHaveLength(2);
      expect(plot).toMatchObject({ complete: 5, truncated: true });
    });
  });

  describe('when exporting', () => {
    it('should download CSV with the list fields and the columns, sorted', async () => {
      const response = await request(api.server)
        .get('/api/export')
        .query({ format: 'csv', columns: 'config.lr,result.loss', sort: 'result.loss', result_status: 'success' })
        .expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="experiments.csv"');
      const lines = response.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'namespace,gren_hash,class_name,result_status,attempt_status,updated_at,started_at,backend,hostname,user,config.lr,result.loss',
      );
      expect(lines.slice(1).map((line) => line.split(',').slice(1, 2)[0])).toEqual([
        'a1111111111111111111',
        'a2222222222222222222',
        'a0000000000000000000',
        'a4444444444444444444',
      ]);
      expect(lines[4]?.endsWith(',0.0001,')).toBe(true);
    });

    it('should download JSON as an array of flat objects', async () => {
      const response = await request(api.server)
        .get('/api/export')
        .query({ format: 'json', columns: 'config.data.name', config_filter: 'steps>4000' })
        .expect(200);
      expect(response.headers['content-disposition']).toBe('attachment; filename="experiments.json"');
      const rows = JSON.parse(response.text) as Record<string, unknown>[];
      expect(rows.map((row) => [row['gren_hash'], row['config.data.name'], row['class_name']])).toEqual([
        ['a3333333333333333333', 'mnist', 'Train'],
        ['a1111111111111111111', 'toy', 'Train'],
      ]);
    });
  });

  describe('when reading the OpenAPI document', () => {
    it('should describe the new routes and their answers', async () => {
      const document = (await request(api.server).get('/api/docs-json').expect(200)).body as {
        paths: Record<string, unknown>;
        components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
      };
      expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/fields', '/api/plot', '/api/export']));
      expect(Object.keys(document.components.schemas['PlotDataModel']?.properties ?? {})).toEqual(
        expect.arrayContaining(['columns', 'points', 'truncated']),
      );
    });
  });

  describe('when the input is hostile', () => {
    it.each([
      ['/api/experiments', { columns: 'secrets' }, /Invalid columns: "secrets" is not a column; write config/],
      ['/api/experiments', { columns: 'config..x' }, /Invalid columns: "config..x" has an empty part/],
      [
        '/api/experiments',
        { columns: Array.from({ length: 21 }, (_, i) => `config.f${i}`).join(',') },
        /21 columns; ask for at most 20/,
      ],
      [
        '/api/experiments',
        { columns: `config.${'x'.repeat(300)}` },
        /Invalid columns: a column name has 1 to 256 characters/,
      ],
      ['/api/experiments', { sort: '-../../etc/passwd' }, /Invalid sort: "..\/..\/etc\/passwd" is not a column/],
      ['/api/plot', {}, /Invalid columns: name 1 to 8 columns to plot \(got 0\)/],
      ['/api/plot', { columns: 'config.lr', max_points: 60000 }, /max_points must be at most 50000/],
      ['/api/plot', { columns: 'config.lr', color: 'nope' }, /Invalid color: "nope" is not a column/],
      ['/api/export', { format: 'xlsx' }, /format must be one of csv, json/],
    ])('%s %j → 422', async (route, query, message) => {
      expect(await refused(route, query)).toMatch(message);
    });

    it('should refuse a sort given twice', async () => {
      const response = await request(api.server).get('/api/experiments?sort=config.lr&sort=result.loss');
      expect(response.status).toBe(422);
      expect((response.body as { detail: string }).detail).toMatch(/sort/);
    });
  });
});

describe('result files that must not be read', () => {
  let store: string;
  let api: TestApp;
  const loss = async (hash: string): Promise<unknown> => {
    const rows = (
      (await request(api.server).get('/api/experiments').query({ columns: 'result.loss' }).expect(200))
        .body as ExperimentList
    ).experiments as ExperimentRow[];
    return rows.find((row) => row.gren_hash === hash)?.columns?.['result.loss'];
  };

  beforeAll(async () => {
    store = makeTempDir();
    const write = (hash: string, metrics: (file: string) => void): void => {
      writeArtifact(store, {
        namespace: TRAIN,
        hash,
        state: buildState({ result: 'success', updatedAt: at(1), attempt: { status: 'success', startedAt: at(1) } }),
      });
      metrics(path.join(artifactDirectory(store, 'data', TRAIN, hash), 'metrics.json'));
    };
    const outside = path.join(store, 'outside.json');
    fs.writeFileSync(outside, JSON.stringify({ loss: 42 }));
    write('b0000000000000000000', (file) => fs.symlinkSync(outside, file));
    write('b1111111111111111111', (file) =>
      fs.writeFileSync(file, JSON.stringify({ loss: 1, pad: 'x'.repeat(RESULT_FILE_MAX_BYTES) })),
    );
    write('b2222222222222222222', (file) => fs.writeFileSync(file, Buffer.from([0xff, 0x00, 0x7b, 0x22])));
    write('b3333333333333333333', (file) => fs.writeFileSync(file, '[1, 2, 3]'));
    write('b4444444444444444444', (file) => fs.mkdirSync(file));
    write('b5555555555555555555', (file) => fs.writeFileSync(file, '{"loss": 0.25}'));
    api = await startTestApp(store, { watch: false });
  });

  afterAll(async () => {
    await api?.close();
    removeStore(store);
  });

  it.each([
    ['a symlink (to a file outside the artifact)', 'b0000000000000000000'],
    ['larger than the cap', 'b1111111111111111111'],
    ['binary', 'b2222222222222222222'],
    ['a JSON array', 'b3333333333333333333'],
    ['a folder', 'b4444444444444444444'],
  ])('should give no value when the file is %s', async (_, hash) => {
    expect(await loss(hash)).toBeNull();
  });

  it('should read a plain one', async () => {
    expect(await loss('b5555555555555555555')).toBe(0.25);
  });
});
