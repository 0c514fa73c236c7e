import { removalOrder } from '../../../lib/src/cli/gc/removal-order';

describe(removalOrder, () => {
  describe('when selected artifacts link to each other', () => {
    it('should remove each linking artifact before the results it reads, otherwise keeping the given order', () => {
      const links = new Map([
        ['new', ['old', 'oldest']],
        ['old', ['oldest']],
      ]);

      const { order, linkersOf } = removalOrder(['oldest', 'other', 'old', 'new'], links);

      expect(order).toEqual(['other', 'new', 'old', 'oldest']);
      expect(linkersOf.get('oldest')).toEqual(['old', 'new']);
    });

    it('should ignore links to artifacts that are not removed', () => {
      expect(removalOrder(['a', 'b'], new Map([['b', ['kept']]])).order).toEqual(['a', 'b']);
    });
  });

  describe('when hand-written links form a cycle', () => {
    it('should still list every artifact once', () => {
      const links = new Map([
        ['a', ['b']],
        ['b', ['a']],
      ]);
      expect(removalOrder(['a', 'b', 'c'], links).order).toEqual(['c', 'a', 'b']);
    });
  });
});
