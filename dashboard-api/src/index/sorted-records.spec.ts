import { hashOf, makeRecord } from '../testing/make-record';
import { compareRecords, SortedRecords, sortRecords } from './sorted-records';

const record = (n: number, day: number | null, namespace = 'a.B') =>
  makeRecord({
    namespace,
    hash: hashOf(n),
    state: { result: 'absent', updatedAt: day === null ? null : new Date(Date.UTC(2026, 0, day)) },
  });

describe(SortedRecords, () => {
  describe('when records are inserted and removed one by one', () => {
    it('should stay in list order', () => {
      const sorted = new SortedRecords();
      const items = [record(1, 5), record(2, null), record(3, 7), record(4, 5, 'a.A'), record(5, null, 'a.A')];
      for (const item of items) sorted.insert(item);
      expect(sorted.all.map((r) => r.hash)).toEqual([3, 4, 1, 5, 2].map(hashOf));
      sorted.remove(items[2]!);
      expect(sorted.all.map((r) => r.hash)).toEqual([4, 1, 5, 2].map(hashOf));
      expect([...sorted.all]).toEqual([...items].filter((_, i) => i !== 2).sort(compareRecords));
    });
  });

  describe('when data/ and git/ hold the same artifact', () => {
    it('should put data/ first', () => {
      const data = makeRecord({ namespace: 'a.B', hash: hashOf(1), root: 'data' });
      const git = makeRecord({ namespace: 'a.B', hash: hashOf(1), root: 'git' });
      expect(compareRecords(git, data)).toBeGreaterThan(0);
    });
  });

  describe('when a whole store is sorted at once', () => {
    it('should give the order of compareRecords, ties and nulls included', () => {
      const items = Array.from({ length: 400 }, (_, n) =>
        record(n, n % 7 === 0 ? null : 1 + (n % 13), n % 3 === 0 ? 'a.A' : 'a.B'),
      );
      items.push(makeRecord({ namespace: 'a.B', hash: hashOf(1), root: 'git' }));
      const expected = [...items].sort(compareRecords);
      const sorted = new SortedRecords();
      sorted.reset(items.reverse());
      expect(sorted.all).toEqual(expected);
      expect(sortRecords(items).every((item, index) => item === expected[index])).toBe(true);
      expect(sortRecords([])).toEqual([]);
    });
  });
});
