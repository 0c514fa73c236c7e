import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listArtifacts, PYTHON_STORE } from '../../support/fixtures';
import { checkStoreFiles } from '../../schemas/store-file-checks';

describe('the JSON Schemas of the store files (spec/schemas)', () => {
  describe('when checking every file the Python gren wrote (spec/fixtures/python/python-store)', () => {
    const check = checkStoreFiles(PYTHON_STORE);

    it('should find every state.json, events line, SUCCESS.json and metadata.json', () => {
      expect(check.counts).toEqual({
        state: 15,
        events: expect.any(Number),
        success: 14,
        metadata: 15,
        typescriptMetadata: 0,
      });
      expect(check.counts.events).toBeGreaterThanOrEqual(30);
    });

    it('should accept all of them: schema, key order and layout', () => {
      expect(check.problems).toEqual([]);
    });

    it('should have seen a success, a failed attempt and a version-controlled artifact', () => {
      const statuses = new Set(check.states.map(({ state }) => (state.attempt as { status: string }).status));

      expect(statuses).toEqual(new Set(['success', 'failed']));
      expect(check.states.some(({ file }) => file.includes('/git/refstore/'))).toBe(true);
    });
  });

  describe('when a file breaks a rule of the reference', () => {
    let store: string;
    let internal: string;

    beforeEach(() => {
      store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-schema-'));
      const source = listArtifacts(PYTHON_STORE).find((artifact) => artifact.namespace.endsWith('.Failing'))!.dir;
      internal = path.join(store, 'a', '.gren');
      fs.mkdirSync(internal, { recursive: true });
      for (const name of fs.readdirSync(path.join(source, '.gren')))
        fs.copyFileSync(path.join(source, '.gren', name), path.join(internal, name));
      fs.chmodSync(internal, 0o755);
      for (const name of fs.readdirSync(internal)) fs.chmodSync(path.join(internal, name), 0o644);
    });

    afterEach(() => fs.rmSync(store, { recursive: true, force: true }));

    const edit = (name: string, change: (text: string) => string): void => {
      const file = path.join(internal, name);
      fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
    };

    it('should accept the untouched copy', () => {
      expect(checkStoreFiles(store).problems).toEqual([]);
    });

    it.each([
      [
        'an extra key in the attempt',
        'state.json',
        (t: string) => t.replace('"reason": null', '"reason": null,\n    "extra": 1'),
        /schema: \/attempt .*must match exactly one schema/,
      ],
      [
        'a time with Z',
        'state.json',
        (t: string) => t.replace(/"updated_at": "([^"]+)\+00:00"/, '"updated_at": "$1Z"'),
        /schema: \/updated_at/,
      ],
      [
        'a time with a fraction',
        'state.json',
        (t: string) => t.replace(/"started_at": "([^"]+)\+00:00"/, '"started_at": "$1.5+00:00"'),
        /schema: \/attempt/,
      ],
      [
        'a missing error on a failed attempt',
        'state.json',
        (t: string) => t.replace(/"error": \{[^}]*\},\n\s*/, ''),
        /schema: \/attempt/,
      ],
      [
        'an integer lease',
        'state.json',
        (t: string) => t.replace('"lease_duration_sec": 120.0', '"lease_duration_sec": 120'),
        /not written as a float/,
      ],
      ['a trailing newline', 'state.json', (t: string) => `${t}\n`, /json\.dumps\(indent=2\)/],
      [
        'keys out of order',
        'state.json',
        (t: string) => t.replace(/("schema_version": 1,\n)(\s+"result": \{\n\s+"status": "failed"\n\s+\},\n)/, '$2$1'),
        /key order of the top level/,
      ],
      [
        'a float attempt number',
        'state.json',
        (t: string) => t.replace('"number": 1,', '"number": 1.5,'),
        /schema: \/attempt/,
      ],
      [
        'compact event separators',
        'events.jsonl',
        (t: string) => t.replace('", "pid": ', '","pid": '),
        /json\.dumps separators/,
      ],
      [
        'an unknown event field',
        'events.jsonl',
        (t: string) => t.replace('"status": "running"}', '"status": "running", "x": 1}'),
        /schema: \//,
      ],
      [
        'a metadata field missing',
        'metadata.json',
        (t: string) => t.replace(/,\n\s+"user": "[^"]*"/, ''),
        /schema: \/ must have required property 'user'/,
      ],
      [
        'a metadata timestamp without microseconds',
        'metadata.json',
        (t: string) => t.replace(/"timestamp": "([^.]+)\.\d+\+00:00"/, '"timestamp": "$1+00:00"'),
        /schema: \/timestamp/,
      ],
      [
        'one of our fields inside metadata.json (the Python gren rejects it: extra_forbidden)',
        'metadata.json',
        (t: string) => t.replace(/\n\}$/, ',\n  "gren_ts_def": "x"\n}'),
        /schema: \/ must NOT have additional properties \{"additionalProperty":"gren_ts_def"\}/,
      ],
    ])('should report %s', (_what, name, change, pattern) => {
      edit(name, change);

      const { problems } = checkStoreFiles(store);

      expect(problems.length).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(pattern);
    });
  });
});
