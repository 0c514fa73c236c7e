import { defaultState, type GrenState } from 'gren-ts';
import { liveReason, type LivenessFacts } from '../../../lib/src/store/attempt-liveness';
import { finishStopped, startAttempt } from '../../../lib/src/storage/transitions';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const owner = (host: string, pid: number) => ({
  pid,
  host,
  hostname: host,
  user: 'u',
  command: null,
  timestamp: null,
  python_version: null,
  executable: null,
  platform: null,
});

function attempt(status: 'running' | 'queued', startedAt: Date, leaseSec: number, host = 'here', pid = 42): GrenState {
  return startAttempt(
    defaultState(),
    { id: 'a'.repeat(32), status, backend: 'local', leaseSec, owner: owner(host, pid) },
    startedAt,
  ).state;
}

function facts(alive: number[] = []): LivenessFacts {
  return { nowMs: NOW, hostname: 'here', isPidAlive: (pid) => alive.includes(pid), staleAfterSecs: 1800 };
}

describe(liveReason, () => {
  it('should count a present compute lock, whatever the state says', () => {
    expect(liveReason({ state: defaultState(), computeLock: true }, facts())).toContain('compute lock');
  });

  it('should count a running attempt while its lease runs', () => {
    const state = attempt('running', new Date(NOW - 10_000), 120);
    expect(liveReason({ state, computeLock: false }, facts())).toMatch(/attempt #1 running, lease until/);
  });

  it('should count a running attempt with an expired lease whose pid lives on this host', () => {
    const state = attempt('running', new Date(NOW - 3_600_000), 120);
    expect(liveReason({ state, computeLock: false }, facts([42]))).toContain('pid 42 alive');
    expect(liveReason({ state, computeLock: false }, facts())).toBeUndefined();
  });

  it('should not trust a live pid of another host', () => {
    const state = attempt('running', new Date(NOW - 3_600_000), 120, 'elsewhere');
    expect(liveReason({ state, computeLock: false }, facts([42]))).toBeUndefined();
  });

  it('should count a queued attempt for GREN_STALE_AFTER_SECS after submission', () => {
    expect(
      liveReason({ state: attempt('queued', new Date(NOW - 600_000), 120), computeLock: false }, facts()),
    ).toContain('queued since');
    expect(
      liveReason({ state: attempt('queued', new Date(NOW - 3_600_000), 120), computeLock: false }, facts()),
    ).toBeUndefined();
  });

  it('should not count an ended attempt or an unreadable state', () => {
    const started = attempt('running', new Date(NOW - 10_000), 120);
    const crashed = finishStopped(started, 'a'.repeat(32), 'crashed', null, 'pid_dead', new Date(NOW))!.state;
    expect(liveReason({ state: crashed, computeLock: false }, facts())).toBeUndefined();
    expect(liveReason({ state: undefined, computeLock: false }, facts())).toBeUndefined();
  });
});
