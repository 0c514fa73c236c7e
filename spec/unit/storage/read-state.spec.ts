import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GrenStateError } from 'gren-ts';
import { writeFileAtomic } from '../../../lib/src/storage/atomic-write';
import { readState, type ShortReadRetry } from '../../../lib/src/storage/read-state';
import { PYTHON_STORE } from '../../support/fixtures';

const WHOLE = fs.readFileSync(
  path.join(PYTHON_STORE, 'data/refstore/pipelines/Scalars/e5a6d26be6fecd04947c/.gren/state.json'),
  'utf8',
);
/** What a network client returns when it cuts the read at a shorter file's cached length. */
const CUT_SHORT = WHOLE.slice(0, Math.floor(WHOLE.length * 0.8));

describe('readState', () => {
  let dir = '';
  let file = '';

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-read-state-'));
    file = path.join(dir, 'state.json');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('when a read that may be short does not parse and the whole file is there on the next read', () => {
    it('should read again and return the whole state', () => {
      fs.writeFileSync(file, CUT_SHORT);
      let reads = 0;
      const retry: ShortReadRetry = { delaysMs: [0, 1], mayReadShort: () => true };

      const state = readState(
        file,
        () => {
          reads += 1;
          // The writer on "another host" has already renamed the whole state into place.
          if (reads === 1) writeFileAtomic(file, WHOLE);
        },
        retry,
      );

      expect(state.result.status).toBe('success');
      expect(reads).toBeGreaterThanOrEqual(2);
    });
  });

  describe('when the file stays unparsable through every retry', () => {
    it('should call it invalid JSON after the last one', () => {
      fs.writeFileSync(file, CUT_SHORT);
      let reads = 0;

      const read = (): unknown =>
        readState(file, () => (reads += 1), { delaysMs: [0, 1, 1], mayReadShort: () => true });

      expect(read).toThrow(GrenStateError);
      // The first read and one per retry (a refused direct read opens the file once more).
      expect(reads).toBeGreaterThanOrEqual(4);
      expect(read).toThrow(/Invalid JSON in state file/);
    });
  });

  describe('when the file lies on a local filesystem', () => {
    it('should call an unparsable file invalid at once, without reading it again', () => {
      fs.writeFileSync(file, CUT_SHORT);
      let reads = 0;

      expect(() => readState(file, () => (reads += 1))).toThrow(/Invalid JSON in state file/);
      expect(reads).toBe(1);
    });
  });
});
