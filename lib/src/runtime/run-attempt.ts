import { GrenAttemptLost } from '../errors/attempt-lost';
import { GrenComputeError, configTrail } from '../errors/compute-error';
import { renderError } from '../errors/render-error';
import type { HeldComputeLock } from '../locking/compute-lock';
import { getLogger } from '../logging/gren-logger';
import { LogSite } from '../logging/log-site';
import { writeMetadataFiles } from '../storage/write-metadata';
import { successMarkerContent } from '../storage/success-marker';
import { removeResultLink } from '../storage/result-link';
import { finishFailed, finishStopped, finishSuccess, renewLease } from '../storage/transitions';
import type { AttemptError } from '../storage/state-types';
import { withStateLock } from '../storage/state-lock';
import { configRefOf, type Artifact } from './artifact';
import type { GrenRuntime } from './gren-runtime';
import { startHeartbeat } from './heartbeat';
import { noteComputedHere } from './force-recompute';
import { guardSignals, signalNumber } from './signal-guard';

const logger = getLogger();
const CREATE_BEGIN = new LogSite();
const CREATE_OK = new LogSite();

/** What to record for a signal, and what to do once the attempt is recorded and unlocked. */
export interface SignalPlan {
  reason: string | null;
  /**
   * false leaves the attempt `running` for the scheduler to judge (a SLURM job killed by
   * scancel, preemption or its time limit looks the same from inside).
   */
  record?: boolean;
  after?(): Promise<void>;
}

/** How a worker reacts to signals beyond the default SIGTERM/SIGINT handling. */
export interface AttemptSignals {
  signals: readonly NodeJS.Signals[];
  /** Decides the preemption's reason and follow-up (e.g. requeue the SLURM job). */
  plan?(signal: NodeJS.Signals): Promise<SignalPlan>;
}

/**
 * Runs `_create` for an attempt whose compute lock we hold: metadata, signal handling,
 * heartbeat, then success (marker first, then state) or failure. The lock is always
 * released; the attempt never stays `running`.
 */
export async function runAttempt<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  attemptId: string,
  lock: HeldComputeLock,
  signalHandling: AttemptSignals = { signals: ['SIGTERM', 'SIGINT'] },
): Promise<T> {
  const { paths, className, hash, dir } = artifact;
  const stopHeartbeat = startHeartbeat(
    runtime.settings.heartbeatSecs,
    async () =>
      (
        await runtime.states.update(paths, (state, now) =>
          renewLease(state, attemptId, runtime.settings.leaseSecs, now),
        )
      ).changed,
    {
      lost: () =>
        logger.error(
          `heartbeat: ${className} ${hash} lost its attempt (another process took it over); its result will not be recorded`,
        ),
      failed: (error) =>
        logger.warning(`heartbeat: ${className} ${hash} could not renew its lease (${messageOf(error)}); retrying`),
    },
  );
  const releaseSignals = guardSignals(
    {
      label: `${className} ${hash}`,
      stop: async (signal) => {
        stopHeartbeat();
        await callOnPreempt(artifact, signal);
        const plan = (await signalHandling.plan?.(signal)) ?? { reason: null };
        const error: AttemptError = { type: 'signal', message: `signal:${signalNumber(signal)}`, traceback: null };
        if (plan.record !== false)
          await runtime.states.update(paths, (state, now) =>
            finishStopped(state, attemptId, 'preempted', error, plan.reason, now),
          );
        await lock.release();
        await plan.after?.();
      },
    },
    signalHandling.signals,
  );
  try {
    // A fresh computation writes into its own folder, not into one a reuse linked to.
    removeResultLink(dir);
    await writeMetadata(runtime, artifact, attemptId);
    noteComputedHere(dir);
    let value: T;
    let recorded: boolean;
    try {
      logger.debug(`_create: begin ${className} ${hash} ${dir}`, { site: CREATE_BEGIN });
      value = await artifact.hooks._create();
      logger.debug(`_create: ok ${className} ${hash} ${dir}`, { site: CREATE_OK });
      recorded = await recordSuccess(runtime, artifact, attemptId, lock);
    } catch (error) {
      logger.error(`_create failed ${className} ${hash} ${dir}`, { fileOnly: true });
      logger.error(renderError(error, { allFrames: true }), { fileOnly: true });
      await runtime.states.update(paths, (state, now) => finishFailed(state, attemptId, attemptError(error), now));
      throw GrenComputeError.createFailed(error, paths.state, configRefOf(artifact));
    }
    if (!recorded) throw new GrenAttemptLost(className, hash, dir);
    logger.info(`_create ok ${className} ${hash}`, { consoleOnly: true });
    return value;
  } finally {
    stopHeartbeat();
    releaseSignals();
    await lock.release();
  }
}

export async function writeMetadata<T>(runtime: GrenRuntime, artifact: Artifact<T>, attemptId: string): Promise<void> {
  try {
    const metadata = await runtime.metadata.collect(artifact.object, artifact.dir);
    writeMetadataFiles(artifact.paths, metadata);
  } catch (error) {
    const failure: AttemptError = {
      type: 'MetadataError',
      message: `Failed to create metadata: ${messageOf(error)}`,
      traceback: stackOf(error),
    };
    await runtime.states.update(artifact.paths, (state, now) =>
      finishFailed(state, attemptId, failure, now, 'metadata_failed'),
    );
    throw new GrenComputeError('Failed to create metadata', artifact.paths.state, error, configRefOf(artifact));
  }
}

/**
 * Marker, then state, under the state lock — and only while the attempt is still ours.
 * false when it was not: nothing is written then.
 */
async function recordSuccess<T>(
  runtime: GrenRuntime,
  artifact: Artifact<T>,
  attemptId: string,
  lock: HeldComputeLock,
): Promise<boolean> {
  const { paths } = artifact;
  return withStateLock(paths, () => {
    // The marker lands before the state (a crash between the two is recoverable), both
    // fsynced together and made durable by one fsync of their folder. finishSuccess
    // changes nothing (so nothing is written) unless the attempt is still ours and active.
    const marker = successMarkerContent(paths, attemptId, runtime.clock.now());
    const recorded = runtime.states.updateLocked(
      paths,
      (state, now) => (lock.lost ? undefined : finishSuccess(state, attemptId, now)),
      [marker],
    ).changed;
    if (!recorded)
      logger.warning(
        `_create: ${artifact.className} ${artifact.hash} finished after losing its attempt; the result is not recorded`,
      );
    return recorded;
  });
}

/** What the state records; a dependency's failure keeps the stack of the error that began it. */
function attemptError(error: unknown): AttemptError {
  const origin = error instanceof GrenComputeError && error.cause instanceof Error ? error.cause : error;
  return { type: typeOf(error), message: recordedMessage(error), traceback: stackOf(origin) };
}

/** A dependency's failure is recorded as its reason and configs; its state file holds the rest. */
function recordedMessage(error: unknown): string {
  if (error instanceof GrenComputeError && error.configs.length > 0)
    return `${error.reason}${configTrail(error.configs)}`;
  return messageOf(error);
}

function typeOf(error: unknown): string {
  if (error instanceof Error) return error.constructor.name || error.name;
  return typeof error;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stackOf(error: unknown): string | null {
  return error instanceof Error && error.stack ? error.stack : null;
}

/** Gives `_onPreempt()` (checkpointing) its chance; a failure there is logged, not fatal. */
async function callOnPreempt<T>(artifact: Artifact<T>, signal: NodeJS.Signals): Promise<void> {
  if (typeof artifact.hooks._onPreempt !== 'function') return;
  try {
    await artifact.hooks._onPreempt();
  } catch (error) {
    logger.error(`_onPreempt failed for ${artifact.className} ${artifact.hash} on ${signal}: ${messageOf(error)}`);
  }
}
