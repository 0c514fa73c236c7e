import {
  addedField,
  Field,
  Float,
  Gren,
  grenRegistry,
  GrenStruct,
  movedFrom,
  removedField,
  renamedField,
} from 'gren-ts';
import { computeHash } from '../../../lib/src/identity/compute-hash';
import { earlierIdentities } from '../../../lib/src/migration/earlier-identities';
import { configNodeOf, nodeHash } from '../../../lib/src/migration/identity-tree';
import { staleConfig } from '../../../lib/src/migration/stale-config';

/** Version 1 of the classes, as the store saw them. */
function declareV1(): { train: string; parent: string; mover: string } {
  @Gren({ namespace: 'spec.stale.Train' })
  class Train extends GrenStruct {
    @Field({ type: Float }) lr: number = 0.1;
    @Field() debug: boolean = false;
    @Field() when: Date = new Date('2024-01-02T03:04:05Z');
  }
  @Gren({ namespace: 'spec.stale.Parent' })
  class Parent extends GrenStruct {
    @Field(() => Train) train: Train = new Train();
  }
  @Gren({ namespace: 'spec.stale.old.Mover' })
  class Mover extends GrenStruct {
    @Field() size: number = 3;
  }
  return { train: computeHash(new Train()), parent: computeHash(new Parent()), mover: computeHash(new Mover()) };
}

/** Version 2: Train gained seed, renamed lr, dropped debug; Mover moved; Parent unchanged. */
function declareV2(): {
  Train: new (init?: Readonly<Record<string, unknown>>) => GrenStruct;
  Parent: new (init?: Readonly<Record<string, unknown>>) => GrenStruct;
  Mover: new (init?: Readonly<Record<string, unknown>>) => GrenStruct;
} {
  @Gren({
    namespace: 'spec.stale.Train',
    migrations: [addedField('seed', 0), renamedField('lr', 'learningRate'), removedField('debug', false)],
  })
  class Train extends GrenStruct {
    @Field({ type: Float }) learningRate: number = 0.1;
    @Field() seed: number = 0;
    @Field() when: Date = new Date('2024-01-02T03:04:05Z');
  }
  @Gren({ namespace: 'spec.stale.Parent' })
  class Parent extends GrenStruct {
    @Field(() => Train) train: Train = new Train();
  }
  @Gren({ namespace: 'spec.stale.new.Mover', migrations: [movedFrom('spec.stale.old.Mover')] })
  class Mover extends GrenStruct {
    @Field() size: number = 3;
  }
  return { Train, Parent, Mover };
}

const earlierHashes = (config: object): string[] =>
  earlierIdentities(configNodeOf(config)).identities.map((identity) => nodeHash(identity.node));

describe('migrations over stored identities', () => {
  let v1: { train: string; parent: string; mover: string };
  let v2: ReturnType<typeof declareV2>;

  beforeAll(() => {
    grenRegistry.reset();
    v1 = declareV1();
    grenRegistry.reset();
    v2 = declareV2();
  });

  afterAll(() => grenRegistry.reset());

  describe('earlierIdentities', () => {
    it('should hash a config tree exactly as the config hashes', () => {
      const train = new v2.Train({ learningRate: 0.25, seed: 3 });
      expect(nodeHash(configNodeOf(train))).toBe(computeHash(train));
    });

    it('should find the v1 identity of a default v2 config, and of a parent nesting it', () => {
      expect(earlierHashes(new v2.Train())).toContain(v1.train);
      expect(earlierHashes(new v2.Parent())).toContain(v1.parent);
      expect(earlierHashes(new v2.Mover())).toEqual([v1.mover]);
    });

    it('should find none once an added field is not its default', () => {
      const hashes = earlierHashes(new v2.Train({ seed: 1 }));
      expect(hashes).not.toContain(v1.train);
    });
  });

  describe('staleConfig', () => {
    const storedV1 = { __class__: 'spec.stale.Train', lr: 0.1, debug: false, when: '2024-01-02T03:04:05+00:00' };

    it('should say nothing about a config that fits its class', () => {
      expect(
        staleConfig({ __class__: 'spec.stale.Train', learningRate: 0.1, seed: 0, when: '2024-01-02T03:04:05+00:00' }),
      ).toBeUndefined();
    });

    it('should list the differences of a v1 config and the steps that map it to the v2 identity', () => {
      const verdict = staleConfig(storedV1);
      expect(verdict?.className).toBe('Train');
      expect(verdict?.changes).toEqual(
        expect.arrayContaining([
          { kind: 'renamed', field: 'lr', to: 'learningRate' },
          { kind: 'extra', field: 'debug', value: false },
          { kind: 'missing', field: 'seed' },
        ]),
      );
      expect(verdict?.mapping).toEqual({
        mapped: true,
        namespace: 'spec.stale.Train',
        hash: computeHash(new v2.Train()),
        steps: [
          "Train: addedField('seed', 0)",
          "Train: renamedField('lr', 'learningRate')",
          "Train: removedField('debug', false)",
        ],
      });
    });

    it('should not map a config whose removed field had another value, and say why', () => {
      const verdict = staleConfig({ ...storedV1, debug: true });
      expect(verdict?.mapping).toEqual({
        mapped: false,
        reason: expect.stringContaining("removedField('debug', false) maps only configs whose debug is false"),
      });
    });

    it('should map a config of a class that moved, naming the move', () => {
      const verdict = staleConfig({ __class__: 'spec.stale.old.Mover', size: 3 });
      expect(verdict?.changes).toEqual([
        { kind: 'moved', field: '', from: 'spec.stale.old.Mover', to: 'spec.stale.new.Mover' },
      ]);
      expect(verdict?.mapping).toMatchObject({ mapped: true, hash: computeHash(new v2.Mover()) });
    });

    it('should map a parent through its stale child', () => {
      const verdict = staleConfig({ __class__: 'spec.stale.Parent', train: storedV1 });
      expect(verdict?.changes).toEqual(
        expect.arrayContaining([{ kind: 'renamed', field: 'train.lr', to: 'train.learningRate' }]),
      );
      expect(verdict?.mapping).toMatchObject({
        mapped: true,
        namespace: 'spec.stale.Parent',
        hash: computeHash(new v2.Parent()),
      });
    });

    it('should report a namespace no class owns', () => {
      expect(staleConfig({ __class__: 'spec.stale.Gone', x: 1 })).toEqual({
        namespace: 'spec.stale.Gone',
        className: undefined,
        changes: [],
        mapping: { mapped: false, reason: expect.stringContaining("no class is registered under 'spec.stale.Gone'") },
      });
    });

    it('should not map a config with a field no step explains', () => {
      const verdict = staleConfig({ ...storedV1, mystery: 1 });
      expect(verdict?.mapping).toEqual({
        mapped: false,
        reason: expect.stringContaining('no declared migration of Train explains'),
      });
      expect(verdict?.changes).toEqual(expect.arrayContaining([{ kind: 'extra', field: 'mystery', value: 1 }]));
    });
  });
});
