import * as fs from 'node:fs';
import * as path from 'node:path';
import { Field, GREN_CONFIG, Gren, GrenObject, GrenStateError, MISSING } from 'gren-ts';
import { runChild } from '../../support/child-process';
import { useTempStore } from '../../support/temp-store';
import { SlowSquare } from '../children/pipelines';
import { snapshotTree } from './store-snapshot';

let creates = 0;

@Gren({ namespace: 'spec.store.corrupt.Plain' })
class Plain extends GrenObject<number, Plain> {
  @Field() n: number = MISSING;

  protected _create(): number {
    creates += 1;
    return this.n;
  }

  protected _load(): number {
    return this.n;
  }
}

const CORRUPT: readonly (readonly [string, string, string, RegExp])[] = [
  [
    'invalid JSON',
    '{"schema_version": 1, "result": {"status": "succ',
    'STATE_INVALID_JSON',
    /^Invalid JSON in state file: (\S+state\.json)/,
  ],
  [
    'a newer schema_version',
    '{\n  "schema_version": 2,\n  "result": {\n    "status": "success",\n    "created_at": "2030-01-01T00:00:00+00:00"\n  },\n  "attempt": null,\n  "updated_at": null\n}',
    'STATE_UNSUPPORTED_SCHEMA',
    /^Unsupported state schema_version 2 \(expected 1\): (\S+state\.json)/,
  ],
  ['a JSON array', '[1, 2]', 'STATE_NOT_OBJECT', /^Invalid state file \(expected object\): (\S+state\.json)/],
  [
    'an unknown key',
    '{"schema_version": 1, "result": {"status": "absent"}, "attempt": null, "updated_at": null, "owner": "me"}',
    'STATE_INVALID_SCHEMA',
    /^Invalid state schema: (\S+state\.json): owner is not allowed here/,
  ],
];

describe('loadOrCreate with a corrupt state.json', () => {
  const store = useTempStore('gren-corrupt-');

  beforeEach(() => {
    creates = 0;
    GREN_CONFIG.ignoreDiff = true;
  });

  describe.each(CORRUPT)('when state.json holds %s', (_what, text, code, pattern) => {
    it('should throw GrenStateError naming the file and leave the store byte for byte untouched', async () => {
      const plain = new Plain({ n: 1 });
      const stateFile = path.join(plain.grenDir, '.gren', 'state.json');
      fs.mkdirSync(path.dirname(stateFile), { recursive: true });
      fs.writeFileSync(stateFile, text);
      const before = snapshotTree(store());

      const error = (await plain.loadOrCreate().catch((e: unknown) => e)) as GrenStateError;

      expect(error).toBeInstanceOf(GrenStateError);
      expect(error.code).toBe(code);
      expect(pattern.exec(error.message)?.[1]).toBe(stateFile);
      expect(error.file).toBe(stateFile);
      expect(creates).toBe(0);
      expect(fs.readFileSync(stateFile, 'utf8')).toBe(text);
      expect(snapshotTree(store())).toEqual(before);
    });

    it('should make exists() throw the same error, writing nothing', async () => {
      const plain = new Plain({ n: 1 });
      const stateFile = path.join(plain.grenDir, '.gren', 'state.json');
      fs.mkdirSync(path.dirname(stateFile), { recursive: true });
      fs.writeFileSync(stateFile, text);
      const before = snapshotTree(store());

      await expect(plain.exists()).rejects.toThrow(expect.objectContaining({ constructor: GrenStateError, code }));
      expect(snapshotTree(store())).toEqual(before);
    });
  });

  describe('when a separate process meets the corrupt file', () => {
    it('should exit with the error code and the file name, the file untouched', async () => {
      const square = new SlowSquare({ x: 2 });
      const stateFile = path.join(square.grenDir, '.gren', 'state.json');
      fs.mkdirSync(path.dirname(stateFile), { recursive: true });
      fs.writeFileSync(stateFile, '{ not json');

      const result = await runChild('store-client.js', ['2', '1'], { GREN_PATH: store(), GREN_IGNORE_DIFF: '1' });

      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`STATE_INVALID_JSON: Invalid JSON in state file: ${stateFile}`);
      expect(fs.readFileSync(stateFile, 'utf8')).toBe('{ not json');
      expect(fs.readdirSync(path.dirname(stateFile))).toEqual(['state.json']);
    });
  });
});
