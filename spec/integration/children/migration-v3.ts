import { addedField, Field, Float, Gren, removedField, renamedField } from 'gren-ts';
import { Stored } from './migration-stored';

/**
 * Version 3 of migration-v1.ts: Train changed again after version 2 (migration-v2.ts) and
 * gained `epochs` (version 2 configs behaved as 1). A version 3 Train reuses the version 2
 * result, which itself is a link to version 1's: a link to a link.
 */
@Gren({
  namespace: 'spec.migration.Train',
  migrations: [
    addedField('seed', 0),
    renamedField('lr', 'learningRate'),
    removedField('debug', false),
    addedField('epochs', 1),
  ],
})
export class Train extends Stored {
  @Field({ type: Float }) learningRate: number = 0.1;
  @Field() seed: number = 0;
  @Field() epochs: number = 1;
  protected label(): string {
    return `v3 Train learningRate=${this.learningRate} seed=${this.seed} epochs=${this.epochs}`;
  }
}

export const classes = { Train };
