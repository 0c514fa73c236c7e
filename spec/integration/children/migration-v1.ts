import { Field, Float, Gren } from 'gren-ts';
import { Stored } from './migration-stored';

/** Version 1 of the classes the migration tests change (version 2 is migration-v2.ts). */
@Gren({ namespace: 'spec.migration.Train' })
export class Train extends Stored {
  @Field({ type: Float }) lr: number = 0.1;
  @Field() debug: boolean = false;
  protected label(): string {
    return `v1 Train lr=${this.lr} debug=${this.debug}`;
  }
}

@Gren({ namespace: 'spec.migration.old_home.Mover' })
export class Mover extends Stored {
  @Field() size: number = 3;
  protected label(): string {
    return `v1 Mover size=${this.size}`;
  }
}

@Gren({ namespace: 'spec.migration.Pipeline' })
export class Pipeline extends Stored {
  @Field(() => Train) train: Train = new Train();
  @Field() name: string = 'p';
  protected label(): string {
    return `v1 Pipeline ${this.name}`;
  }
}

/** Trains nested in an array and in an object (not directly in a field). */
@Gren({ namespace: 'spec.migration.Ensemble' })
export class Ensemble extends Stored {
  @Field(() => [Train]) models: Train[] = [new Train(), new Train({ lr: 0.5 })];
  @Field() byName: Record<string, Train> = { small: new Train({ lr: 0.01 }) };
  protected label(): string {
    return `v1 Ensemble ${this.models.length}`;
  }
}

export const classes = { Train, Mover, Pipeline, Ensemble };
