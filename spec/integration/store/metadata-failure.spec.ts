import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createGrenContainer,
  Field,
  GREN_CONFIG,
  Gren,
  GrenComputeError,
  GrenObject,
  MISSING,
  readEvents,
  readState,
  type GrenMetadata,
} from 'gren-ts';
import { MetadataCollector } from '../../../lib/src/provenance/metadata-collector';
import { systemClock } from '../../../lib/src/runtime/clock';
import { useTempStore } from '../../support/temp-store';

let creates = 0;

@Gren({ namespace: 'spec.store.metadata.Target' })
class Target extends GrenObject<number, Target> {
  @Field() n: number = MISSING;

  protected _create(): number {
    creates += 1;
    return this.n;
  }

  protected _load(): number {
    return this.n;
  }
}

/** Loads its dependency through a container whose collector throws. */
@Gren({ namespace: 'spec.store.metadata.Parent' })
class Parent extends GrenObject<number, Parent> {
  @Field(() => Target) dep: Target = new Target({ n: 7 });

  protected async _create(): Promise<number> {
    const broken = createGrenContainer({ metadataCollector: new ThrowingCollector(GREN_CONFIG, systemClock) });
    return this.dep.loadOrCreate({ container: broken });
  }

  protected _load(): number {
    return 0;
  }
}

/** A collector that cannot build metadata (a broken environment). */
class ThrowingCollector extends MetadataCollector {
  override collect(): Promise<GrenMetadata> {
    return Promise.reject(new Error('environment probe exploded'));
  }
}

function expectFailedAttemptAndFreeLock(object: GrenObject, messagePattern: RegExp): void {
  const state = readState(path.join(object.grenDir, '.gren', 'state.json'));
  expect(state.result.status).toBe('failed');
  expect(state.attempt?.status).toBe('failed');
  if (state.attempt?.status === 'failed') {
    expect(state.attempt.error.type).toBe('MetadataError');
    expect(state.attempt.error.message).toMatch(messagePattern);
    expect(state.attempt.reason).toBe('metadata_failed');
  }
  expect(fs.existsSync(path.join(object.grenDir, '.gren', '.compute.lock'))).toBe(false);
  expect(fs.existsSync(path.join(object.grenDir, '.gren', 'metadata.json'))).toBe(false);
  expect(
    readEvents(path.join(object.grenDir, '.gren', 'events.jsonl')).map(
      (event) => `${event.type}:${String(event.status)}`,
    ),
  ).toEqual(['attempt_started:running', 'attempt_finished:failed']);
}

describe('loadOrCreate when metadata cannot be collected', () => {
  useTempStore('gren-metadata-failure-');

  beforeEach(() => {
    creates = 0;
    GREN_CONFIG.ignoreDiff = true;
  });

  describe('when the container has a collector that throws', () => {
    it('should fail the attempt (never left running), release the lock and throw "Failed to create metadata"', async () => {
      const container = createGrenContainer({ metadataCollector: new ThrowingCollector(GREN_CONFIG, systemClock) });
      const target = new Target({ n: 1 });

      const error = (await target.loadOrCreate({ container }).catch((e: unknown) => e)) as GrenComputeError;

      expect(error).toBeInstanceOf(GrenComputeError);
      expect(error.message).toMatch(
        /^Failed to create metadata\n {2}in spec\.store\.metadata\.Target [0-9a-f]{20}\n\nOriginal error: Error: environment probe exploded\n\nState file: /,
      );
      expect((error.cause as Error).message).toBe('environment probe exploded');
      expect(error.statePath).toBe(path.join(target.grenDir, '.gren', 'state.json'));
      expect(creates).toBe(0);
      expectFailedAttemptAndFreeLock(target, /^Failed to create metadata: environment probe exploded$/);
    });

    it('should compute on the next call with a working container', async () => {
      const broken = createGrenContainer({ metadataCollector: new ThrowingCollector(GREN_CONFIG, systemClock) });
      await expect(new Target({ n: 2 }).loadOrCreate({ container: broken })).rejects.toThrow(GrenComputeError);

      await expect(new Target({ n: 2 }).loadOrCreate({ container: createGrenContainer() })).resolves.toBe(2);

      expect(creates).toBe(1);
    });
  });

  describe('when GREN_REQUIRE_GIT is set and the class is defined outside any repository', () => {
    let outside: string;

    beforeAll(() => {
      outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gren-outside-repo-')));
    });

    afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

    it('should fail the attempt and throw "Failed to create metadata" with the git error as cause', async () => {
      const file = path.join(outside, 'outside.cjs');
      fs.writeFileSync(
        file,
        [
          "const { Gren, GrenObject } = require('gren-ts');",
          'class Outside extends GrenObject {',
          '  _create() { return 1; }',
          '  _load() { return 1; }',
          '}',
          "exports.Outside = Gren({ namespace: 'spec.store.metadata.Outside' })(Outside);",
        ].join('\n'),
      );
      // A module outside the project, as a user's script elsewhere would be.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Outside } = require(file) as { Outside: new () => GrenObject<number> };
      GREN_CONFIG.requireGit = true;
      const outsider = new Outside();

      const error = (await outsider
        .loadOrCreate({ container: createGrenContainer() })
        .catch((e: unknown) => e)) as GrenComputeError;

      expect(error).toBeInstanceOf(GrenComputeError);
      expect(error.message).toMatch(/^Failed to create metadata\n/);
      expect((error.cause as Error).message).toMatch(
        /git rev-parse --show-toplevel failed in .*gren-outside-repo-.*Unset GREN_REQUIRE_GIT/s,
      );
      expectFailedAttemptAndFreeLock(outsider, /^Failed to create metadata: git rev-parse --show-toplevel failed/);
    });
  });

  describe("when a dependency's metadata fails inside the parent's _create (regression)", () => {
    it('should record the parent attempt as failed too, not leave it running', async () => {
      const parent = new Parent();

      await expect(parent.loadOrCreate()).rejects.toThrow(
        /^Failed to create metadata\n {2}in spec\.store\.metadata\.\w+ [0-9a-f]{20}\n {2}needed by spec\.store\.metadata\.Parent [0-9a-f]{20}\n/,
      );

      const state = readState(path.join(parent.grenDir, '.gren', 'state.json'));
      expect(state.attempt?.status).toBe('failed');
      expect(state.result.status).toBe('failed');
      expect(fs.existsSync(path.join(parent.grenDir, '.gren', '.compute.lock'))).toBe(false);
    });
  });
});
