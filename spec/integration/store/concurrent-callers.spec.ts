import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  Field,
  GREN_CONFIG,
  Gren,
  GrenComputeError,
  GrenObject,
  GrenWaitTimeout,
  MISSING,
  parseIsoTime,
  readEvents,
  readState,
} from 'gren-ts';
import { eventually, finished, startChild } from '../../support/child-process';
import { useTempStore } from '../../support/temp-store';
import { SlowSquare } from '../children/pipelines';
import { SlowFailure } from '../children/store-pipelines';
import { artifactLog, deadPid, eventSummary, pythonLockLine, writeForeignAttempt } from './foreign-attempt';

jest.setTimeout(60_000);

let creates = 0;
let failNext = false;

/** A quick computation whose caller gives up waiting after 0.6 s. */
@Gren({ namespace: 'spec.store.table.Quick', maxWaitTimeSec: 0.6 })
class Quick extends GrenObject<string, Quick> {
  @Field() name: string = MISSING;

  protected _create(): string {
    creates += 1;
    if (failNext) {
      failNext = false;
      throw new Error('first try fails');
    }
    fs.writeFileSync(path.join(this.grenDir, 'value.txt'), this.name);
    return this.name;
  }

  protected _load(): string {
    return fs.readFileSync(path.join(this.grenDir, 'value.txt'), 'utf8');
  }
}

function minutesAgo(minutes: number): Date {
  return new Date(Date.now() - minutes * 60_000);
}

function lockOf(object: GrenObject): string {
  return path.join(object.grenDir, '.gren', '.compute.lock');
}

const WAIT_LINE = 'compute_lock: waiting for lock';

/** The waiter's "waiting for lock" lines in the artifact's log. */
function waitLines(dir: string): string[] {
  return artifactLog(dir)
    .split('\n')
    .filter((line) => line.includes(`${WAIT_LINE} ${dir}`));
}

/** The most log lines that share one timestamp (log lines carry whole seconds). */
function mostLinesInOneSecond(lines: string[]): number {
  const perSecond = new Map<string, number>();
  for (const line of lines) {
    const second = line.split(' ')[0]!;
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  return Math.max(0, ...perSecond.values());
}

describe('loadOrCreate while another party works on the artifact', () => {
  const store = useTempStore('gren-table-');
  let callsFile: string;

  beforeEach(() => {
    creates = 0;
    failNext = false;
    GREN_CONFIG.ignoreDiff = true;
    callsFile = path.join(store(), 'calls.txt');
    process.env.SPEC_CALLS_FILE = callsFile;
  });

  afterEach(() => {
    delete process.env.SPEC_CALLS_FILE;
  });

  const childEnv = (): Record<string, string> => ({
    GREN_PATH: store(),
    GREN_IGNORE_DIFF: '1',
    GREN_POLL_INTERVAL_SECS: '0.2',
    SPEC_CALLS_FILE: callsFile,
    SPEC_STARTED_FILE: path.join(store(), 'started'),
  });

  const calls = (): string[] => (fs.existsSync(callsFile) ? fs.readFileSync(callsFile, 'utf8').trim().split('\n') : []);

  describe('when another process on this host is computing (live pid, lock held)', () => {
    it('should wait, then load its result without a second _create', async () => {
      const holder = startChild('store-client.js', ['11', '1500'], childEnv());
      const holderDone = finished(holder);
      await eventually(() => fs.existsSync(path.join(store(), 'started')), 15_000, 'the holder to start _create');
      GREN_CONFIG.waitLogEverySecs = 0.5;

      const value = await new SlowSquare({ x: 11 }).loadOrCreate();

      expect(value).toBe(121);
      expect((await holderDone).code).toBe(0);
      expect(calls()).toEqual([`${holder.pid} create 11`, `${process.pid} load 11`]);
      const dir = new SlowSquare({ x: 11 }).grenDir;
      expect(eventSummary(dir)).toEqual(['attempt_started:running', 'attempt_finished:success']);
      expect(artifactLog(dir)).toContain(
        `load_or_create SlowSquare ${new SlowSquare({ x: 11 }).grenHash} ${dir} (running->wait)`,
      );
      // One line per 0.5 s at most, by the lines' own timestamps: never more than two in a second.
      expect(waitLines(dir).length).toBeGreaterThanOrEqual(1);
      expect(mostLinesInOneSecond(waitLines(dir))).toBeLessThanOrEqual(2);
    });
  });

  describe('when the other process on this host died (dead pid)', () => {
    it('should mark its attempt crashed/pid_dead, remove its lock, compute, and warn', async () => {
      const quick = new Quick({ name: 'after-dead-pid' });
      writeForeignAttempt(quick.grenDir, {
        host: os.hostname(),
        pid: deadPid(),
        startedAt: new Date(),
        leaseSec: 120,
        lockMtime: new Date(),
      });

      await expect(quick.loadOrCreate()).resolves.toBe('after-dead-pid');

      expect(creates).toBe(1);
      expect(eventSummary(quick.grenDir)).toEqual([
        'attempt_finished:crashed:pid_dead',
        'attempt_started:running',
        'attempt_finished:success',
      ]);
      expect(artifactLog(quick.grenDir)).toMatch(
        /\[WARNING\] gren \S+ state: restarting after stale attempt \(pid_dead\) /,
      );
      expect(readState(path.join(quick.grenDir, '.gren', 'state.json')).attempt?.number).toBe(2);
    });
  });

  describe('when another host is computing with fresh heartbeats', () => {
    it('should wait up to the class maxWaitTimeSec and throw GrenWaitTimeout, touching nothing', async () => {
      const quick = new Quick({ name: 'busy-elsewhere' });
      const stateText = writeForeignAttempt(quick.grenDir, {
        host: 'other-host',
        pid: process.pid,
        startedAt: new Date(),
        leaseSec: 120,
        lockMtime: new Date(),
      });

      const error = (await quick.loadOrCreate().catch((e: unknown) => e)) as GrenWaitTimeout;

      expect(error).toBeInstanceOf(GrenWaitTimeout);
      // The wait it measured itself: it gave up only past the class's limit, having polled meanwhile.
      expect(error.waitedSec).toBeGreaterThan(Quick.maxWaitTimeSec!);
      expect(error.message).toContain(`Timed out waiting for compute lock after ${error.waitedSec.toFixed(1)}s`);
      expect(error.message).toContain(quick.grenDir);
      expect(waitLines(quick.grenDir).length).toBeGreaterThanOrEqual(1);
      expect(creates).toBe(0);
      expect(fs.readFileSync(path.join(quick.grenDir, '.gren', 'state.json'), 'utf8')).toBe(stateText);
      expect(fs.existsSync(lockOf(quick))).toBe(true);
      expect(artifactLog(quick.grenDir)).toContain('(running->wait)');
    });
  });

  describe('when another host computed but its lease expired', () => {
    it('should mark its attempt crashed/lease_expired, remove its lock, compute, and warn', async () => {
      const quick = new Quick({ name: 'after-expired-lease' });
      writeForeignAttempt(quick.grenDir, {
        host: 'other-host',
        pid: 1,
        startedAt: minutesAgo(10),
        leaseSec: 120,
        lockMtime: minutesAgo(8),
      });

      await expect(quick.loadOrCreate()).resolves.toBe('after-expired-lease');

      expect(creates).toBe(1);
      expect(fs.existsSync(lockOf(quick))).toBe(false);
      expect(eventSummary(quick.grenDir)).toEqual([
        'attempt_finished:crashed:lease_expired',
        'attempt_started:running',
        'attempt_finished:success',
      ]);
      expect(artifactLog(quick.grenDir)).toMatch(
        /\[WARNING\] gren \S+ state: restarting after stale attempt \(lease_expired\) /,
      );
    });
  });

  describe('when the other side fails while this caller waits', () => {
    it('should throw GrenComputeError "Computation failed: <message>" without computing', async () => {
      const holder = startChild(
        'artifact-client.js',
        ['SlowFailure', JSON.stringify({ message: 'child exploded', sleepMs: 1500 }), 'load'],
        childEnv(),
      );
      const holderDone = finished(holder);
      await eventually(() => fs.existsSync(path.join(store(), 'started')), 15_000, 'the holder to start _create');

      const error = (await new SlowFailure({ message: 'child exploded' })
        .loadOrCreate()
        .catch((e: unknown) => e)) as GrenComputeError;

      expect(error).toBeInstanceOf(GrenComputeError);
      expect(error.message).toMatch(/^Computation failed: child exploded\n/);
      expect(error.statePath).toBe(
        path.join(new SlowFailure({ message: 'child exploded' }).grenDir, '.gren', 'state.json'),
      );
      expect((await holderDone).code).toBe(3);
      expect(calls()).toEqual([`${holder.pid} create child exploded`]);
    });
  });

  describe('when a lock is left with no active attempt (orphan)', () => {
    it('should take over a lock its dead holder stopped refreshing and compute at once', async () => {
      const quick = new Quick({ name: 'orphan' });
      writeForeignAttempt(quick.grenDir, {
        host: 'other-host',
        pid: 1,
        startedAt: minutesAgo(10),
        leaseSec: 120,
        status: 'crashed',
        lockMtime: minutesAgo(9),
      });

      await expect(quick.loadOrCreate()).resolves.toBe('orphan');

      // At once: the first look took the lock, so the caller never logged a wait.
      expect(artifactLog(quick.grenDir)).toContain(`${quick.grenDir} (create)`);
      expect(waitLines(quick.grenDir)).toEqual([]);
      expect(eventSummary(quick.grenDir)).toEqual(['attempt_started:running', 'attempt_finished:success']);
      expect(creates).toBe(1);
      expect(fs.existsSync(lockOf(quick))).toBe(false);
    });

    it('should take over a lock directory our previous version left, once its holder stopped refreshing it', async () => {
      const quick = new Quick({ name: 'old-orphan' });
      writeForeignAttempt(quick.grenDir, {
        host: 'other-host',
        pid: 1,
        startedAt: minutesAgo(10),
        leaseSec: 120,
        status: 'crashed',
        lockMtime: minutesAgo(9),
        lockKind: 'directory',
      });

      await expect(quick.loadOrCreate()).resolves.toBe('old-orphan');

      expect(creates).toBe(1);
      expect(fs.existsSync(lockOf(quick))).toBe(false);
    });

    it('should break at once the lock of a dead pid of this host whose attempt ended (a Python process killed by SIGTERM)', async () => {
      const quick = new Quick({ name: 'python-sigterm' });
      writeForeignAttempt(quick.grenDir, {
        host: os.hostname(),
        pid: deadPid(),
        startedAt: new Date(),
        leaseSec: 120,
        status: 'crashed',
        lockMtime: new Date(),
      });

      await expect(quick.loadOrCreate()).resolves.toBe('python-sigterm');

      expect(creates).toBe(1);
      expect(fs.existsSync(lockOf(quick))).toBe(false);
    });

    it.each(['file', 'directory'] as const)(
      'should wait a fresh orphan lock (%s) out until it is older than the lease (GREN_LEASE_SECS), then compute',
      async (kind) => {
        GREN_CONFIG.leaseSecs = 2;
        GREN_CONFIG.heartbeatSecs = 0.5;
        const square = new SlowSquare({ x: kind === 'file' ? 12 : 13, sleepMs: 1 });
        fs.mkdirSync(path.dirname(lockOf(square)), { recursive: true });
        // Last touched at the start of this second: state times are whole seconds too.
        const touched = new Date(Math.floor(Date.now() / 1000) * 1000);
        if (kind === 'directory') fs.mkdirSync(lockOf(square));
        else fs.writeFileSync(lockOf(square), pythonLockLine(process.pid, 'other-host', touched));
        fs.utimesSync(lockOf(square), touched, touched);

        await expect(square.loadOrCreate()).resolves.toBe(square.x ** 2);

        expect(waitLines(square.grenDir).length).toBeGreaterThanOrEqual(1);
        expect(calls()).toEqual([`${process.pid} create ${square.x}`]);
        // The attempt was recorded only once the lock was older than the lease, by the store's own times.
        const events = readEvents(path.join(square.grenDir, '.gren', 'events.jsonl'));
        expect(events.map((event) => event.type)).toEqual(['attempt_started', 'attempt_finished']);
        expect(parseIsoTime(events[0]!.ts)).toBeGreaterThanOrEqual(touched.getTime() + GREN_CONFIG.leaseSecs * 1000);
      },
    );
  });

  describe('when a state lock is left behind', () => {
    it.each([
      ['a directory our previous version left, untouched for 2 minutes', 'directory'],
      ['a Python lock file of a dead pid of this host', 'file'],
    ] as const)('should break %s and compute', async (_what, kind) => {
      const quick = new Quick({ name: `state-lock-${kind}` });
      const stateLock = path.join(quick.grenDir, '.gren', '.state.lock');
      fs.mkdirSync(path.dirname(stateLock), { recursive: true });
      if (kind === 'directory') {
        fs.mkdirSync(stateLock);
        fs.utimesSync(stateLock, minutesAgo(2), minutesAgo(2));
      } else {
        fs.writeFileSync(stateLock, pythonLockLine(deadPid(), os.hostname(), new Date()));
      }

      await expect(quick.loadOrCreate()).resolves.toBe(`state-lock-${kind}`);

      expect(creates).toBe(1);
      expect(fs.existsSync(stateLock)).toBe(false);
    });
  });

  describe('when the result failed and no one holds the lock', () => {
    it('should retry at once and warn "retrying after previous failure"', async () => {
      failNext = true;
      const quick = new Quick({ name: 'second-try' });
      await expect(quick.loadOrCreate()).rejects.toThrow(GrenComputeError);

      await expect(new Quick({ name: 'second-try' }).loadOrCreate()).resolves.toBe('second-try');

      expect(creates).toBe(2);
      expect(eventSummary(quick.grenDir)).toEqual([
        'attempt_started:running',
        'attempt_finished:failed',
        'attempt_started:running',
        'attempt_finished:success',
      ]);
      expect(artifactLog(quick.grenDir)).toMatch(/\[WARNING\] gren \S+ state: retrying after previous failure /);
    });
  });
});
