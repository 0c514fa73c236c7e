import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readState } from 'gren-ts';
import { CHILDREN_DIR, runChild, type ChildResult } from '../../support/child-process';

/**
 * A failure three configs deep (Top needs Middle needs Leaf, whose _create throws), printed by a
 * real process: the chain reads once, from the user's side.
 */
jest.setTimeout(60_000);

const CLIENT = path.join(CHILDREN_DIR, 'nested-failure-client.js');
const NS = 'spec.errors.nested';

interface Hashes {
  top: string;
  middle: string;
  leaf: string;
}

interface Run {
  store: string;
  hashes: Hashes;
  result: ChildResult;
}

async function fail(mode: 'uncaught' | 'inspect'): Promise<Run> {
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-nested-failure-'));
  const result = await runChild('nested-failure-client.js', [mode], { GREN_PATH: store });
  const hashes = JSON.parse(result.stdout.split('\n')[0] ?? '') as Hashes;
  return { store, hashes, result };
}

function statePath(store: string, name: string, hash: string): string {
  return path.join(store, 'data', 'spec', 'errors', 'nested', name, hash, '.gren', 'state.json');
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('a failure three configs deep', () => {
  const stores: string[] = [];
  afterAll(() => stores.forEach((store) => fs.rmSync(store, { recursive: true, force: true })));

  describe('when it escapes and gren prints it (printUncaughtGrenErrors)', () => {
    let run: Run;
    let lines: string[];

    beforeAll(async () => {
      run = await fail('uncaught');
      stores.push(run.store);
      lines = run.result.stderr.trimEnd().split('\n');
    });

    it('should exit with code 1', () => {
      expect(run.result.code).toBe(1);
    });

    it('should name each config with its hash, where it began first, then the state file to read, once', () => {
      const { hashes, store } = run;
      const start = lines.indexOf(`GrenComputeError [COMPUTE_FAILED]: Computation failed: cannot parse "row 1"`);

      expect(start).toBeGreaterThanOrEqual(0);
      expect(lines.slice(start + 1, start + 5)).toEqual([
        `  in ${NS}.Leaf ${hashes.leaf}`,
        `  needed by ${NS}.Middle ${hashes.middle}`,
        `  needed by ${NS}.Top ${hashes.top}`,
        `State file: ${statePath(store, 'Leaf', hashes.leaf)}`,
      ]);
    });

    it('should then show the original error with the frames of the user code, from where it was thrown', () => {
      const caused = lines.indexOf('Caused by: RangeError: cannot parse "row 1"');
      const frames = lines.slice(caused + 1);
      const own = frames.filter((line) => line.includes(CLIENT));

      expect(caused).toBeGreaterThan(0);
      expect(frames[0]).toMatch(/^ {4}at parseRow \(.*nested-failure-client\.js:\d+:\d+\)$/);
      expect(frames.slice(1, 5).map((line) => /at (?:async )?(\S+) /.exec(line)?.[1])).toEqual([
        'Leaf._create',
        'Middle._create',
        'Top._create',
        'main',
      ]);
      expect(own).toHaveLength(5);
      expect(frames.slice(0, 5)).toEqual(own);
      expect(frames[5]).toMatch(/^ {4}… \d+ more frames in gren, Node\.js or node_modules$/);
      expect(frames).toHaveLength(6);
    });

    it('should say nothing twice: no repeated prefix, no "Original error", no second state path', () => {
      const text = run.result.stderr;

      expect(occurrences(text, 'Computation failed')).toBe(1);
      expect(occurrences(text, 'cannot parse "row 1"')).toBe(2);
      expect(occurrences(text, 'State file:')).toBe(1);
      expect(text).not.toContain('Original error');
      for (const hash of Object.values(run.hashes))
        expect(occurrences(text, hash)).toBe(hash === run.hashes.leaf ? 2 : 1);
    });

    it("should show no frame inside gren's own files", () => {
      expect(run.result.stderr).not.toMatch(/lib[\\/](dist|src)[\\/]/);
    });

    it('should record in the outer states which configs the failure went through, with the stack of the original error', () => {
      const { hashes, store } = run;
      const top = readState(statePath(store, 'Top', hashes.top)).attempt;

      expect(top?.status).toBe('failed');
      const error = top?.status === 'failed' ? top.error : null;
      expect(error?.type).toBe('GrenComputeError');
      expect(error?.message).toBe(
        `Computation failed: cannot parse "row 1"\n  in ${NS}.Leaf ${hashes.leaf}\n  needed by ${NS}.Middle ${hashes.middle}`,
      );
      expect(error?.traceback).toMatch(/^RangeError: cannot parse "row 1"\n {4}at parseRow /);
    });
  });

  describe('when the user prints it with console.error', () => {
    it('should show the message once and the original error as its cause', async () => {
      const run = await fail('inspect');
      stores.push(run.store);
      const text = run.result.stderr;

      expect(run.result.code).toBe(0);
      expect(text).toMatch(
        /^GrenComputeError: Computation failed: cannot parse "row 1"\n {2}in spec\.errors\.nested\.Leaf /,
      );
      expect(occurrences(text, 'Computation failed')).toBe(1);
      expect(occurrences(text, 'Original error: RangeError: cannot parse "row 1"')).toBe(1);
      expect(occurrences(text, 'State file:')).toBe(1);
      expect(text).toContain('[cause]: RangeError: cannot parse "row 1"');
    });
  });
});
