import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serializeState } from 'gren-ts';
import { buildState } from '../testing/state-builder';
import {
  BATCH_BYTES,
  FAILED,
  NOT_READ,
  FileBatchReader,
  MISSING,
  PARSED,
  STATE_FAILED,
  STATE_MISSING,
  UNPARSED,
  readFileBatch,
  readStateBatch,
  type FileBatch,
  type StateBatch,
} from './file-batch';

/** The batch as [name, text | 'missing' | 'failed'] pairs. */
function describeBatch(names: readonly string[], batch: FileBatch): [string, string][] {
  let start = 0;
  return names.map((name, index) => {
    const end = batch.ends[index] as number;
    if (end === MISSING) return [name, 'missing'];
    if (end === FAILED) return [name, `failed: ${batch.errors[index] ?? ''}`];
    const text = batch.bytes.toString('utf8', start, end);
    start = end;
    return [name, text];
  });
}

describe(FileBatchReader, () => {
  let base: string;
  let reader: FileBatchReader | undefined;
  const names = ['small', 'empty', 'large', 'none', 'folder', 'link', 'under-file', 'unicode'];

  beforeAll(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-file-batch-'));
    const write = (name: string, text: string): void => {
      fs.mkdirSync(path.join(base, name, '.gren'), { recursive: true });
      fs.writeFileSync(path.join(base, name, '.gren', 'f.json'), text);
    };
    write('small', '{"a": 1}');
    write('empty', '');
    write('large', 'x'.repeat(200_000) + 'end');
    fs.mkdirSync(path.join(base, 'folder', '.gren', 'f.json'), { recursive: true });
    write('link-target', 'linked');
    fs.mkdirSync(path.join(base, 'link', '.gren'), { recursive: true });
    fs.symlinkSync(path.join(base, 'link-target', '.gren', 'f.json'), path.join(base, 'link', '.gren', 'f.json'));
    fs.writeFileSync(path.join(base, 'under-file'), 'a file, not a folder');
    write('unicode', 'é✓ "ünï"');
  });

  afterEach(() => reader?.close());

  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  const eisdir: string = expect.stringMatching(/^failed: EISDIR/) as string;
  const expected = (): [string, string][] => [
    ['small', '{"a": 1}'],
    ['empty', ''],
    ['large', `${'x'.repeat(200_000)}end`],
    ['none', 'missing'],
    ['folder', eisdir],
    ['link', 'missing'],
    ['under-file', 'missing'],
    ['unicode', 'é✓ "ünï"'],
  ];

  it('should read files whole, and tell missing ones (links included) from unreadable ones', () => {
    const batch = readFileBatch(`${base}${path.sep}`, names, `${path.sep}.gren${path.sep}f.json`, BATCH_BYTES);
    const text = { bytes: Buffer.from(batch.bytes), ends: batch.ends, errors: batch.errors };
    expect(describeBatch(names, text)).toEqual(expected());
  });

  it('should leave the files past its byte budget unread (for the caller to read one by one)', async () => {
    reader = new FileBatchReader(1, 10);
    const batch = await reader.read(`${base}${path.sep}`, names, `${path.sep}.gren${path.sep}f.json`);
    expect([...batch.ends].slice(0, 4)).toEqual([8, 8, 200_011, NOT_READ]);
    expect([...batch.ends].every((end, index) => index < 3 || end === NOT_READ)).toBe(true);
  });

  it('should read the same on reader threads as in this thread', async () => {
    reader = new FileBatchReader(2);
    const suffix = `${path.sep}.gren${path.sep}f.json`;
    const batches = await Promise.all([
      reader.read(`${base}${path.sep}`, names, suffix),
      reader.read(`${base}${path.sep}`, [...names].reverse(), suffix),
      reader.read(`${base}${path.sep}`, names, suffix, true),
    ]);
    expect(reader.started).toBe(2);
    expect(describeBatch(names, batches[0])).toEqual(expected());
    expect(describeBatch([...names].reverse(), batches[1])).toEqual(expected().reverse());
    expect(describeBatch(names, batches[2])).toEqual(expected());
  });

  it('should read in this thread what threads still held when closed, and everything after', async () => {
    reader = new FileBatchReader(1);
    const suffix = `${path.sep}.gren${path.sep}f.json`;
    const pending = reader.read(`${base}${path.sep}`, names, suffix);
    reader.close();
    expect(describeBatch(names, await pending)).toEqual(expected());
    expect(describeBatch(names, await reader.read(`${base}${path.sep}`, names, suffix))).toEqual(expected());
    expect(reader.started).toBe(0);
  });

  describe('when it reads state files', () => {
    const state = buildState({
      result: 'incomplete',
      updatedAt: new Date(Date.UTC(2026, 0, 2)),
      attempt: { status: 'running', startedAt: new Date(Date.UTC(2026, 0, 1)), host: 'gpu-1', user: 'bob' },
    });
    const texts: Record<string, string> = {
      small: serializeState(state),
      empty: JSON.stringify(state),
      unicode: serializeState(buildState({ result: 'absent', updatedAt: null })),
    };
    let states: string;

    beforeAll(() => {
      states = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-state-batch-'));
      for (const [name, text] of Object.entries(texts)) {
        fs.mkdirSync(path.join(states, name, '.gren'), { recursive: true });
        fs.writeFileSync(path.join(states, name, '.gren', 'state.json'), text);
      }
      fs.mkdirSync(path.join(states, 'folder', '.gren', 'state.json'), { recursive: true });
    });

    afterAll(() => fs.rmSync(states, { recursive: true, force: true }));

    const describeStates = (batch: StateBatch): unknown[] =>
      ['small', 'empty', 'none', 'folder', 'unicode'].map((_, index) => ({
        kind: batch.kinds[index],
        numbers: [...batch.numbers.subarray(index * 3, index * 3 + 3)],
        strings: batch.strings.slice(index * 7, index * 7 + 7),
        text: batch.texts[index],
        error: batch.errors[index]?.slice(0, 6),
      }));

    it('should give the fields of the fast reader, the text it declines, and what is missing or unreadable', async () => {
      const names = ['small', 'empty', 'none', 'folder', 'unicode'];
      const suffix = `${path.sep}.gren${path.sep}state.json`;
      const here = readStateBatch(`${states}${path.sep}`, names, suffix, BATCH_BYTES);
      expect([...here.kinds]).toEqual([PARSED, UNPARSED, STATE_MISSING, STATE_FAILED, PARSED]);
      expect(here.strings.slice(0, 7)).toEqual([
        'incomplete',
        'running',
        '2026-01-02T00:00:00+00:00',
        '2026-01-01T00:00:00+00:00',
        'local',
        'gpu-1',
        'bob',
      ]);
      expect([...here.numbers.subarray(0, 3)]).toEqual([1, Date.UTC(2026, 0, 2), Date.UTC(2026, 0, 1)]);
      expect([...here.numbers.subarray(12, 15)]).toEqual([NaN, NaN, NaN]);
      expect(here.texts[1]).toBe(texts.empty);
      expect(here.errors[3]).toMatch(/^EISDIR/);
      reader = new FileBatchReader(1);
      const threaded = await reader.readStates(`${states}${path.sep}`, names, suffix);
      expect(reader.started).toBe(1);
      expect(describeStates(threaded)).toEqual(describeStates(here));
    });
  });
});
