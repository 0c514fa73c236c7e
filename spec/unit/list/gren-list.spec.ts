import { GrenDefinitionError, GrenError, GrenList, GrenObject } from 'gren-ts';
import { Leaf, Top, Middle } from '../../support/refstore-classes';
import { expectError } from '../errors/expect-error';

/** The reference store's GrenList: two entries, a duplicate of the first, and a group. */
class Experiments extends GrenList {
  static first = new Leaf({ value: 10, name: 'first' });
  static second = new Leaf({ value: 20, name: 'second' });
  static dup = new Leaf({ value: 10, name: 'first' });
  static grouped = { a: new Leaf({ value: 30, name: 'a' }), b: new Leaf({ value: 40, name: 'b' }) };
  static many = [new Leaf({ value: 50, name: 'm1' }), new Leaf({ value: 10, name: 'first' })];
  static _hidden = new Leaf({ value: 99, name: 'hidden' });

  static helper(): string {
    return 'not an entry';
  }
}

const hashes = (entries: readonly GrenObject[]): string[] => entries.map((entry) => entry.grenHash);

describe('GrenList', () => {
  describe('when iterated', () => {
    it('should yield every entry in definition order, the first of equal hashes kept', () => {
      const seen: GrenObject[] = [];
      for (const entry of Experiments) seen.push(entry);

      expect(hashes(seen)).toEqual([
        '2a009cca8e40ced324a5',
        'c08aaef942a25370d662',
        '5f3d1318b9835b2fcd14',
        'e51e51d94294220ffe53',
        new Leaf({ value: 50, name: 'm1' }).grenHash,
      ]);
      expect(seen[0]).toBe(Experiments.first);
    });
  });

  describe('when all() is called', () => {
    it('should deduplicate by hash, the first occurrence winning', () => {
      const all = Experiments.all();

      expect(all).toHaveLength(5);
      expect(all).toContain(Experiments.first);
      expect(all).not.toContain(Experiments.dup);
      expect(all).not.toContain(Experiments.many[1]);
    });

    it('should skip underscore names and methods', () => {
      expect(Experiments.all()).not.toContain(Experiments._hidden);
    });

    it('should mix entry classes', () => {
      class Mixed extends GrenList {
        static leaf = new Leaf({ value: 1 });
        static top = new Top({ middle: new Middle({ leaf: new Leaf({ value: 1 }) }) });
      }

      expect(Mixed.all().map((entry) => entry.constructor)).toEqual([Leaf, Top]);
    });
  });

  describe('when items() is called', () => {
    it('should return [name, value] for each member that is not a name→entry object, arrays whole', () => {
      expect(Experiments.items()).toEqual([
        ['first', Experiments.first],
        ['second', Experiments.second],
        ['dup', Experiments.dup],
        ['many', Experiments.many],
      ]);
    });
  });

  describe('when byName() is called', () => {
    it('should find a member by its name', () => {
      expect(Experiments.byName('second')).toBe(Experiments.second);
      expect(Experiments.byName('many')).toBe(Experiments.many);
    });

    it('should find an entry of a name→entry object by its key', () => {
      expect(Experiments.byName('b')).toBe(Experiments.grouped.b);
    });

    it('should fail for an unknown name when strict (the default), listing the names', () => {
      const error = expectError(
        () => Experiments.byName('third'),
        GrenError,
        "Experiments has no entry named 'third'",
        'Its names: first, second, dup, a, b, many.',
      );

      expect(error.code).toBe('LIST_UNKNOWN_NAME');
      expectError(() => Experiments.byName('_hidden', { strict: true }), GrenError, "no entry named '_hidden'");
    });

    it('should return undefined for an unknown name when not strict', () => {
      expect(Experiments.byName('third', { strict: false })).toBeUndefined();
    });
  });

  describe('when two entries share a name', () => {
    it('should fail naming both places', () => {
      class Clashing extends GrenList {
        static a = new Leaf({ value: 1 });
        static group = { a: new Leaf({ value: 2 }) };
      }

      expectError(
        () => Clashing.byName('a'),
        GrenDefinitionError,
        'Clashing has two entries named "a" (Clashing.a and Clashing.group["a"])',
        'Rename one of them',
      );
    });

    it('should fail for the same key in two name→entry objects', () => {
      class TwoGroups extends GrenList {
        static g1 = { x: new Leaf({ value: 1 }) };
        static g2 = { x: new Leaf({ value: 2 }) };
      }

      expectError(
        () => TwoGroups.byName('x', { strict: false }),
        GrenDefinitionError,
        'TwoGroups.g1["x"] and TwoGroups.g2["x"]',
      );
    });
  });

  describe('when a member is not a gren object', () => {
    it.each([
      ['a number', 5],
      ['a plain config-like object inside an array', [{ value: 1 }]],
      ['a string inside a group', { a: 'leaf' }],
    ])('should fail for %s naming the member', (_label, value) => {
      class Broken extends GrenList {
        static ok = new Leaf({ value: 1 });
        static bad: unknown = value;
      }

      expectError(
        () => Broken.all(),
        GrenDefinitionError,
        'Broken.bad is not a gren object',
        'A GrenList holds GrenObject instances',
      );
      expectError(() => [...Broken], GrenDefinitionError, 'Broken.bad is not a gren object');
    });
  });

  describe('when a list extends another list', () => {
    it("should list only its own members, not its parent's", () => {
      class More extends Experiments {
        static extra = new Leaf({ value: 7, name: 'extra' });
      }

      expect(More.all()).toEqual([More.extra]);
      expect(More.byName('first', { strict: false })).toBeUndefined();
    });
  });
});
