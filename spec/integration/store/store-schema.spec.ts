import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArtifactPaths, Field, GREN_CONFIG, Gren, GrenComputeError, GrenObject, MISSING, setGrenRoot } from 'gren-ts';
import { systemClock } from '../../../lib/src/runtime/clock';
import { isoMicros } from '../../../lib/src/storage/iso-time';
import { reconcile } from '../../../lib/src/storage/reconcile';
import { StateStore } from '../../../lib/src/storage/state-store';
import { removeSuccessMarker } from '../../../lib/src/storage/success-marker';
import { invalidate, startAttempt } from '../../../lib/src/storage/transitions';
import { eventually, finished, startChild } from '../../support/child-process';
import { listArtifacts, PYTHON_STORE } from '../../support/fixtures';
import {
  checkStoreFiles,
  REFERENCE_METADATA_KEYS,
  TYPESCRIPT_METADATA_KEYS,
  type StoreCheck,
} from '../../schemas/store-file-checks';
import { SlowSquare } from '../children/pipelines';

jest.setTimeout(60_000);

abstract class Text<Self> extends GrenObject<string, Self> {
  protected _create(): string | Promise<string> {
    fs.writeFileSync(path.join(this.grenDir, 'out.txt'), 'x');
    return 'x';
  }

  protected _load(): string {
    return 'x';
  }
}

@Gren({ namespace: 'spec.schema.Leaf' })
class Leaf extends Text<Leaf> {
  @Field() name: string = MISSING;
}

@Gren({ namespace: 'spec.schema.Middle' })
class Middle extends Text<Middle> {
  @Field(() => Leaf) leaf: Leaf = new Leaf({ name: 'chain' });
  @Field() stages: Leaf[] = [new Leaf({ name: 'stage 0' })];

  protected override async _create(): Promise<string> {
    await this.leaf.loadOrCreate();
    for (const stage of this.stages) await stage.loadOrCreate();
    return super._create();
  }
}

@Gren({ namespace: 'spec.schema.Top' })
class Top extends Text<Top> {
  @Field(() => Middle) middle: Middle = new Middle();
  @Field() label: string = 'top \u2713 \u00e9';

  protected override async _create(): Promise<string> {
    await this.middle.loadOrCreate();
    return super._create();
  }
}

@Gren({ namespace: 'spec.schema.Versioned', versionControlled: true })
class Versioned extends Text<Versioned> {
  @Field() note: string = 'kept in git/';
}

@Gren({ namespace: 'spec.schema.Failing' })
class Failing extends Text<Failing> {
  @Field() reason: string = 'boom';

  protected override _create(): string {
    throw new RangeError(`${this.reason} \u00e9\u2713 "quoted"`);
  }
}

let neverValidCalls = 0;

@Gren({ namespace: 'spec.schema.NeverValid' })
class NeverValid extends Text<NeverValid> {
  @Field() tag: string = 'invalid';

  protected override _validate(): boolean {
    neverValidCalls += 1;
    return false;
  }
}

function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a SlowSquare child that blocks in _create, and resolves once it is inside. */
async function childInsideCreate(store: string, x: number): Promise<ReturnType<typeof startChild>> {
  const started = path.join(store, `started-${x}`);
  const child = startChild('store-client.js', [String(x), '60000'], {
    GREN_PATH: store,
    GREN_IGNORE_DIFF: '1',
    SPEC_STARTED_FILE: started,
  });
  await eventually(() => fs.existsSync(started), 15_000, `child ${x} to start _create`);
  return child;
}

/** Every key path of a JSON value, in document order (`attempt.owner.pid`). */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => [
    `${prefix}${key}`,
    ...(key === 'scheduler' ? [] : keyPaths(item, `${prefix}${key}.`)),
  ]);
}

describe('a store written by the TypeScript gren', () => {
  let store: string;
  let saved: typeof GREN_CONFIG;
  let check: StoreCheck;
  const states = new StateStore(systemClock);

  beforeAll(async () => {
    saved = { ...GREN_CONFIG };
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-schema-store-'));
    setGrenRoot(store);
    Object.assign(GREN_CONFIG, { ignoreDiff: true, logLevel: 'ERROR', pollIntervalSecs: 0.2 });

    // Successes: a three-level dependency chain, and a version-controlled class.
    await new Top().loadOrCreate();
    await new Versioned().loadOrCreate();
    // A failure whose message needs escaping.
    await expect(new Failing().loadOrCreate()).rejects.toThrow(GrenComputeError);
    // A success that is invalidated and recomputed on every load.
    await new NeverValid().loadOrCreate();
    await new NeverValid().loadOrCreate();
    // Preempted: SIGTERM during _create in another process.
    const preempted = await childInsideCreate(store, 21);
    preempted.kill('SIGTERM');
    expect((await finished(preempted)).code).toBe(143);
    // Crashed: SIGKILL during _create, then reconciled here (dead pid on this host).
    const killed = await childInsideCreate(store, 22);
    const killedDone = finished(killed);
    killed.kill('SIGKILL');
    await killedDone;
    const crashedPaths = new ArtifactPaths(new SlowSquare({ x: 22 }).grenDir);
    await states.update(crashedPaths, (state, now) =>
      reconcile(state, {
        now,
        hostname: os.hostname(),
        successMarkerAttempt: undefined,
        isPidAlive,
        probe: undefined,
        staleAfterSec: 1800,
      }),
    );
    // Queued on a scheduler, with an owner carrying every environment field.
    const queuedPaths = new ArtifactPaths(new Leaf({ name: 'queued' }).grenDir);
    await states.update(queuedPaths, (state, now) =>
      startAttempt(
        state,
        {
          id: 'c'.repeat(32),
          status: 'queued',
          backend: 'slurm',
          leaseSec: 120,
          owner: {
            pid: process.pid,
            host: os.hostname(),
            hostname: os.hostname(),
            user: 'root',
            command: 'submit.js',
            timestamp: isoMicros(now),
            python_version: `Node.js ${process.version}`,
            executable: process.execPath,
            platform: os.platform(),
          },
          scheduler: { job_id: '17' },
        },
        now,
      ),
    );
    // A success dropped by hand (result absent).
    const dropped = new Leaf({ name: 'dropped' });
    await dropped.loadOrCreate();
    const droppedPaths = new ArtifactPaths(dropped.grenDir);
    removeSuccessMarker(droppedPaths);
    await states.update(droppedPaths, (state, now) => invalidate(state, 'dropped by the spec', now));

    check = checkStoreFiles(store);
  });

  afterAll(() => {
    Object.assign(GREN_CONFIG, saved);
    fs.rmSync(store, { recursive: true, force: true });
  });

  describe('when every file is checked against the schemas derived from the reference', () => {
    it('should find no problem: schema, key order, layout', () => {
      expect(check.problems).toEqual([]);
    });

    it('should have covered every attempt and result status the store produced', () => {
      const attempts = new Set(check.states.map(({ state }) => (state.attempt as { status: string } | null)?.status));
      const results = new Set(check.states.map(({ state }) => (state.result as { status: string }).status));

      expect(attempts).toEqual(new Set(['success', 'failed', 'preempted', 'crashed', 'queued']));
      expect(results).toEqual(new Set(['success', 'failed', 'incomplete', 'absent']));
      expect(check.counts.state).toBe(11);
      expect(check.counts.success).toBe(6);
      expect(check.counts.events).toBeGreaterThanOrEqual(25);
      expect(neverValidCalls).toBe(1);
    });

    it('should include a version-controlled artifact under git/ and the whole dependency chain', () => {
      const byNamespace = new Set(listArtifacts(store).map((artifact) => `${artifact.root}:${artifact.namespace}`));

      expect(byNamespace).toEqual(
        new Set([
          'data:spec.schema.Top',
          'data:spec.schema.Middle',
          'data:spec.schema.Leaf',
          'git:spec.schema.Versioned',
          'data:spec.schema.Failing',
          'data:spec.schema.NeverValid',
          'data:spec.children.SlowSquare',
        ]),
      );
    });

    it("should write metadata.json with the Python gren's keys only, and our facts beside it in metadata-ts.json", () => {
      expect(check.counts.metadata).toBeGreaterThan(0);
      expect(check.counts.typescriptMetadata).toBe(check.counts.metadata);
      for (const { file, metadata } of check.metadata) {
        expect(Object.keys(metadata)).toEqual(REFERENCE_METADATA_KEYS);
        expect(fs.existsSync(path.join(path.dirname(file), 'metadata-ts.json'))).toBe(true);
      }
      for (const { metadata } of check.typescriptMetadata)
        expect(Object.keys(metadata)).toEqual(TYPESCRIPT_METADATA_KEYS);
    });

    it('should list the direct dependencies in metadata-ts.json, and getMetadata() should give them with the rest', () => {
      const top = new Top();
      const middle = top.middle;
      const facts = (hash: string): Record<string, unknown> | undefined =>
        check.typescriptMetadata.find(({ file }) => file.includes(`${path.sep}${hash}${path.sep}`))?.metadata;

      expect(facts(top.grenHash)?.gren_dependencies).toEqual([
        { field: 'middle', namespace: 'spec.schema.Middle', gren_hash: middle.grenHash },
      ]);
      expect(facts(middle.grenHash)?.gren_dependencies).toEqual([
        { field: 'leaf', namespace: 'spec.schema.Leaf', gren_hash: middle.leaf.grenHash },
        { field: 'stages[0]', namespace: 'spec.schema.Leaf', gren_hash: middle.stages[0]!.grenHash },
      ]);
      expect(top.getMetadata()).toMatchObject({
        gren_hash: top.grenHash,
        gren_ts_def: top.toCode(),
        gren_dependencies: [{ field: 'middle', namespace: 'spec.schema.Middle', gren_hash: middle.grenHash }],
      });
    });
  });

  describe('when comparing key order with files the Python gren wrote', () => {
    it.each([
      ['a successful attempt', 'success', '.Leaf'],
      ['a failed attempt', 'failed', '.Failing'],
    ])('should order every key of %s as the reference does', (_what, status, pythonNamespace) => {
      const python = listArtifacts(PYTHON_STORE).find((artifact) => artifact.namespace.endsWith(pythonNamespace))!;
      const pythonState = JSON.parse(fs.readFileSync(path.join(python.dir, '.gren', 'state.json'), 'utf8')) as unknown;
      const ours = check.states.find(
        ({ state }) => (state.attempt as { status: string } | null)?.status === status,
      )!.state;

      expect(keyPaths(ours)).toEqual(keyPaths(pythonState));
    });
  });
});
