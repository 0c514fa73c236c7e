import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from 'gren-ts';
import { parseStateText } from '../../../lib/src/storage/read-state';
import { readMetadata } from '../../../lib/src/storage/read-metadata';
import { serializeState } from '../../../lib/src/storage/serialize-state';
import { listArtifacts, PYTHON_STORE } from '../../support/fixtures';

const artifacts = listArtifacts(PYTHON_STORE);

describe('state.json reader and writer', () => {
  it('should find all 15 artifacts of the Python-written store', () => {
    expect(artifacts).toHaveLength(15);
  });

  describe('when reading every state.json the Python gren wrote', () => {
    it.each(artifacts.map((a) => [`${a.namespace}/${a.hash}`, a.dir] as const))(
      'should accept and rewrite %s byte for byte',
      (_name, dir) => {
        const file = path.join(dir, '.gren', 'state.json');
        const text = fs.readFileSync(file, 'utf8');

        expect(serializeState(parseStateText(text, file))).toBe(text);
      },
    );
  });

  describe('when reading every metadata.json the Python gren wrote', () => {
    it.each(artifacts.map((a) => [`${a.namespace}/${a.hash}`, a.dir] as const))('should validate %s', (_name, dir) => {
      const metadata = readMetadata(path.join(dir, '.gren', 'metadata.json'));

      expect(metadata.gren_hash).toBe(path.basename(dir));
    });
  });

  describe('when the file is corrupt', () => {
    it('should name the file for invalid JSON', () => {
      expect(() => parseStateText('{"schema_version": 1,', '/x/state.json')).toThrow(
        expect.objectContaining({
          constructor: GrenStateError,
          code: 'STATE_INVALID_JSON',
          message: expect.stringContaining('Invalid JSON in state file: /x/state.json'),
        }),
      );
    });

    it('should reject a newer schema version', () => {
      expect(() =>
        parseStateText('{"schema_version": 2, "result": {"status": "absent"}, "attempt": null}', '/x/state.json'),
      ).toThrow(/Unsupported state schema_version 2 \(expected 1\): \/x\/state.json/);
    });

    it('should reject extra keys naming them', () => {
      const text = '{"schema_version": 1, "result": {"status": "absent", "x": 1}, "attempt": null, "updated_at": null}';

      expect(() => parseStateText(text, '/x/state.json')).toThrow(
        /Invalid state schema: \/x\/state.json: result\.x is not allowed here/,
      );
    });

    it('should require an error on a failed attempt', () => {
      const state = JSON.parse(
        fs.readFileSync(
          path.join(artifacts.find((a) => a.namespace.endsWith('Failing'))!.dir, '.gren', 'state.json'),
          'utf8',
        ),
      ) as { attempt: { error?: unknown } };
      delete state.attempt.error;

      expect(() => parseStateText(JSON.stringify(state), '/x/state.json')).toThrow(
        /attempt\.error is required for a failed attempt/,
      );
    });

    // Found by spec/unit/fuzz/readers.fuzz.spec.ts: both were a RangeError, not a GrenStateError.
    it('should reject a schema_version nested thousands deep without overflowing the stack', () => {
      const deep = '['.repeat(20_000) + ']'.repeat(20_000);

      expect(() => parseStateText(`{"schema_version": ${deep}}`, '/x/state.json')).toThrow(
        expect.objectContaining({
          constructor: GrenStateError,
          message: expect.stringContaining('Unsupported state schema_version an array (expected 1)'),
        }),
      );
    });

    it('should reject an attempt whose scheduler facts nest deeper than 32 levels (our writer could not write them back)', () => {
      const state = JSON.parse(
        fs.readFileSync(
          path.join(artifacts.find((a) => a.namespace.endsWith('Failing'))!.dir, '.gren', 'state.json'),
          'utf8',
        ),
      ) as { attempt: { scheduler: unknown } };
      const text = (depth: number): string =>
        JSON.stringify({ ...state, attempt: { ...state.attempt, scheduler: { deep: 'DEEP' } } }).replace(
          '"DEEP"',
          '['.repeat(depth) + ']'.repeat(depth),
        );

      expect(() => parseStateText(text(31), '/x/state.json')).not.toThrow();
      expect(() => parseStateText(text(5_000), '/x/state.json')).toThrow(
        expect.objectContaining({
          constructor: GrenStateError,
          code: 'STATE_INVALID_SCHEMA',
          message: expect.stringContaining('attempt.scheduler is nested more than 32 levels deep'),
        }),
      );
    });
  });
});
