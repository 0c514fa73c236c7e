import { GrenError } from './gren-error';

/** The compute lock was not taken because the artifact already succeeded or failed. */
export class GrenLockNotAcquired extends GrenError {
  readonly outcome: 'succeeded' | 'failed';

  constructor(outcome: 'succeeded' | 'failed') {
    super('LOCK_NOT_ACQUIRED', `Cannot acquire lock: experiment already ${outcome}`);
    this.outcome = outcome;
  }
}
