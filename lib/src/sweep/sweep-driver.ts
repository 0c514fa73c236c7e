import type { Executor } from '../executors/executor';
import { loadOrCreateLocally } from '../runtime/load-or-create';
import type { GrenRuntime } from '../runtime/gren-runtime';
import { messageOf } from '../runtime/run-attempt';
import { artifactOf } from '../runtime/artifact';
import { viewAttempt } from './attempt-view';
import { isBatchExecutor, isJobEndNotifier, type BatchExecutor } from './batch-executor';
import { followAttempts } from './follow-attempts';
import { mapLimited } from './map-limited';
import { prepareAttempt, recordSubmitFailed, recordSubmitted } from './prepare-attempt';
import { stopSubmitted } from './stop-submitted';
import type { NodeRecord, SweepBook } from './sweep-book';
import type { SweepNode, SweepPlan } from './sweep-plan';

export interface DriverOptions {
  readonly runtime: GrenRuntime;
  readonly executor: Executor;
  readonly maxRunning: number;
  readonly sweepDir: string;
  /** How often the driver re-reads the state of what it waits on. */
  readonly tickMs: number;
  /** True once cancel() was called. */
  readonly cancelled: () => boolean;
}

/** Runs a planned sweep to the end (or until cancelled), recording everything in `book`. */
export async function driveSweep(plan: SweepPlan, book: SweepBook, options: DriverOptions): Promise<void> {
  if (options.executor.inProcess) await driveInProcess(book, options);
  else if (isBatchExecutor(options.executor)) await driveByLevel(plan, book, options, options.executor);
  else await driveReady(book, options);
  if (options.cancelled()) await cancelRest(book, options);
}

/** Configs computed in this process, at most maxRunning at once. */
async function driveInProcess(book: SweepBook, options: DriverOptions): Promise<void> {
  const running = new Set<Promise<void>>();
  for (;;) {
    if (options.cancelled()) break;
    for (const record of readyRecords(book)) {
      if (running.size >= options.maxRunning) break;
      book.set(record.node, { status: 'running' });
      const task = loadOrCreateLocally(options.runtime, record.node.object).then(
        () => book.set(record.node, { status: 'done' }),
        (error: unknown) => fail(book, record.node, recordedFailure(options.runtime, record.node) ?? messageOf(error)),
      );
      const tracked: Promise<void> = task.finally(() => running.delete(tracked));
      running.add(tracked);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  await Promise.all(running);
}

/** One submit per config as soon as its dependencies are done, at most maxRunning in flight. */
async function driveReady(book: SweepBook, options: DriverOptions): Promise<void> {
  const clock = new ProbeClock(options.runtime.settings.pollIntervalSecs);
  for (;;) {
    if (options.cancelled()) return;
    const inFlight = inFlightRecords(book);
    const free = options.maxRunning - inFlight.length;
    const ready = readyRecords(book).slice(0, Math.max(0, free));
    await mapLimited(ready, 4, (record) => submitOne(book, options, record));
    const following = inFlightRecords(book);
    if (following.length === 0 && readyRecords(book).length === 0) return;
    await nextTick(options);
    await followAttempts(options.runtime, book, options.executor, following, clock.due());
  }
}

/** Each dependency level as one batch (one SLURM array per level and MaxArraySize chunk). */
async function driveByLevel(
  plan: SweepPlan,
  book: SweepBook,
  options: DriverOptions,
  executor: BatchExecutor,
): Promise<void> {
  const clock = new ProbeClock(options.runtime.settings.pollIntervalSecs);
  for (const level of plan.levels) {
    if (options.cancelled()) return;
    const ready = level.map((node) => book.record(node)).filter((record) => record.status === 'waiting');
    const prepared = await prepareAll(book, options, ready);
    if (prepared.length > 0) {
      try {
        const submitted = await executor.submitBatch(
          prepared.map((item) => item.request),
          { maxRunning: options.maxRunning, sweepDir: options.sweepDir },
        );
        await mapLimited(prepared, 8, async (item, index) => {
          const job = submitted[index];
          if (!job)
            throw new Error(
              `internal: ${executor.backend} returned ${submitted.length} jobs for ${prepared.length} requests`,
            );
          await recordSubmitted(options.runtime, item.record.node.object, item.attemptId, job);
          book.set(item.record.node, { jobId: job.jobId });
        });
      } catch (error) {
        await mapLimited(prepared, 8, async (item) =>
          fail(
            book,
            item.record.node,
            await recordSubmitFailed(options.runtime, item.record.node.object, item.attemptId, error),
          ),
        );
      }
    }
    for (;;) {
      const following = level
        .map((node) => book.record(node))
        .filter((record) => record.status === 'queued' || record.status === 'running');
      if (following.length === 0 || options.cancelled()) break;
      await nextTick(options);
      await followAttempts(options.runtime, book, executor, following, clock.due());
    }
  }
}

interface PreparedRecord {
  record: NodeRecord;
  attemptId: string;
  request: Parameters<Executor['submit']>[0];
}

async function prepareAll(
  book: SweepBook,
  options: DriverOptions,
  records: readonly NodeRecord[],
): Promise<PreparedRecord[]> {
  const prepared: PreparedRecord[] = [];
  await mapLimited(records, 8, async (record) => {
    try {
      const outcome = await prepareAttempt(options.runtime, record.node.object, options.executor);
      if (outcome.kind === 'done') book.set(record.node, { status: 'done' });
      else if (outcome.kind === 'attached')
        book.set(record.node, {
          status: 'queued',
          attemptId: outcome.attemptId,
          jobId: outcome.jobId,
          submittedHere: false,
        });
      else {
        book.set(record.node, { status: 'queued', attemptId: outcome.attemptId, submittedHere: true });
        prepared.push({ record, attemptId: outcome.attemptId, request: outcome.request });
      }
    } catch (error) {
      fail(book, record.node, messageOf(error));
    }
  });
  return prepared;
}

async function submitOne(book: SweepBook, options: DriverOptions, record: NodeRecord): Promise<void> {
  const [prepared] = await prepareAll(book, options, [record]);
  if (!prepared) return;
  try {
    const job = await options.executor.submit(prepared.request);
    await recordSubmitted(options.runtime, record.node.object, prepared.attemptId, job);
    book.set(record.node, { jobId: job.jobId });
  } catch (error) {
    fail(book, record.node, await recordSubmitFailed(options.runtime, record.node.object, prepared.attemptId, error));
  }
}

/** Stops what this sweep submitted and marks everything unfinished cancelled. */
async function cancelRest(book: SweepBook, options: DriverOptions): Promise<void> {
  await stopSubmitted(
    options.runtime,
    options.executor,
    book.all().filter((record) => record.submittedHere && (record.status === 'queued' || record.status === 'running')),
  );
  for (const record of book.all()) {
    if (record.status === 'waiting' || record.status === 'queued' || record.status === 'running') {
      book.set(record.node, {
        status: 'cancelled',
        message: record.submittedHere ? 'cancelled with the sweep' : 'the sweep was cancelled before it ran',
      });
    }
  }
}

/** The failure as the attempt recorded it (`failed: <message>`), as the other modes report it. */
function recordedFailure(runtime: GrenRuntime, node: SweepNode): string | undefined {
  const view = viewAttempt(runtime.states.read(artifactOf(node.object).paths));
  return view.kind === 'ended' ? view.message : undefined;
}

function fail(book: SweepBook, node: SweepNode, message: string): void {
  book.set(node, { status: 'failed', message });
  book.skipDependants(node, `failed (${message})`);
}

function readyRecords(book: SweepBook): NodeRecord[] {
  return book
    .all()
    .filter(
      (record) =>
        record.status === 'waiting' &&
        record.node.dependencies.every((dependency) => book.record(dependency).status === 'done'),
    );
}

function inFlightRecords(book: SweepBook): NodeRecord[] {
  return book.all().filter((record) => record.status === 'queued' || record.status === 'running');
}

/** Waits one tick, or less when the executor reports that a job ended. */
function nextTick(options: DriverOptions): Promise<void> {
  return new Promise((resolve) => {
    const executor = options.executor;
    let unsubscribe = (): void => undefined;
    const timer = setTimeout(() => {
      unsubscribe();
      resolve();
    }, options.tickMs);
    if (isJobEndNotifier(executor)) {
      unsubscribe = executor.onJobEnd(() => {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      });
    }
  });
}

/** Says when the next scheduler probe round is due (every GREN_POLL_INTERVAL_SECS). */
class ProbeClock {
  private last = Date.now();
  constructor(private readonly intervalSec: number) {}

  due(): boolean {
    if (Date.now() - this.last < this.intervalSec * 1000) return false;
    this.last = Date.now();
    return true;
  }
}
