import * as fs from 'node:fs';
import * as path from 'node:path';
import { readEvents } from 'gren-ts';
import { CHILDREN_DIR, runChild } from '../../support/child-process';
import { useTempStore } from '../../support/temp-store';
import { spawnGren, treeDigest } from '../cli/cli-harness';

jest.setTimeout(120_000);

interface Loaded {
  value: string;
  dir: string;
  hash: string;
}

interface MigrateItem {
  class_name: string;
  status: string;
  from: { hash: string };
  to: { hash: string } | null;
  steps: string[];
  changes: { kind: string; field: string; to?: string }[];
}

const V2_MODULE = path.join(CHILDREN_DIR, 'migration-v2.js');

const TRAIN_STEPS = [
  "Train: addedField('seed', 0)",
  "Train: renamedField('lr', 'learningRate')",
  "Train: removedField('debug', false)",
];

/**
 * An Ensemble nests Trains in an array (`models`) and in an object (`byName`). Version 1 of
 * the code (children/migration-v1.ts) stores it; version 2 (migration-v2.ts) changed Train,
 * so every stored Ensemble has a new identity. Each version runs in its own process.
 */
describe('configs nested in arrays and objects, after their class changed with declared migrations', () => {
  const store = useTempStore('gren-nested-migrations-');
  const callsFile = (): string => path.join(store(), 'calls.txt');
  const calls = (): string[] =>
    fs.existsSync(callsFile()) ? fs.readFileSync(callsFile(), 'utf8').trim().split('\n') : [];

  async function load(version: 'v1' | 'v2'): Promise<Loaded> {
    const result = await runChild('migration-client.js', [version, 'Ensemble'], {
      GREN_PATH: store(),
      SPEC_CALLS_FILE: callsFile(),
    });
    if (result.code !== 0) throw new Error(`child failed (${result.code}): ${result.stderr}`);
    return JSON.parse(result.stdout.trim()) as Loaded;
  }

  async function gren(...args: string[]): Promise<unknown> {
    const run = await spawnGren([...args, '--root', store(), '--json'], { env: { SPEC_CALLS_FILE: callsFile() } });
    if (run.code !== 0) throw new Error(`gren ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    return JSON.parse(run.stdout) as unknown;
  }

  const events = (dir: string): Record<string, unknown>[] => readEvents(path.join(dir, '.gren', 'events.jsonl'));

  it('should have loadOrCreate reuse the v1 result, with every nested train mapped', async () => {
    const v1 = await load('v1');
    const v2 = await load('v2');

    expect(v2.value).toBe(v1.value);
    expect(v2.hash).not.toBe(v1.hash);
    expect(calls()).toEqual(['v1 Ensemble 2']);
    const ownDir = path.join(path.dirname(v1.dir), v2.hash);
    expect(events(ownDir).map((event) => event.type)).toEqual(['attempt_started', 'result_reused', 'attempt_finished']);
    expect(events(ownDir).find((event) => event.type === 'result_reused')).toMatchObject({
      from_namespace: 'spec.migration.Ensemble',
      from_hash: v1.hash,
      steps: TRAIN_STEPS,
    });
  });

  it('should have gren migrate --dry-run list the stored ensemble with the paths of the trains that changed, and change nothing', async () => {
    const v1 = await load('v1');
    const before = treeDigest(store());

    const plan = (await gren('migrate', V2_MODULE, '--dry-run')) as { items: MigrateItem[] };

    expect(treeDigest(store())).toBe(before);
    expect(plan.items).toHaveLength(1);
    const item = plan.items[0] as MigrateItem;
    expect(item).toMatchObject({
      class_name: 'Ensemble',
      status: 'planned',
      from: { hash: v1.hash },
      steps: TRAIN_STEPS,
    });
    expect(item.changes).toEqual(
      expect.arrayContaining([
        { kind: 'renamed', field: 'models[0].lr', to: 'models[0].learningRate' },
        { kind: 'renamed', field: 'models[1].lr', to: 'models[1].learningRate' },
        { kind: 'extra', field: 'models[1].debug', value: false },
        { kind: 'missing', field: 'byName.small.seed' },
      ]),
    );

    const v2 = await load('v2');
    expect(v2.hash).toBe(item.to?.hash);
  });

  it('should have gren migrate link it, so that v2 loads it without computing', async () => {
    const v1 = await load('v1');
    const applied = (await gren('migrate', V2_MODULE)) as { items: MigrateItem[] };
    expect(applied.items.map((item) => item.status)).toEqual(['linked']);

    const v2 = await load('v2');

    expect(v2.value).toBe(v1.value);
    expect(calls()).toEqual(['v1 Ensemble 2']);
  });

  it('should have gren ls --module --stale show it with the paths of the trains that changed', async () => {
    await load('v1');
    const listed = (await gren('ls', '--module', V2_MODULE, '--stale')) as {
      artifacts: { stale: { changes: { field: string }[]; mapping: { steps: string[] } | null } }[];
    };
    expect(listed.artifacts).toHaveLength(1);
    const stale = listed.artifacts[0]?.stale;
    expect(stale?.mapping?.steps).toEqual(TRAIN_STEPS);
    expect(stale?.changes.map((change) => change.field)).toEqual(
      expect.arrayContaining(['models[0].seed', 'byName.small.lr']),
    );
  });
});
