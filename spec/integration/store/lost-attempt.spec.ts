import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, finished, startChild } from '../../support/child-process';
import { readEvents } from '../../../lib/src/storage/read-events';
import { readState } from '../../../lib/src/storage/read-state';
import { FOREIGN_ATTEMPT_ID, writeForeignAttempt } from './foreign-attempt';

jest.setTimeout(60_000);

describe('a holder whose attempt was taken over while _create ran', () => {
  let store: string;

  beforeEach(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-lost-'));
  });

  afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

  describe('when the process that took over records its own result', () => {
    it('should not return its own value but the recorded one, and record nothing itself', async () => {
      const startedFile = path.join(store, 'started');
      const env = {
        GREN_PATH: store,
        GREN_IGNORE_DIFF: '1',
        GREN_POLL_INTERVAL_SECS: '0.2',
        SPEC_STARTED_FILE: startedFile,
      };
      const holder = startChild('store-client.js', ['7', '1500'], env);
      const holderDone = finished(holder);
      await eventually(() => fs.existsSync(startedFile), 15_000, 'the holder to start _create');
      const dir = path.join(
        store,
        'data',
        'spec',
        'children',
        'SlowSquare',
        fs.readdirSync(path.join(store, 'data', 'spec', 'children', 'SlowSquare'))[0]!,
      );
      const ownAttempt = readState(path.join(dir, '.gren', 'state.json')).attempt!.id;
      // Another host declared the holder crashed and took the artifact over.
      writeForeignAttempt(dir, { host: 'other-host', pid: 4242, startedAt: new Date(), leaseSec: 600 });
      await eventually(() => fs.existsSync(path.join(dir, 'value.json')), 15_000, 'the holder to finish _create');
      fs.writeFileSync(path.join(dir, 'value.json'), '1234');
      writeForeignAttempt(dir, {
        host: 'other-host',
        pid: 4242,
        startedAt: new Date(),
        leaseSec: 600,
        status: 'success',
      });

      const result = await holderDone;

      expect(result.stderr).toBe('');
      expect((JSON.parse(result.stdout) as { results: number[] }).results).toEqual([1234]);
      const state = readState(path.join(dir, '.gren', 'state.json'));
      expect(state.attempt?.id).toBe(FOREIGN_ATTEMPT_ID);
      const ownFinish = readEvents(path.join(dir, '.gren', 'events.jsonl')).filter(
        (event) => event.type === 'attempt_finished' && event.attempt_id === ownAttempt,
      );
      expect(ownFinish).toEqual([]);
      expect(fs.existsSync(path.join(dir, '.gren', 'SUCCESS.json'))).toBe(false);
    });
  });
});
