import { hashOf, makeRecord } from '../testing/make-record';
import { RecordTable } from './record-table';

const day = (n: number) => new Date(Date.UTC(2026, 0, n));

describe(RecordTable, () => {
  describe('when data/ and git/ hold the same artifact', () => {
    it('should find the data/ one, and the git/ one once data/ is removed', () => {
      const table = new RecordTable();
      const git = makeRecord({ namespace: 'a.B', hash: hashOf(1), root: 'git' });
      const data = makeRecord({ namespace: 'a.B', hash: hashOf(1), root: 'data' });
      table.add(git);
      table.add(data);
      expect(table.find('a.B', hashOf(1))).toBe(data);
      expect(table.remove(data, () => git.directory)).toBe(true);
      expect(table.find('a.B', hashOf(1))).toBe(git);
      expect(table.remove(data, () => git.directory)).toBe(false);
      expect(table.size).toBe(1);
    });
  });

  describe('when namespaces appear and vanish', () => {
    it('should list them and move classesVersion only then', () => {
      const table = new RecordTable();
      const first = makeRecord({ namespace: 'a.B', hash: hashOf(1) });
      const second = makeRecord({ namespace: 'a.B', hash: hashOf(2) });
      table.add(first);
      const afterFirst = table.classesVersion;
      table.add(second);
      expect(table.classesVersion).toBe(afterFirst);
      table.remove(first, () => '/elsewhere');
      expect([...table.classes]).toEqual(['a.B']);
      table.remove(second, () => '/elsewhere');
      expect([...table.classes]).toEqual([]);
      expect(table.classesVersion).toBe(afterFirst + 1);
      expect(table.find('a.B', hashOf(2))).toBeUndefined();
    });
  });

  describe('when records are ordered', () => {
    it('should keep list order and the unfinished set as records change', () => {
      const table = new RecordTable();
      const older = makeRecord({ namespace: 'a.B', hash: hashOf(1), state: { result: 'success', updatedAt: day(1) } });
      const running = makeRecord({
        namespace: 'a.B',
        hash: hashOf(2),
        state: { result: 'incomplete', updatedAt: day(2), attempt: { status: 'running', startedAt: day(2) } },
      });
      table.add(older);
      table.add(running);
      table.resetOrder();
      expect(table.sorted()).toEqual([running, older]);
      expect([...table.activeRecords()]).toEqual([running]);

      table.removeFromOrder(running);
      running.summary = { ...running.summary, attempt_status: 'success' };
      table.placeInOrder(running);
      expect([...table.activeRecords()]).toEqual([]);
      expect(table.sorted()).toEqual([running, older]);
    });
  });
});
