import { GrenError } from './gren-error';

/** Another process held the compute lock for longer than the class's `maxWaitTimeSec`. */
export class GrenWaitTimeout extends GrenError {
  readonly waitedSec: number;

  constructor(waitedSec: number, directory: string) {
    super(
      'WAIT_TIMEOUT',
      `Timed out waiting for compute lock after ${waitedSec.toFixed(1)}s (${directory}). Another ` +
        "process is computing this artifact; raise the class's static maxWaitTimeSec (null waits " +
        'forever) or look at its state with `gren show`.',
    );
    this.waitedSec = waitedSec;
  }
}
