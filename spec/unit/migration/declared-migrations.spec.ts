import {
  addedField,
  Field,
  Float,
  Gren,
  GrenDefinitionError,
  grenRegistry,
  GrenStruct,
  movedFrom,
  removedField,
  renamedField,
  staleConfig,
  type MigrationStep,
} from 'gren-ts';
import { expectError } from '../errors/expect-error';

/** Declares a struct with fields `lr` (Float) and `steps` and the given history, then builds one (first use). */
function declareAndUse(namespace: string, migrations: readonly MigrationStep[]): () => unknown {
  return () => {
    @Gren({ namespace, migrations })
    class Train extends GrenStruct {
      @Field({ type: Float }) lr: number = 0.1;
      @Field() steps: number = 10;
    }
    return new Train();
  };
}

describe('@Gren({ migrations })', () => {
  afterEach(() => grenRegistry.reset());

  describe('when every step fits the class history', () => {
    it('should build the class', () => {
      const steps = [
        removedField('debug', false),
        addedField('steps', 10),
        renamedField('rate', 'lr'),
        movedFrom('old.place.Train'),
      ];
      expect(declareAndUse('spec.mig.Fits', steps)()).toBeDefined();
    });
  });

  describe('when a step names a field the class never had', () => {
    it('should fail naming the class and the step', () => {
      expectError(
        declareAndUse('spec.mig.Unknown', [addedField('seed', 0)]),
        GrenDefinitionError,
        'Train',
        "addedField('seed', 0)",
        "'seed'",
        'lr, steps',
      );
    });

    it('should fail for a rename to a field that does not exist', () => {
      expectError(
        declareAndUse('spec.mig.BadRename', [renamedField('rate', 'learningRate')]),
        GrenDefinitionError,
        'Train',
        "renamedField('rate', 'learningRate')",
      );
    });

    it('should fail for a field added after it was renamed away (steps are oldest first)', () => {
      expectError(
        declareAndUse('spec.mig.Order', [renamedField('lr', 'rate'), addedField('lr', 0.1)]),
        GrenDefinitionError,
        "renamedField('lr', 'rate')",
      );
    });
  });

  describe('when an added field has a default of the wrong type', () => {
    it('should fail naming the class, the step and the type', () => {
      expectError(
        declareAndUse('spec.mig.WrongType', [addedField('steps', 'ten')]),
        GrenDefinitionError,
        'Train',
        "addedField('steps', 'ten')",
        'wrong type',
      );
    });
  });

  describe('when a removed field is still declared', () => {
    it('should fail naming the field', () => {
      expectError(
        declareAndUse('spec.mig.StillThere', [removedField('steps', 10)]),
        GrenDefinitionError,
        "removedField('steps', 10)",
        'still declares',
      );
    });
  });

  describe('when movedFrom makes a cycle', () => {
    it('should fail for the class own namespace', () => {
      expectError(
        declareAndUse('spec.mig.Self', [movedFrom('spec.mig.Self')]),
        GrenDefinitionError,
        "movedFrom('spec.mig.Self')",
        'cycle',
      );
    });

    it('should fail for a namespace the class left twice', () => {
      expectError(
        declareAndUse('spec.mig.Twice', [movedFrom('a.B'), movedFrom('c.D'), movedFrom('a.B')]),
        GrenDefinitionError,
        "movedFrom('a.B')",
        'cycle',
      );
    });

    it('should fail for a namespace another class is registered under', () => {
      @Gren({ namespace: 'spec.mig.Other' })
      class Other extends GrenStruct {
        @Field() x: number = 1;
      }
      expect(new Other().x).toBe(1);
      expectError(
        declareAndUse('spec.mig.Thief', [movedFrom('spec.mig.Other')]),
        GrenDefinitionError,
        'Train',
        "movedFrom('spec.mig.Other')",
        'Other',
      );
    });
  });

  describe('when two classes declare movedFrom the same namespace', () => {
    it('should fail naming both when a stored config of that namespace is judged', () => {
      declareAndUse('spec.mig.First', [movedFrom('spec.mig.Old')])();
      @Gren({ namespace: 'spec.mig.Second', migrations: [movedFrom('spec.mig.Old')] })
      class Second extends GrenStruct {
        @Field() x: number = 1;
      }
      expect(new Second().x).toBe(1);
      expectError(
        () => staleConfig({ __class__: 'spec.mig.Old', x: 1 }),
        GrenDefinitionError,
        "movedFrom('spec.mig.Old')",
        'Second',
        'Train',
        'claims',
      );
    });
  });

  describe('when migrations is not a list of steps', () => {
    it('should fail at decoration, naming the option', () => {
      expectError(
        declareAndUse('spec.mig.Shape', ['seed'] as unknown as MigrationStep[]),
        GrenDefinitionError,
        'migrations[0]',
        'addedField()',
      );
    });
  });
});
