import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readEvents, readState } from 'gren-ts';
import { runChild } from '../../support/child-process';
import { checkStoreFiles } from '../../schemas/store-file-checks';
import { PYTHON_KILLED } from '../../support/fixtures';
import { TrainModel } from '../children/interop-models';

jest.setTimeout(60_000);

const TRAIN_DIR = path.join('data', 'interop_models', 'TrainModel', 'd2d312529482e89f2987');
const DATASET_DIR = path.join('data', 'interop_models', 'PrepareDataset', '297404f3bfb23f009f8a');
const PYTHON_ATTEMPT = 'a57cccb64abd44f5885a8c8611a72eca';

/**
 * A copy of the store a real Python gren 0.2.0 left when SIGKILLed in `TrainModel._create`:
 * its running attempt of a dead pid and its compute-lock *file*. Two of our processes then
 * ask for the same result at once.
 */
describe('a store left by a Python process killed in _create', () => {
  let store: string;
  let outputs: { code: number | null; stdout: string; stderr: string }[];

  const calls = (): string[] => {
    const file = path.join(store, 'calls.txt');
    return fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(' ').slice(1).join(' '))
      : [];
  };

  beforeAll(async () => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-python-killed-'));
    fs.cpSync(PYTHON_KILLED, store, { recursive: true });
    const env = {
      GREN_PATH: store,
      SPEC_CALLS_FILE: path.join(store, 'calls.txt'),
      GREN_IGNORE_DIFF: '1',
      GREN_POLL_INTERVAL_SECS: '0.2',
    };
    const run = (): ReturnType<typeof runChild> =>
      runChild('artifact-client.js', ['TrainModel', JSON.stringify({ lr: 0.0005 }), 'load'], env);
    outputs = await Promise.all([run(), run()]);
  });

  afterAll(() => fs.rmSync(store, { recursive: true, force: true }));

  it('should address the same artifact as the Python process (same hash)', () => {
    expect(new TrainModel({ lr: 0.0005 }).grenHash).toBe(path.basename(TRAIN_DIR));
    expect(new TrainModel({ lr: 0.0005 }).dataset.grenHash).toBe(path.basename(DATASET_DIR));
  });

  it('should give both callers the result, computed once, on top of the dataset Python computed', () => {
    for (const output of outputs) {
      expect(output.stderr).toBe('');
      expect(output.code).toBe(0);
      expect(JSON.parse(output.stdout)).toMatchObject({
        results: [{ by: 'ts', lr: 0.0005, steps: 1000, dataset: { name: 'toy', rows: 100, by: 'py' } }],
      });
    }
    expect(calls()).toEqual(['create TrainModel d2d312529482e89f2987']);
  });

  it("should close Python's attempt as crashed, then record ours as attempt 2", () => {
    const internal = path.join(store, TRAIN_DIR, '.gren');
    const state = readState(path.join(internal, 'state.json'));
    expect(state.result.status).toBe('success');
    expect(state.attempt).toMatchObject({ number: 2, status: 'success', backend: 'local' });
    const events = readEvents(path.join(internal, 'events.jsonl'));
    expect(events.map((event) => `${event.type}:${String(event.status)}`)).toEqual([
      'attempt_started:running',
      'attempt_finished:crashed',
      'attempt_started:running',
      'attempt_finished:success',
    ]);
    // pid_dead when this machine is the fixture's host "vm"; otherwise its lease (expired long ago) decides.
    expect(events[1]).toMatchObject({
      attempt_id: PYTHON_ATTEMPT,
      reason: expect.stringMatching(/^(pid_dead|lease_expired)$/),
    });
  });

  it("should break Python's compute-lock file and leave no lock behind", () => {
    const internal = path.join(store, TRAIN_DIR, '.gren');
    expect(
      fs
        .readdirSync(internal)
        .filter((name) => name.includes('lock'))
        .sort(),
    ).toEqual([]);
    expect(fs.readdirSync(path.join(store, DATASET_DIR, '.gren')).filter((name) => name.includes('lock'))).toEqual([]);
  });

  it("should leave every file as the Python gren's strict schemas want it (its get_metadata() accepts our metadata.json)", () => {
    const check = checkStoreFiles(store);

    expect(check.problems).toEqual([]);
    expect(check.counts.metadata).toBe(2);
    expect(check.counts.typescriptMetadata).toBe(1);
  });
});
