import { GrenError } from './gren-error';

/**
 * `_create` returned, but its attempt was no longer ours: another process declared it crashed
 * (its lease expired while the heartbeat could not renew it) and took over. The value was
 * not recorded, so it is not returned either; loadOrCreate then waits for the attempt that
 * took over and loads its result, so every process agrees on one result.
 */
export class GrenAttemptLost extends GrenError {
  constructor(className: string, hash: string, directory: string) {
    super(
      'ATTEMPT_LOST',
      `${className} ${hash}: _create finished after another process took over its attempt (its lease ` +
        `expired before the heartbeat renewed it); the result was not recorded (${directory}). ` +
        'Raise GREN_LEASE_SECS if the store is slow to answer.',
    );
  }
}
