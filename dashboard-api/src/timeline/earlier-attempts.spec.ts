import { attemptsOf } from './earlier-attempts';

const at = (minute: number): string => `2026-02-03T01:${String(minute).padStart(2, '0')}:00+00:00`;

describe(attemptsOf, () => {
  it('should pair starts and ends by attempt id, and end an attempt without an event where the next began', () => {
    const attempts = attemptsOf([
      { ts: at(0), pid: 1, host: 'n1', type: 'attempt_started', attempt_id: 'a', backend: 'slurm', status: 'queued' },
      { ts: at(1), pid: 1, host: 'n1', type: 'attempt_running', attempt_id: 'a', backend: 'slurm' },
      { ts: at(5), pid: 1, host: 'n1', type: 'attempt_finished', attempt_id: 'a', status: 'preempted' },
      { ts: at(6), pid: 2, host: 'n2', type: 'attempt_started', attempt_id: 'b', backend: 'local', status: 'running' },
      { ts: at(7), pid: 2, host: 'n2', type: 'result_invalidated', reason: 'x', at: at(7) },
      { ts: at(9), pid: 3, host: 'n3', type: 'attempt_started', attempt_id: 'c', backend: 'local', status: 'running' },
    ]);
    expect(attempts.map((a) => [a.id, a.number, a.host, a.status, a.startedAt, a.endedAt])).toEqual([
      ['a', 1, 'n1', 'preempted', at(0), at(5)],
      ['b', 2, 'n2', 'crashed', at(6), at(9)],
      ['c', 3, 'n3', 'crashed', at(9), null],
    ]);
  });

  it('should ignore events without an attempt id and a second start of the same attempt', () => {
    const attempts = attemptsOf([
      { ts: at(0), pid: 1, host: 'n1', type: 'attempt_started', attempt_id: 'a', status: 'queued' },
      { ts: at(2), pid: 1, host: 'n1', type: 'attempt_started', attempt_id: 'a', status: 'running' },
      { ts: at(3), pid: 1, host: 'n1', type: 'attempt_finished', status: 'success' },
    ]);
    expect(attempts.map((a) => [a.id, a.startedAt, a.status])).toEqual([['a', at(0), 'crashed']]);
  });
});
