import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { configHash, parseStoredJson } from 'gren-ts/store';
import type { ExperimentList, ExperimentLog, ExperimentRelationships } from '../src/contract/api-types';
import { buildState } from '../src/testing/state-builder';
import { artifactDirectory, writeArtifact } from '../src/testing/write-artifact';
import { makeTempDir, removeStore } from './support/temp-store';
import { startTestApp, type TestApp } from './support/test-app';

const ROOT = path.resolve(__dirname, '..', '..');
const GREN_BIN = path.join(ROOT, 'lib', 'dist', 'bin', 'gren.js');
const TAIL = 3;
const OVER_CAP_BYTES = 17 * 1024 * 1024;

/** Stored configs as the Python gren writes them: `1.0` is a float, `1` an integer. */
const CONFIGS = {
  leafInt: '{"__class__": "p.Leaf", "x": 1}',
  leafFloat: '{"__class__": "p.Leaf", "x": 1.0}',
  topFloat:
    '{"__class__": "p.Top", "leaf": {"__class__": "p.Leaf", "x": 1.0}, "opts": {"__class__": "p.Opts", "k": 2}}',
  topInt: '{"__class__": "p.Top", "leaf": {"__class__": "p.Leaf", "x": 1}, "opts": {"__class__": "p.Opts", "k": 3}}',
};

function hashOfConfig(text: string): string {
  const hash = configHash(parseStoredJson(text) as Record<string, unknown>);
  if (hash === undefined) throw new Error(`no hash for ${text}`);
  return hash;
}

interface Row {
  namespace: string;
  hash: string;
  result: string;
  attempt: string | null;
}

interface Link {
  field: string;
  className: string;
  hash: string | null;
  result: string | null;
}

interface CliListing {
  artifacts: { namespace: string; gren_hash: string; result_status: string; attempt_status: string | null }[];
}

interface CliShow {
  dependencies: {
    field: string;
    namespace: string;
    gren_hash: string;
    directory: string | null;
    result_status: string | null;
  }[];
  dependents: { field: string; namespace: string; gren_hash: string; result_status: string }[];
  log_tail: string[];
}

/** The `gren` command as a real child process; its `--json` output parsed. */
function gren<T>(store: string, args: string[]): T {
  const run = spawnSync(process.execPath, [GREN_BIN, '--root', store, ...args, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, GREN_LOG_LEVEL: 'ERROR' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`gren ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

const byKey = <T extends { field?: string; hash: string | null }>(a: T, b: T): number =>
  `${a.field ?? ''}/${a.hash ?? ''}`.localeCompare(`${b.field ?? ''}/${b.hash ?? ''}`);

/**
 * The store model seen through its two front ends: the `gren` CLI (`ls`, `show --json`) and
 * the dashboard API over HTTP agree on one store holding every case where they used to differ.
 */
describe('The CLI and the dashboard API on one store', () => {
  let store: string;
  let outside: string;
  let api: TestApp;
  const leafInt = hashOfConfig(CONFIGS.leafInt);
  const leafFloat = hashOfConfig(CONFIGS.leafFloat);
  const topFloat = hashOfConfig(CONFIGS.topFloat);
  const topInt = hashOfConfig(CONFIGS.topInt);
  const when = new Date(Date.UTC(2026, 4, 1));

  beforeAll(async () => {
    // The CLI runs compiled, as users run it (incremental: a no-op when nothing changed).
    execFileSync(process.execPath, [
      path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      path.join(ROOT, 'lib', 'tsconfig.build.json'),
    ]);
    store = makeTempDir('gren-parity-');
    outside = makeTempDir('gren-parity-outside-');
    const write = (namespace: string, hash: string, config: string, result: 'success' | 'failed', log?: string) =>
      writeArtifact(store, {
        namespace,
        hash,
        state: buildState({ result, updatedAt: when, attempt: { status: result, startedAt: when } }),
        metadata: `{"gren_obj": ${config}}`,
        ...(log === undefined ? {} : { log }),
      });
    write('p.Leaf', leafInt, CONFIGS.leafInt, 'success', 'leaf int\n');
    const floatLeaf = write('p.Leaf', leafFloat, CONFIGS.leafFloat, 'failed');
    write('p.Top', topFloat, CONFIGS.topFloat, 'success', `${'A'.repeat(OVER_CAP_BYTES)}\nafter the long line\n`);
    write('p.Top', topInt, CONFIGS.topInt, 'success', 'one\ntwo\nthree\nfour\n');
    // A log that is a symbolic link to a file outside the store reads as no log.
    fs.writeFileSync(path.join(outside, 'secret.log'), 'not a log of the store\n');
    fs.symlinkSync(path.join(outside, 'secret.log'), path.join(floatLeaf, '.gren', 'gren.log'));
    // Leftovers (gc's business only): a hash-named folder, and a .gren/ without state.json.
    fs.mkdirSync(artifactDirectory(store, 'data', 'p.Leaf', 'ab'.repeat(10)), { recursive: true });
    fs.mkdirSync(path.join(artifactDirectory(store, 'data', 'p.Top', 'cd'.repeat(10)), '.gren'), { recursive: true });
    // A folder right under a root: it has no namespace, so it is no artifact.
    writeArtifact(store, { namespace: '', hash: 'Stray', state: buildState({ result: 'success', updatedAt: when }) });
    api = await startTestApp(store, { watch: false });
  });

  afterAll(async () => {
    await api?.close();
    removeStore(store);
    removeStore(outside);
  });

  const get = async <T>(url: string): Promise<T> => (await request(api.server).get(url).expect(200)).body as T;

  it('should list the same artifacts with the same statuses, leftovers and the folder under the root left out', async () => {
    const cli: Row[] = gren<CliListing>(store, ['ls']).artifacts.map((row) => ({
      namespace: row.namespace,
      hash: row.gren_hash,
      result: row.result_status,
      attempt: row.attempt_status,
    }));
    const viaApi: Row[] = (await get<ExperimentList>('/api/experiments?limit=1000')).experiments.map((row) => ({
      namespace: row.namespace,
      hash: row.gren_hash,
      result: row.result_status,
      attempt: row.attempt_status,
    }));

    const expected: Row[] = [
      { namespace: 'p.Leaf', hash: leafFloat, result: 'failed', attempt: 'failed' },
      { namespace: 'p.Leaf', hash: leafInt, result: 'success', attempt: 'success' },
      { namespace: 'p.Top', hash: topFloat, result: 'success', attempt: 'success' },
      { namespace: 'p.Top', hash: topInt, result: 'success', attempt: 'success' },
    ].sort(byKey);
    expect(cli.sort(byKey)).toEqual(expected);
    expect(viaApi.sort(byKey)).toEqual(expected);
  });

  it.each([
    ['the top with 1.0', 'p.Top', () => topFloat],
    ['the top with 1', 'p.Top', () => topInt],
    ['the leaf with 1.0', 'p.Leaf', () => leafFloat],
    ['the leaf with 1', 'p.Leaf', () => leafInt],
  ])('should give %s the same parents and children', async (_name, namespace, hashOf) => {
    const hash = hashOf();
    const shown = gren<CliShow>(store, ['show', `${namespace}/${hash}`, '--tail', String(TAIL)]);
    const relations = await get<ExperimentRelationships>(`/api/experiments/${namespace}/${hash}/relationships`);

    const cliParents: Link[] = shown.dependencies.map((parent) => ({
      field: parent.field,
      className: parent.namespace,
      hash: parent.directory === null ? null : parent.gren_hash,
      result: parent.result_status,
    }));
    const apiParents: Link[] = relations.parents.map((parent) => ({
      field: parent.field_name,
      className: parent.full_class_name,
      hash: parent.gren_hash,
      result: parent.result_status,
    }));
    const cliChildren: Link[] = shown.dependents.map((child) => ({
      field: child.field,
      className: child.namespace,
      hash: child.gren_hash,
      result: child.result_status,
    }));
    const apiChildren: Link[] = relations.children.map((child) => ({
      field: child.field_name,
      className: child.full_class_name,
      hash: child.gren_hash,
      result: child.result_status,
    }));
    expect(cliParents.sort(byKey)).toEqual(apiParents.sort(byKey));
    expect(cliChildren.sort(byKey)).toEqual(apiChildren.sort(byKey));
  });

  it('should match a nested config to the artifact with the same hash: 1.0 to 1.0, 1 to 1, a plain nested config to none', async () => {
    const parents = (await get<ExperimentRelationships>(`/api/experiments/p.Top/${topFloat}/relationships`)).parents;
    const children = (await get<ExperimentRelationships>(`/api/experiments/p.Leaf/${leafInt}/relationships`)).children;

    expect(parents.map((parent) => [parent.field_name, parent.gren_hash])).toEqual([
      ['leaf', leafFloat],
      ['opts', null],
    ]);
    expect(children.map((child) => child.gren_hash)).toEqual([topInt]);
  });

  it.each([
    ['a symbolic link', 'p.Leaf', () => leafFloat, []],
    ['a log over the 16 MiB cap', 'p.Top', () => topFloat, ['after the long line']],
    ['a short log', 'p.Top', () => topInt, ['two', 'three', 'four']],
  ])('should give the same log tail of %s', async (_name, namespace, hashOf, lines) => {
    const hash = hashOf();
    const shown = gren<CliShow>(store, ['show', `${namespace}/${hash}`, '--tail', String(TAIL)]);
    const log = await get<ExperimentLog>(`/api/experiments/${namespace}/${hash}/logs?tail=${TAIL}`);

    expect(shown.log_tail).toEqual(lines);
    expect(log.lines).toEqual(lines);
  });
});
