import { selectForGc, type GcCriteria, type GcItem } from '../../../lib/src/cli/gc/select-for-gc';

const DAY = 86_400_000;
const NOW = 100 * DAY;

function item(key: string, fields: Partial<GcItem> = {}): GcItem {
  return {
    key,
    updatedMs: NOW,
    sizeBytes: 10,
    failed: false,
    orphan: undefined,
    live: undefined,
    untouchable: undefined,
    dependencies: [],
    resultLinks: [],
    ...fields,
  };
}

const criteria = (fields: Partial<GcCriteria>): GcCriteria => ({
  nowMs: NOW,
  failed: false,
  orphans: false,
  keepDeps: true,
  ...fields,
});
const removed = (items: GcItem[], fields: Partial<GcCriteria>): string[] =>
  selectForGc(items, criteria(fields)).remove.map((entry) => entry.key);

describe(selectForGc, () => {
  describe('when selecting by age, failure and orphan-ness', () => {
    it('should select what matches any criterion, oldest first', () => {
      const items = [
        item('new'),
        item('old', { updatedMs: NOW - 40 * DAY }),
        item('failed', { failed: true }),
        item('orphan', { orphan: 'result absent' }),
      ];

      expect(removed(items, { olderThanMs: 30 * DAY })).toEqual(['old']);
      expect(removed(items, { failed: true })).toEqual(['failed']);
      expect(removed(items, { orphans: true })).toEqual(['orphan']);
      expect(removed(items, { olderThanMs: 30 * DAY, failed: true, orphans: true })).toEqual([
        'old',
        'failed',
        'orphan',
      ]);
    });

    it('should record every reason an artifact was selected for', () => {
      const plan = selectForGc(
        [item('x', { failed: true, updatedMs: 0 })],
        criteria({ olderThanMs: DAY, failed: true }),
      );
      expect(plan.remove).toEqual([{ key: 'x', reasons: ['age', 'failed'] }]);
    });
  });

  describe('when a selected artifact is live or untouchable', () => {
    it('should keep it and say why', () => {
      const plan = selectForGc(
        [
          item('running', { orphan: 'incomplete', live: 'attempt #1 running' }),
          item('newer-schema', { orphan: undefined, untouchable: 'state.json of another schema', failed: true }),
        ],
        criteria({ orphans: true, failed: true }),
      );

      expect(plan.remove).toEqual([]);
      expect(plan.kept).toEqual([
        { key: 'newer-schema', reasons: ['failed'], why: 'state.json of another schema' },
        { key: 'running', reasons: ['orphan'], why: 'live: attempt #1 running' },
      ]);
    });
  });

  describe('when kept artifacts depend on selected ones (keepDeps)', () => {
    // Top → Middle → Leaf; only Leaf is old.
    const chain = (leafAge: number, topAge = 0): GcItem[] => [
      item('top', { dependencies: ['middle'], updatedMs: NOW - topAge }),
      item('middle', { dependencies: ['leaf'] }),
      item('leaf', { updatedMs: NOW - leafAge }),
    ];

    it('should keep a dependency of a kept artifact, naming the dependent', () => {
      const plan = selectForGc(chain(40 * DAY), criteria({ olderThanMs: 30 * DAY }));

      expect(plan.remove).toEqual([]);
      expect(plan.kept).toEqual([{ key: 'leaf', reasons: ['age'], why: 'needed by middle' }]);
    });

    it('should keep dependencies of a live artifact', () => {
      const items = [item('job', { dependencies: ['input'], live: 'running' }), item('input', { failed: true })];
      expect(removed(items, { failed: true })).toEqual([]);
    });

    it('should remove the whole chain when every member is selected', () => {
      const items = chain(40 * DAY).map((entry) => ({ ...entry, updatedMs: NOW - 40 * DAY }));
      expect(removed(items, { olderThanMs: 30 * DAY }).sort()).toEqual(['leaf', 'middle', 'top']);
    });

    it('should remove the dependency anyway with keepDeps off', () => {
      expect(removed(chain(40 * DAY), { olderThanMs: 30 * DAY, keepDeps: false })).toEqual(['leaf']);
    });

    it('should keep what a removed dependent needed only when someone else still needs it', () => {
      const items = [
        item('a', { dependencies: ['common'], updatedMs: 0 }),
        item('b', { dependencies: ['common'] }),
        item('common', { updatedMs: 0 }),
      ];
      expect(removed(items, { olderThanMs: DAY })).toEqual(['a']);
    });
  });

  describe('when a kept success reads an old result through its result link', () => {
    // new → old → oldest: a link to a link (migrated twice); only "new" is recent.
    const linked = (): GcItem[] => [
      item('new', { resultLinks: ['old', 'oldest'] }),
      item('old', { resultLinks: ['oldest'], updatedMs: 0 }),
      item('oldest', { updatedMs: 0 }),
    ];

    it('should keep every artifact the link reads, transitively, naming the linking artifact', () => {
      const plan = selectForGc(linked(), criteria({ olderThanMs: DAY }));

      expect(plan.remove).toEqual([]);
      expect(plan.kept).toEqual([
        { key: 'old', reasons: ['age'], why: 'result linked from new' },
        { key: 'oldest', reasons: ['age'], why: 'result linked from new' },
      ]);
    });

    it('should follow a link through an artifact kept for another reason', () => {
      const items = [
        item('job', { dependencies: ['input'], live: 'running' }),
        item('input', { resultLinks: ['source'] }),
        item('source', { failed: true }),
      ];
      const plan = selectForGc(items, criteria({ failed: true }));

      expect(plan.kept).toEqual([{ key: 'source', reasons: ['failed'], why: 'result linked from input' }]);
    });

    it('should keep linked results with keepDeps off too', () => {
      expect(removed(linked(), { olderThanMs: DAY, keepDeps: false })).toEqual([]);
    });

    it('should let the linked results go when the linking artifact is removed too', () => {
      const items = linked().map((entry) => ({ ...entry, updatedMs: 0 }));
      expect(removed(items, { olderThanMs: DAY })).toEqual(['new', 'old', 'oldest']);
    });

    it('should remove a linked result over the size budget only after the linking artifact, and then not list it as kept', () => {
      const items = [
        item('new', { resultLinks: ['old'], updatedMs: 5 }),
        item('old', { updatedMs: 0 }),
        item('recent', { updatedMs: 9 }),
      ];

      expect(removed(items, { maxSizeBytes: 20 })).toEqual(['new']);
      expect(removed(items, { maxSizeBytes: 10 })).toEqual(['old', 'new']);
      const onlyOldIsOld = [
        item('new', { resultLinks: ['old'], updatedMs: NOW - 1 }),
        item('old', { updatedMs: 0 }),
        item('recent'),
      ];
      const plan = selectForGc(onlyOldIsOld, criteria({ olderThanMs: DAY, maxSizeBytes: 10 }));
      expect(plan.remove).toEqual([
        { key: 'old', reasons: ['age', 'size'] },
        { key: 'new', reasons: ['size'] },
      ]);
      expect(plan.kept).toEqual([]);
    });
  });

  describe('when the store is over a size budget', () => {
    it('should remove the oldest artifacts until it fits', () => {
      const items = [
        item('a', { updatedMs: 3 }),
        item('b', { updatedMs: 1 }),
        item('c', { updatedMs: 2 }),
        item('d', { updatedMs: 4 }),
      ];
      const plan = selectForGc(items, criteria({ maxSizeBytes: 20 }));

      expect(plan.remove).toEqual([
        { key: 'b', reasons: ['size'] },
        { key: 'c', reasons: ['size'] },
      ]);
      expect(plan).toMatchObject({ totalBytes: 40, removeBytes: 20, fitsBudget: true });
    });

    it('should count what the criteria already removed', () => {
      const items = [
        item('failed', { failed: true, updatedMs: 9 }),
        item('a', { updatedMs: 1 }),
        item('b', { updatedMs: 2 }),
      ];
      expect(removed(items, { failed: true, maxSizeBytes: 10 })).toEqual(['a', 'failed']);
    });

    it('should skip a needed dependency until its dependents are gone, and never a live artifact', () => {
      const items = [
        item('leaf', { updatedMs: 1 }),
        item('top', { updatedMs: 2, dependencies: ['leaf'] }),
        item('live', { updatedMs: 0, live: 'running' }),
        item('recent', { updatedMs: 5 }),
      ];

      expect(removed(items, { maxSizeBytes: 20 })).toEqual(['leaf', 'top']);
      expect(removed(items, { maxSizeBytes: 0 })).toEqual(['leaf', 'top', 'recent']);
      expect(selectForGc(items, criteria({ maxSizeBytes: 0 })).fitsBudget).toBe(false);
    });
  });
});
