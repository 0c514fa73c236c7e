import * as fs from 'node:fs';
import * as path from 'node:path';
import { tryCreateLockFile } from '../../../lib/src/locking/lock-file';
import { useTempStore } from '../../support/temp-store';
import { backdate, spawnGren } from './cli-harness';
import { computed, loadTrain, makeLinkedChain, type LinkedChain } from './linked-chain';

jest.setTimeout(90_000);

interface GcJson {
  selected: { namespace: string; gren_hash: string; reasons: string[]; removed: boolean }[];
  kept: { namespace: string; gren_hash: string; reasons: string[]; why: string }[];
  link_problems: { namespace: string; gren_hash: string; why: string }[];
  failures: { namespace: string; gren_hash: string; why: string }[];
  removed_count: number;
}

const refOf = (entry: { namespace: string; gren_hash: string }): string => `${entry.namespace}/${entry.gren_hash}`;

/** `gren gc` run as a real process (the compiled bin), with --json. */
async function gcJson(store: string, args: string[]): Promise<{ code: number; report: GcJson }> {
  const run = await spawnGren(['--root', store, 'gc', ...args, '--json']);
  if (run.stdout === '') throw new Error(`gren gc ${args.join(' ')} printed nothing (${run.code}): ${run.stderr}`);
  return { code: run.code, report: JSON.parse(run.stdout) as GcJson };
}

/** v3 loads v1's value again in a new process, and only v1 was ever computed. */
async function expectStillReused(store: string, chain: LinkedChain): Promise<void> {
  const again = await loadTrain(store, 'v3');
  expect(again.value).toBe(chain.value);
  expect(computed(store)).toEqual(['v1 Train lr=0.1 debug=false']);
}

describe('gren gc and result links', () => {
  const store = useTempStore('gren-gc-links-');

  describe('when a kept success reads an old result through a link to a link (v3 → v2 → v1)', () => {
    it('should keep both old artifacts in the dry run and the real run, and v3 still loads without computing', async () => {
      const chain = await makeLinkedChain(store());
      backdate(chain.v1.dir, 60);
      backdate(chain.v2.dir, 60);

      const dry = await gcJson(store(), ['--older-than', '30d', '--dry-run']);
      const text = await spawnGren(['--root', store(), 'gc', '--older-than', '30d', '--dry-run']);
      const real = await gcJson(store(), ['--older-than', '30d', '--no-keep-deps']);

      for (const { report } of [dry, real]) {
        expect(report.selected).toEqual([]);
        expect(report.kept.map((entry) => [refOf(entry), entry.why]).sort()).toEqual(
          [
            [chain.v1.ref, `result linked from ${chain.v3.ref}`],
            [chain.v2.ref, `result linked from ${chain.v3.ref}`],
          ].sort(),
        );
        expect(report.link_problems).toEqual([]);
      }
      expect(text.stdout).toContain(`${chain.v2.ref} [success]`);
      expect(text.stdout).toContain(`old; kept: result linked from ${chain.v3.ref}`);
      for (const identity of [chain.v1, chain.v2, chain.v3]) expect(fs.existsSync(identity.dir)).toBe(true);
      await expectStillReused(store(), chain);
    });
  });

  describe('when the linking artifact is removed in the same run', () => {
    it('should remove it before the results it reads, and all of them', async () => {
      const chain = await makeLinkedChain(store());
      for (const identity of [chain.v1, chain.v2, chain.v3]) backdate(identity.dir, 60);

      const { code, report } = await gcJson(store(), ['--older-than', '30d']);

      expect(code).toBe(0);
      expect(report.selected.map(refOf).sort()).toEqual([chain.v1.ref, chain.v2.ref, chain.v3.ref].sort());
      expect(report).toMatchObject({ removed_count: 3, failures: [], kept: [] });
      for (const identity of [chain.v1, chain.v2, chain.v3]) expect(fs.existsSync(identity.dir)).toBe(false);
    });

    it('should keep the results it reads when the linking artifact turns out busy, so its link never dangles', async () => {
      const chain = await makeLinkedChain(store());
      for (const identity of [chain.v1, chain.v2, chain.v3]) backdate(identity.dir, 60);
      const held = tryCreateLockFile(path.join(chain.v3.dir, '.gren', '.state.lock'))!;
      try {
        const { code, report } = await gcJson(store(), ['--older-than', '30d']);

        expect(code).toBe(1);
        expect(report.removed_count).toBe(0);
        const why = new Map(report.failures.map((failure) => [refOf(failure), failure.why]));
        expect([...why.keys()].sort()).toEqual([chain.v1.ref, chain.v2.ref, chain.v3.ref].sort());
        expect(why.get(chain.v3.ref)).toBe('busy: its state lock is held');
        expect(why.get(chain.v2.ref)).toBe(`kept: result linked from ${chain.v3.ref}, which was not removed`);
        // v1 is read by both links: either one names it.
        expect(why.get(chain.v1.ref)).toMatch(
          new RegExp(`^kept: result linked from (${chain.v2.ref}|${chain.v3.ref}), which was not removed$`),
        );
      } finally {
        held.release();
      }
      await expectStillReused(store(), chain);
    });
  });

  describe('when a result link cannot be followed', () => {
    it('should report a dangling link and an unreadable one, keep nothing for them and not fail', async () => {
      const chain = await makeLinkedChain(store());
      fs.rmSync(chain.v1.dir, { recursive: true });
      fs.writeFileSync(path.join(chain.v3.dir, '.gren', 'result-link.json'), '{ not json');
      backdate(chain.v2.dir, 60);

      const { code, report } = await gcJson(store(), ['--older-than', '30d', '--dry-run']);
      const text = await spawnGren(['--root', store(), 'gc', '--older-than', '30d', '--dry-run']);

      expect(code).toBe(0);
      expect(report.selected.map(refOf)).toEqual([chain.v2.ref]);
      expect(report.link_problems.map((problem) => [refOf(problem), problem.why.split(':')[0]]).sort()).toEqual(
        [
          [chain.v2.ref, 'dangling result link'],
          [chain.v3.ref, 'unreadable result link'],
        ].sort(),
      );
      expect(report.link_problems.find((problem) => refOf(problem) === chain.v2.ref)?.why).toContain(chain.v1.dir);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('2 result links could not be followed (they keep nothing):');
      expect(text.stdout).toContain(`  ${chain.v3.ref}: unreadable result link: `);
    });
  });
});
