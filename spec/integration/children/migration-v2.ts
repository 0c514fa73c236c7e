import { addedField, Field, Float, Gren, movedFrom, removedField, renamedField } from 'gren-ts';
import { Stored } from './migration-stored';

/**
 * Version 2 of migration-v1.ts: Train gained `seed` (old configs behaved as 0), renamed
 * `lr` to `learningRate` and dropped `debug` (old configs had false); Mover moved to
 * another namespace; Pipeline and Ensemble are unchanged but nest the migrated Train.
 */
@Gren({
  namespace: 'spec.migration.Train',
  migrations: [addedField('seed', 0), renamedField('lr', 'learningRate'), removedField('debug', false)],
})
export class Train extends Stored {
  @Field({ type: Float }) learningRate: number = 0.1;
  @Field() seed: number = 0;
  protected label(): string {
    return `v2 Train learningRate=${this.learningRate} seed=${this.seed}`;
  }
}

@Gren({ namespace: 'spec.migration.new_home.Mover', migrations: [movedFrom('spec.migration.old_home.Mover')] })
export class Mover extends Stored {
  @Field() size: number = 3;
  protected label(): string {
    return `v2 Mover size=${this.size}`;
  }
}

@Gren({ namespace: 'spec.migration.Pipeline' })
export class Pipeline extends Stored {
  @Field(() => Train) train: Train = new Train();
  @Field() name: string = 'p';
  protected label(): string {
    return `v2 Pipeline ${this.name}`;
  }
}

/** Unchanged, but nests the migrated Train in an array and in an object. */
@Gren({ namespace: 'spec.migration.Ensemble' })
export class Ensemble extends Stored {
  @Field(() => [Train]) models: Train[] = [new Train(), new Train({ learningRate: 0.5 })];
  @Field() byName: Record<string, Train> = { small: new Train({ learningRate: 0.01 }) };
  protected label(): string {
    return `v2 Ensemble ${this.models.length}`;
  }
}

export const classes = { Train, Mover, Pipeline, Ensemble };
