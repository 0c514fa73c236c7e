import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ArtifactPaths, readEvents } from 'gren-ts';
import { StateStore } from '../../../lib/src/storage/state-store';
import { readSuccessMarker, removeSuccessMarker, writeSuccessMarker } from '../../../lib/src/storage/success-marker';
import { finishSuccess, invalidate, startAttempt } from '../../../lib/src/storage/transitions';
import { owner, T0 } from './state-samples';

const ID = '1cc56b2b4a2f47f092b179b055f5570c';
const HOST = os.hostname();

describe('StateStore', () => {
  let dir: string;
  let paths: ArtifactPaths;
  let store: StateStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-state-store-'));
    paths = new ArtifactPaths(dir);
    fs.mkdirSync(paths.internalDir);
    store = new StateStore({ now: () => T0 });
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('when a transition is applied', () => {
    it('should stamp updated_at, write state.json and append one event line per event in Python json.dumps format', async () => {
      await store.update(paths, (state, now) =>
        startAttempt(state, { id: ID, status: 'running', backend: 'local', leaseSec: 120, owner: owner() }, now),
      );
      await store.update(paths, (state, now) => finishSuccess(state, ID, now));
      await store.update(paths, (state, now) => invalidate(state, 'force_recompute enabled', now));

      expect(store.read(paths).updated_at).toBe('2026-11-26T04:19:13+00:00');
      expect(fs.readFileSync(paths.events, 'utf8')).toBe(
        [
          `{"ts": "2026-11-26T04:19:13+00:00", "pid": ${process.pid}, "host": ${JSON.stringify(HOST)}, "type": "attempt_started", "attempt_id": "${ID}", "backend": "local", "status": "running"}`,
          `{"ts": "2026-11-26T04:19:13+00:00", "pid": ${process.pid}, "host": ${JSON.stringify(HOST)}, "type": "attempt_finished", "attempt_id": "${ID}", "status": "success"}`,
          `{"ts": "2026-11-26T04:19:13+00:00", "pid": ${process.pid}, "host": ${JSON.stringify(HOST)}, "type": "result_invalidated", "reason": "force_recompute enabled", "at": "2026-11-26T04:19:13+00:00"}`,
          '',
        ].join('\n'),
      );
      expect(readEvents(paths.events).map((event) => event.type)).toEqual([
        'attempt_started',
        'attempt_finished',
        'result_invalidated',
      ]);
    });

    it('should escape non-ASCII in event fields as Python does', () => {
      store.appendEvent(paths, { type: 'result_invalidated', reason: 'r\u00e9sum\u00e9 \u2713', at: 'x' });

      expect(fs.readFileSync(paths.events, 'utf8')).toContain('"reason": "r\\u00e9sum\\u00e9 \\u2713"');
    });
  });

  describe('when the mutation returns undefined', () => {
    it('should write nothing: no state.json, no events, no temp files', async () => {
      const outcome = await store.update(paths, () => undefined);

      expect(outcome.changed).toBe(false);
      expect(outcome.state.result.status).toBe('absent');
      expect(fs.readdirSync(paths.internalDir)).toEqual([]);
    });
  });
});

describe('success marker', () => {
  let dir: string;
  let paths: ArtifactPaths;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-marker-'));
    paths = new ArtifactPaths(dir);
    fs.mkdirSync(paths.internalDir);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('when written', () => {
    it('should hold the attempt id and time with 2-space indentation, atomically (no temp file left)', () => {
      writeSuccessMarker(paths, ID, T0);

      expect(fs.readFileSync(paths.success, 'utf8')).toBe(
        `{\n  "attempt_id": "${ID}",\n  "created_at": "2026-11-26T04:19:13+00:00"\n}`,
      );
      expect(fs.readdirSync(paths.internalDir)).toEqual(['SUCCESS.json']);
      expect(readSuccessMarker(paths)).toBe(ID);
    });
  });

  describe('when missing, corrupt or removed', () => {
    it('should read as undefined', () => {
      expect(readSuccessMarker(paths)).toBeUndefined();
      fs.writeFileSync(paths.success, '{"attempt_id": ');
      expect(readSuccessMarker(paths)).toBeUndefined();
      removeSuccessMarker(paths);
      expect(fs.existsSync(paths.success)).toBe(false);
      expect(() => removeSuccessMarker(paths)).not.toThrow();
    });
  });
});
