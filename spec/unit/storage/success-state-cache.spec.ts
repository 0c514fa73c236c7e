import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GrenStateError } from 'gren-ts';
import { writeFileAtomic } from '../../../lib/src/storage/atomic-write';
import { SuccessStateCache } from '../../../lib/src/storage/success-state-cache';
import { PYTHON_STORE } from '../../support/fixtures';

const SUCCESS_TEXT = fs.readFileSync(
  path.join(PYTHON_STORE, 'data/refstore/pipelines/Scalars/e5a6d26be6fecd04947c/.gren/state.json'),
  'utf8',
);

const RESULT_SUCCESS = '"status": "success",\n    "created_at": "2026-11-26T04:21:00+00:00"';

/** The same state with the result's created_at changed: a different file of the same size. */
function sameSizeVariant(text: string, hour: string): string {
  return text.replace('"created_at": "2026-11-26T04:21:00+00:00"', `"created_at": "2026-11-26T${hour}:21:00+00:00"`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('SuccessStateCache', () => {
  let dir = '';
  let file = '';

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-success-cache-'));
    file = path.join(dir, 'state.json');
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('when a successful state.json has not changed for longer than the racy window', () => {
    it('should parse it once and answer later reads from memory with a frozen state', async () => {
      fs.writeFileSync(file, SUCCESS_TEXT);
      await sleep(60);
      const cache = new SuccessStateCache({ racyWindowMs: 50, maxEntries: 10 });

      const first = cache.read(file);
      const second = cache.read(file);

      expect(first.result.status).toBe('success');
      expect(second).toBe(first);
      expect(cache.size).toBe(1);
      expect(Object.isFrozen(first.attempt)).toBe(true);
      expect(() => {
        (first.result as { status: string }).status = 'absent';
      }).toThrow(TypeError);
    });

    it('should see a replacement written by rename, even one of the same size', async () => {
      fs.writeFileSync(file, SUCCESS_TEXT);
      await sleep(60);
      const cache = new SuccessStateCache({ racyWindowMs: 50, maxEntries: 10 });
      cache.read(file);

      const replacement = sameSizeVariant(SUCCESS_TEXT, '09');
      expect(replacement.length).toBe(SUCCESS_TEXT.length);
      writeFileAtomic(file, replacement);

      expect(cache.read(file).result).toEqual({ status: 'success', created_at: '2026-11-26T09:21:00+00:00' });
    });

    it('should see an in-place rewrite of the same size and inode', async () => {
      fs.writeFileSync(file, SUCCESS_TEXT);
      await sleep(60);
      const cache = new SuccessStateCache({ racyWindowMs: 50, maxEntries: 10 });
      cache.read(file);
      const inode = fs.statSync(file).ino;

      fs.writeFileSync(file, sameSizeVariant(SUCCESS_TEXT, '10'));

      expect(fs.statSync(file).ino).toBe(inode);
      expect(cache.read(file).result).toEqual({ status: 'success', created_at: '2026-11-26T10:21:00+00:00' });
    });

    it('should see the result invalidated and the file deleted', async () => {
      fs.writeFileSync(file, SUCCESS_TEXT);
      await sleep(60);
      const cache = new SuccessStateCache({ racyWindowMs: 50, maxEntries: 10 });
      cache.read(file);

      writeFileAtomic(file, SUCCESS_TEXT.replace(RESULT_SUCCESS, '"status": "absent"'));
      expect(cache.read(file).result.status).toBe('absent');

      fs.rmSync(file);
      expect(cache.read(file).result.status).toBe('absent');
      expect(cache.size).toBe(0);
    });
  });

  describe('when the file changed within the racy window', () => {
    it('should read it from disk every time, because a second write in the same timestamp tick could go unseen', () => {
      fs.writeFileSync(file, SUCCESS_TEXT);
      const cache = new SuccessStateCache({ racyWindowMs: 60_000, maxEntries: 10 });

      const first = cache.read(file);

      expect(cache.read(file)).not.toBe(first);
      expect(cache.size).toBe(0);
    });
  });

  it('should read from the file every time on a filesystem not known to be local', async () => {
    // No network filesystem can be mounted here: the temporary directory's (local) type is
    // left out of the local list instead, which is how an NFS mount is seen.
    fs.writeFileSync(file, SUCCESS_TEXT);
    await sleep(60);
    const cache = new SuccessStateCache({ racyWindowMs: 50, maxEntries: 10, localFilesystemTypes: new Set() });

    const first = cache.read(file);

    expect(cache.read(file)).not.toBe(first);
    expect(cache.read(file).result.status).toBe('success');
    expect(cache.size).toBe(0);
  });

  it('should not keep states that are not successes, nor a missing file', async () => {
    fs.writeFileSync(file, SUCCESS_TEXT.replace(RESULT_SUCCESS, '"status": "failed"'));
    await sleep(60);
    const cache = new SuccessStateCache({ racyWindowMs: 50, maxEntries: 10 });

    expect(cache.read(file).result.status).toBe('failed');
    expect(cache.read(path.join(dir, 'missing.json')).result.status).toBe('absent');
    expect(cache.size).toBe(0);
  });

  it('should forget the oldest entry beyond maxEntries', async () => {
    const files = ['a', 'b', 'c'].map((name) => path.join(dir, `${name}.json`));
    for (const each of files) fs.writeFileSync(each, SUCCESS_TEXT);
    await sleep(60);
    const cache = new SuccessStateCache({ racyWindowMs: 50, maxEntries: 2 });

    for (const each of files) cache.read(each);

    expect(cache.size).toBe(2);
  });

  it('should name the file of a corrupt state and leave it untouched', () => {
    fs.writeFileSync(file, '{"schema_version": 1,');
    const cache = new SuccessStateCache({ racyWindowMs: 50, maxEntries: 10 });

    expect(() => cache.read(file)).toThrow(GrenStateError);
    expect(() => cache.read(file)).toThrow(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"schema_version": 1,');
  });
});
