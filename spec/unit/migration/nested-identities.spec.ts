import {
  addedField,
  Field,
  Float,
  Gren,
  grenRegistry,
  GrenSerializer,
  GrenStruct,
  removedField,
  renamedField,
} from 'gren-ts';
import { computeHash } from '../../../lib/src/identity/compute-hash';
import { earlierIdentities, MAX_COMBINATIONS } from '../../../lib/src/migration/earlier-identities';
import { configNodeOf, nodeHash } from '../../../lib/src/migration/identity-tree';
import { staleConfig } from '../../../lib/src/migration/stale-config';
import { declareManyStepClasses } from '../../support/many-step-classes';

type Init = Readonly<Record<string, unknown>>;
type ConfigClass = new (init?: Init) => GrenStruct;

/** What the store saw: a config as the old class versions stored it (`gren_obj`, parsed as gren parses it). */
const stored = (config: object): Record<string, unknown> =>
  GrenSerializer.parseJson(GrenSerializer.toJson(config)) as Record<string, unknown>;

const earlierHashes = (config: object): string[] =>
  earlierIdentities(configNodeOf(config)).identities.map((identity) => nodeHash(identity.node));

/** Version 1: an ensemble nests trains in an array, in an object and in a Map. */
function declareV1(): { Train: ConfigClass; Ensemble: ConfigClass } {
  @Gren({ namespace: 'spec.nested.Train' })
  class Train extends GrenStruct {
    @Field({ type: Float }) lr: number = 0.1;
    @Field() debug: boolean = false;
  }
  @Gren({ namespace: 'spec.nested.Ensemble' })
  class Ensemble extends GrenStruct {
    @Field(() => [Train]) models: Train[] = [new Train(), new Train({ lr: 0.5 })];
    @Field() byName: Record<string, Train | number> = {
      small: new Train(),
      'with space': new Train({ lr: 0.2 }),
      count: 2,
    };
    @Field() byKey: Map<number, Train> = new Map([
      [10, new Train()],
      [2, new Train({ lr: 1 })],
    ]);
    @Field({ type: [Float] }) weights: number[] = [1, 2.5];
  }
  return { Train, Ensemble };
}

/** Version 2: Train gained seed, renamed lr, dropped debug; Ensemble gained a tag. */
function declareV2(): { Train: ConfigClass; Ensemble: ConfigClass } {
  @Gren({
    namespace: 'spec.nested.Train',
    migrations: [addedField('seed', 0), renamedField('lr', 'learningRate'), removedField('debug', false)],
  })
  class Train extends GrenStruct {
    @Field({ type: Float }) learningRate: number = 0.1;
    @Field() seed: number = 0;
  }
  @Gren({ namespace: 'spec.nested.Ensemble', migrations: [addedField('tag', '')] })
  class Ensemble extends GrenStruct {
    @Field(() => [Train]) models: Train[] = [new Train(), new Train({ learningRate: 0.5 })];
    @Field() byName: Record<string, Train | number> = {
      small: new Train(),
      'with space': new Train({ learningRate: 0.2 }),
      count: 2,
    };
    @Field() byKey: Map<number, Train> = new Map([
      [10, new Train()],
      [2, new Train({ learningRate: 1 })],
    ]);
    @Field({ type: [Float] }) weights: number[] = [1, 2.5];
    @Field() tag: string = '';
  }
  return { Train, Ensemble };
}

/** A config nesting two classes of eight steps each, in an object. */
function declareManySteps(): ConfigClass {
  const { A, B } = declareManyStepClasses('spec.nested.many');
  @Gren({ namespace: 'spec.nested.many.Holder' })
  class Holder extends GrenStruct {
    @Field() parts: Record<string, GrenStruct> = { a: new A(), b: new B() };
  }
  return Holder;
}

describe('migrations of configs nested in arrays, objects and Maps', () => {
  let v1: { default: string; stored: Record<string, unknown>; storedDebug: Record<string, unknown> };
  let v2: ReturnType<typeof declareV2>;
  let Holder: ConfigClass;

  beforeAll(() => {
    grenRegistry.reset();
    const old = declareV1();
    const ensemble = new old.Ensemble();
    const debugging = new old.Ensemble({ models: [new old.Train(), new old.Train({ lr: 0.5, debug: true })] });
    v1 = { default: computeHash(ensemble), stored: stored(ensemble), storedDebug: stored(debugging) };
    grenRegistry.reset();
    v2 = declareV2();
    Holder = declareManySteps();
  });

  afterAll(() => grenRegistry.reset());

  describe('the identity tree', () => {
    it('should hash a config nesting configs in arrays, objects and Maps exactly as the config hashes', () => {
      const ensemble = new v2.Ensemble({ tag: 'é "q"', weights: [3, 0.25] });
      expect(nodeHash(configNodeOf(ensemble))).toBe(computeHash(ensemble));
      expect(nodeHash(configNodeOf(new Holder()))).toBe(computeHash(new Holder()));
    });
  });

  describe('earlierIdentities', () => {
    it('should find the identity the old class versions computed, with every nested train mapped', () => {
      const earlier = earlierIdentities(configNodeOf(new v2.Ensemble()));
      const hashes = earlier.identities.map((identity) => nodeHash(identity.node));
      expect(hashes).toContain(v1.default);
      expect(earlier.truncated).toBe(false);
      const mapped = earlier.identities.find((identity) => nodeHash(identity.node) === v1.default);
      expect(mapped?.steps).toEqual([
        "Ensemble: addedField('tag', '')",
        "Train: addedField('seed', 0)",
        "Train: renamedField('lr', 'learningRate')",
        "Train: removedField('debug', false)",
      ]);
    });

    it('should list the most recent identities first: fewest steps undone', () => {
      const earlier = earlierIdentities(configNodeOf(new v2.Ensemble())).identities;
      const undone = earlier.map((identity) => identity.steps.length);
      expect(undone).toEqual([...undone].sort((a, b) => a - b));
      expect(undone[0]).toBe(1);
      expect(nodeHash(earlier.at(-1)?.node ?? configNodeOf(new v2.Ensemble()))).toBe(v1.default);
    });

    it('should not map trains back to a version one of them cannot have had (a seed that is not the default)', () => {
      const ensemble = new v2.Ensemble({ models: [new v2.Train(), new v2.Train({ seed: 7 })] });
      const earlier = earlierIdentities(configNodeOf(ensemble)).identities;
      // Ensemble's one step and Train's two last steps combine (2 x 3 - 1); the seed step is never undone.
      expect(earlier).toHaveLength(5);
      expect(earlier.flatMap((identity) => identity.steps)).not.toContain("Train: addedField('seed', 0)");
      expect(earlierHashes(ensemble)).not.toContain(v1.default);
    });

    it('should try at most MAX_COMBINATIONS identities, the most recent ones, and say that the bound was hit', () => {
      const earlier = earlierIdentities(configNodeOf(new Holder()));
      expect(earlier.identities).toHaveLength(MAX_COMBINATIONS);
      expect(earlier.truncated).toBe(true);
      expect(earlier.identities.map((identity) => identity.steps.length).slice(0, 2)).toEqual([1, 1]);
      expect(Math.max(...earlier.identities.map((identity) => identity.steps.length))).toBeLessThan(16);
    });
  });

  describe('staleConfig', () => {
    it('should name the path of each nested config that changed: array items, object keys and Map keys', () => {
      const verdict = staleConfig(v1.stored);
      expect(verdict?.changes).toEqual(
        expect.arrayContaining([
          { kind: 'renamed', field: 'models[1].lr', to: 'models[1].learningRate' },
          { kind: 'missing', field: 'models[0].seed' },
          { kind: 'extra', field: 'byName.small.debug', value: false },
          { kind: 'renamed', field: 'byName["with space"].lr', to: 'byName["with space"].learningRate' },
          { kind: 'missing', field: 'byKey[2].seed' },
          { kind: 'missing', field: 'tag' },
        ]),
      );
    });

    it('should map the stored ensemble to the identity the new classes compute, listing each step once', () => {
      expect(staleConfig(v1.stored)?.mapping).toEqual({
        mapped: true,
        namespace: 'spec.nested.Ensemble',
        hash: computeHash(new v2.Ensemble()),
        steps: [
          "Train: addedField('seed', 0)",
          "Train: renamedField('lr', 'learningRate')",
          "Train: removedField('debug', false)",
          "Ensemble: addedField('tag', '')",
        ],
      });
    });

    it('should not map an ensemble one of whose trains had a removed field at another value, and say why', () => {
      const verdict = staleConfig(v1.storedDebug);
      expect(verdict?.mapping).toEqual({
        mapped: false,
        reason: expect.stringContaining("removedField('debug', false) maps only configs whose debug is false"),
      });
    });
  });
});
