import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readEvents, readState, type GrenState } from 'gren-ts';
import type { ExperimentDetail, ExperimentList } from '../../../dashboard-api/src/contract/api-types';
import { ensureBuiltCli } from '../../../dashboard-api/test/support/built-cli';
import { startDashboard, type DashboardServer } from '../../browser/support/dashboard-server';
import { eventually, finished, runChild, startChild } from '../../support/child-process';
import { Faulty, type KillPoint } from '../children/fault-pipelines';

jest.setTimeout(120_000);

const NAMESPACE = 'spec.faults.Faulty';
/** `{"pid": <int>, "host": <str>, "created_at": <ISO>, "lock_id": <uuid hex>}` and a newline, with Python's separators. */
const PYTHON_LOCK_LINE =
  /^\{"pid": \d+, "host": "[^"]*", "created_at": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", "lock_id": "[0-9a-f]{32}"\}\n$/;

interface Scenario {
  point: Exclude<KillPoint, 'none'>;
  x: number;
  /** What is on disk once the process is dead. */
  leftBehind: { metadata: boolean; value: boolean; marker: boolean };
  /** What the next call does: compute again, or promote the marker's attempt to success. */
  recovery: 'recompute' | 'promote';
  /** `create <x>` lines in the calls file after the recovery (both processes). */
  creates: number;
}

const SCENARIOS: Scenario[] = [
  {
    point: 'after-attempt',
    x: 1,
    leftBehind: { metadata: false, value: false, marker: false },
    recovery: 'recompute',
    creates: 1,
  },
  {
    point: 'after-metadata',
    x: 2,
    leftBehind: { metadata: true, value: false, marker: false },
    recovery: 'recompute',
    creates: 1,
  },
  {
    point: 'after-create',
    x: 3,
    leftBehind: { metadata: true, value: true, marker: false },
    recovery: 'recompute',
    creates: 2,
  },
  {
    point: 'after-marker',
    x: 4,
    leftBehind: { metadata: true, value: true, marker: true },
    recovery: 'promote',
    creates: 1,
  },
];

/**
 * A process computing an artifact is killed with a real SIGKILL at each step of its attempt
 * (children/fault-client.ts stops there and waits for the signal). The store it leaves is
 * checked on disk and through the real dashboard (the compiled CLI in a child process), then
 * the next call — a fresh process — must recover it, and the dashboard must show that too.
 */
describe('an attempt killed with SIGKILL at every step', () => {
  let store: string;
  let dashboard: DashboardServer;
  let callsFile: string;

  beforeAll(async () => {
    ensureBuiltCli();
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-faults-'));
    callsFile = path.join(store, 'calls.txt');
    fs.mkdirSync(path.join(store, 'data'));
    dashboard = await startDashboard(store);
  }, 60_000);

  afterAll(async () => {
    await dashboard?.stop();
    fs.rmSync(store, { recursive: true, force: true });
  });

  const env = (readyFile: string): Record<string, string> => ({
    GREN_PATH: store,
    SPEC_CALLS_FILE: callsFile,
    SPEC_KILL_READY: readyFile,
    GREN_IGNORE_DIFF: '1',
    GREN_POLL_INTERVAL_SECS: '0.2',
  });

  const calls = (x: number): string[] =>
    (fs.existsSync(callsFile) ? fs.readFileSync(callsFile, 'utf8').trim().split('\n') : [])
      .map((line) => line.split(' ').slice(1).join(' '))
      .filter((call) => call.endsWith(` ${x}`));

  /** The dashboard's view of the artifact, once `accept` holds for it (the index follows the store). */
  async function dashboardShows(
    hash: string,
    accept: (detail: ExperimentDetail) => boolean,
    what: string,
  ): Promise<ExperimentDetail> {
    let last: unknown;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${dashboard.url}/api/experiments/${NAMESPACE}/${hash}`);
      last = response.status === 200 ? await response.json() : response.status;
      if (typeof last === 'object' && accept(last as ExperimentDetail)) return last as ExperimentDetail;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the dashboard never showed ${what}; last answer: ${JSON.stringify(last)}`);
  }

  async function listed(hash: string): Promise<ExperimentList['experiments'][number] | undefined> {
    const list = (await (
      await fetch(`${dashboard.url}/api/experiments?namespace=${NAMESPACE}`)
    ).json()) as ExperimentList;
    return list.experiments.find((row) => row.gren_hash === hash);
  }

  /** The dead process of each scenario, and the state it left. */
  const dead = new Map<KillPoint, { pid: number; state: GrenState }>();
  const internal = (scenario: Scenario): string =>
    path.join(store, 'data', ...NAMESPACE.split('.'), new Faulty({ x: scenario.x }).grenHash, '.gren');
  const hashOf = (scenario: Scenario): string => new Faulty({ x: scenario.x }).grenHash;

  /** Runs a child to its kill point, SIGKILLs it there, and records what it left. */
  async function killAt(scenario: Scenario): Promise<void> {
    const readyFile = path.join(store, `ready-${scenario.point}`);
    const child: ChildProcess = startChild('fault-client.js', [scenario.point, String(scenario.x)], env(readyFile));
    const exit = finished(child);
    await eventually(
      // Written by the child with writeFileSync: it exists, empty, a moment before the pid is in.
      () => (fs.existsSync(readyFile) && fs.readFileSync(readyFile, 'utf8') !== '') || child.exitCode !== null,
      30_000,
      `the child to reach ${scenario.point}`,
    );
    expect(child.exitCode).toBeNull();
    const pid = Number(fs.readFileSync(readyFile, 'utf8'));
    expect(pid).toBe(child.pid);
    child.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    dead.set(scenario.point, { pid, state: readState(path.join(internal(scenario), 'state.json')) });
  }

  describe.each(SCENARIOS)('when killed $point', (scenario) => {
    beforeAll(() => killAt(scenario));

    it('should leave the running attempt of the dead process, and exactly the files written before the kill', () => {
      const { pid, state } = dead.get(scenario.point)!;
      expect(state.result.status).toBe('incomplete');
      expect(state.attempt).toMatchObject({ status: 'running', number: 1, owner: { pid, host: os.hostname() } });
      const folder = internal(scenario);
      expect({
        metadata: fs.existsSync(path.join(folder, 'metadata.json')),
        value: fs.existsSync(path.join(path.dirname(folder), 'value.json')),
        marker: fs.existsSync(path.join(folder, 'SUCCESS.json')),
      }).toEqual(scenario.leftBehind);
      if (scenario.leftBehind.marker) {
        const marker = JSON.parse(fs.readFileSync(path.join(folder, 'SUCCESS.json'), 'utf8')) as { attempt_id: string };
        expect(marker.attempt_id).toBe(state.attempt?.id);
      }
      // Nothing half-written: no temp files; the compute lock as the dead holder left it.
      expect(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(fs.existsSync(path.join(folder, '.compute.lock'))).toBe(true);
    });

    it('should leave only locks the Python gren can break: files holding its JSON line with the dead pid, never a directory', () => {
      const { pid } = dead.get(scenario.point)!;
      const folder = internal(scenario);
      const locks = fs.readdirSync(folder).filter((name) => name.endsWith('.lock'));
      // The points inside a state update also leave the state lock.
      expect(locks).toEqual(expect.arrayContaining(['.compute.lock']));
      for (const name of locks) {
        const file = path.join(folder, name);
        expect(fs.statSync(file).isFile()).toBe(true);
        const text = fs.readFileSync(file, 'utf8');
        expect(text).toMatch(PYTHON_LOCK_LINE);
        expect(JSON.parse(text)).toMatchObject({ pid, host: os.hostname() });
      }
    });

    it('should be shown by the dashboard as the store records it: incomplete, attempt 1 running in the dead process', async () => {
      const { pid, state } = dead.get(scenario.point)!;
      const detail = await dashboardShows(
        hashOf(scenario),
        (d) => d.attempt?.owner.pid === pid,
        `the attempt of pid ${pid}`,
      );
      expect(detail).toMatchObject({ result_status: 'incomplete', attempt_status: 'running', attempt_number: 1 });
      expect(detail.attempt).toMatchObject({ id: state.attempt?.id, status: 'running', owner: { pid } });
      expect(detail.metadata === null).toBe(!scenario.leftBehind.metadata);
      expect(await listed(hashOf(scenario))).toMatchObject({ result_status: 'incomplete', attempt_status: 'running' });
    });
  });

  describe('when the next call comes (a fresh process per artifact, all at once)', () => {
    const recovered = new Map<KillPoint, number>();

    beforeAll(async () => {
      // The dead holder's locks are made to look freshly refreshed (touched a day ahead), so
      // their age can never let them be broken: the recovery must break them at once, because
      // their pid is dead on this host. (A kill inside a state update leaves .state.lock too.)
      const aDayAhead = new Date(Date.now() + 86_400_000);
      for (const scenario of SCENARIOS) {
        for (const name of fs.readdirSync(internal(scenario)).filter((file) => file.endsWith('.lock'))) {
          fs.utimesSync(path.join(internal(scenario), name), aDayAhead, aDayAhead);
        }
      }
      await Promise.all(
        SCENARIOS.map(async (scenario) => {
          const result = await runChild('fault-client.js', ['none', String(scenario.x)], env('/dev/null'));
          expect(result.stderr).toBe('');
          recovered.set(scenario.point, (JSON.parse(result.stdout) as { value: number }).value);
        }),
      );
    }, 90_000);

    it.each(SCENARIOS)(
      'should recover $point ($recovery) and the dashboard should show the success',
      async (scenario) => {
        const { state: deadState } = dead.get(scenario.point)!;
        expect(recovered.get(scenario.point)).toBe(scenario.x * 10);
        const folder = internal(scenario);
        const state = readState(path.join(folder, 'state.json'));
        expect(state.result.status).toBe('success');
        expect(calls(scenario.x).filter((call) => call.startsWith('create'))).toHaveLength(scenario.creates);
        const events = readEvents(path.join(folder, 'events.jsonl'));
        const transitions = events.map((event) => `${event.type}:${String(event.status)}`);
        if (scenario.recovery === 'promote') {
          // The marker proves the dead process's attempt finished: it becomes the success, _load gives the value.
          expect(state.attempt).toMatchObject({ id: deadState.attempt?.id, number: 1, status: 'success' });
          expect(calls(scenario.x)).toEqual([`create ${scenario.x}`, `load ${scenario.x}`]);
          expect(transitions).toEqual(['attempt_started:running', 'attempt_finished:success']);
        } else {
          // The dead attempt is closed as crashed (its pid is gone on this host), then a new one succeeds.
          expect(state.attempt).toMatchObject({ number: 2, status: 'success' });
          expect(state.attempt?.id).not.toBe(deadState.attempt?.id);
          expect(transitions).toEqual([
            'attempt_started:running',
            'attempt_finished:crashed',
            'attempt_started:running',
            'attempt_finished:success',
          ]);
          expect(events.find((event) => event.status === 'crashed')).toMatchObject({
            attempt_id: deadState.attempt?.id,
            reason: 'pid_dead',
          });
        }
        expect(fs.existsSync(path.join(folder, 'SUCCESS.json'))).toBe(true);
        // Every recovery, a promotion too, breaks the dead holder's locks.
        expect(fs.readdirSync(folder).sort()).toEqual([
          'SUCCESS.json',
          'events.jsonl',
          'gren.log',
          'metadata-ts.json',
          'metadata.json',
          'state.json',
        ]);

        const detail = await dashboardShows(hashOf(scenario), (d) => d.result_status === 'success', 'success');
        expect(detail).toMatchObject({
          result_status: 'success',
          attempt_status: 'success',
          attempt_number: scenario.recovery === 'promote' ? 1 : 2,
        });
        expect(await listed(hashOf(scenario))).toMatchObject({ result_status: 'success', attempt_status: 'success' });
      },
    );
  });
});
