import 'reflect-metadata';
import { Field, Float, Gren, GrenSerializer, GrenStruct, grenRegistry } from 'gren-ts';
import { classModel } from '../../../lib/src/metadata/build-class-model';
import { FIELD_RECORDS } from '../../../lib/src/metadata/metadata-keys';
import { getOwnMetadata } from '../../../lib/src/metadata/reflect-keys';

// Untyped `GrenStruct` (no Self): subclasses add fields the parent's init type does not know.
@Gren({ namespace: 'spec.class_model.Base' })
class Base extends GrenStruct {
  @Field() a: number = 1;
  @Field() b: string = 'base';
}

@Gren({ namespace: 'spec.class_model.Child' })
class Child extends Base {
  @Field() c: boolean = true;
  // Redefined: keeps its place after `a`, takes the new default and options.
  @Field({ hash: false }) override b: string = 'child';
}

@Gren({ namespace: 'spec.class_model.GrandChild' })
class GrandChild extends Child {
  @Field({ type: Float }) d: number = 2;
}

/** The @Field() records a class declared itself (on the prototype of the class as written). */
function ownRecords(cls: unknown): readonly { name: string }[] | undefined {
  const original = grenRegistry.classEntry(cls)?.record.original as { prototype: object } | undefined;
  return original ? getOwnMetadata(FIELD_RECORDS, original.prototype) : undefined;
}

function ownFieldNames(cls: unknown): string[] {
  return (ownRecords(cls) ?? []).map((record) => record.name);
}

describe('classModel', () => {
  describe('when a subclass adds fields', () => {
    it('should list parent fields first, in declaration order', () => {
      expect(classModel(Child).fieldNames).toEqual(['a', 'b', 'c']);
      expect(classModel(GrandChild).fieldNames).toEqual(['a', 'b', 'c', 'd']);
    });

    it('should serialize in that order', () => {
      expect(Object.keys(new GrandChild().toDict())).toEqual(['__class__', 'a', 'b', 'c', 'd']);
    });

    it('should apply the subclass defaults and init values after the base constructor ran', () => {
      const child = new Child({ c: false });

      expect([child.a, child.b, child.c]).toEqual([1, 'child', false]);
    });
  });

  describe('when a subclass redefines a field', () => {
    it('should keep its position and take the new options', () => {
      const model = classModel(Child);

      expect(model.fieldNames.indexOf('b')).toBe(1);
      expect(model.byName.get('b')?.hashed).toBe(false);
      expect(classModel(Base).byName.get('b')?.hashed).toBe(true);
    });

    it('should leave the redefined field out of the hash only in the subclass', () => {
      expect(GrenSerializer.canonicalJson(new Child())).toBe('{"__class__":"spec.class_model.Child","a":1,"c":true}');
      expect(GrenSerializer.canonicalJson(new Base())).toBe('{"__class__":"spec.class_model.Base","a":1,"b":"base"}');
    });
  });

  describe('when subclasses declare fields (copy-on-write)', () => {
    it("should never add them to the parent's metadata", () => {
      expect(classModel(Base).fieldNames).toEqual(['a', 'b']);
      expect(Object.keys(new Base().toDict())).toEqual(['__class__', 'a', 'b']);
      expect(ownFieldNames(Base)).toEqual(['a', 'b']);
    });

    it("should keep each class's own records apart", () => {
      expect(ownFieldNames(Child)).toEqual(['c', 'b']);
      expect(ownFieldNames(GrandChild)).toEqual(['d']);
      expect(Object.isFrozen(ownRecords(Child))).toBe(true);
    });

    it('should not change the parent when a subclass is defined after the parent was used', () => {
      const before = classModel(Base);

      @Gren({ namespace: 'spec.class_model.LateChild' })
      class LateChild extends Base {
        @Field() late: string = 'late';
      }

      expect(classModel(LateChild).fieldNames).toEqual(['a', 'b', 'late']);
      expect(classModel(Base)).toBe(before);
      expect(classModel(Base).fieldNames).toEqual(['a', 'b']);
    });
  });

  describe('when the model is built', () => {
    it('should be built once per class and frozen', () => {
      const model = classModel(GrandChild);

      expect(classModel(GrandChild)).toBe(model);
      expect(Object.isFrozen(model)).toBe(true);
      expect(Object.isFrozen(model.fields)).toBe(true);
    });

    it('should resolve each field type', () => {
      const kinds = classModel(GrandChild).fields.map((field) => [field.name, field.type.kind]);

      expect(kinds).toEqual([
        ['a', 'number'],
        ['b', 'string'],
        ['c', 'boolean'],
        ['d', 'float'],
      ]);
    });

    it('should precompute the hash order with __class__ sorted among the fields', () => {
      @Gren({ namespace: 'spec.class_model.Sorted' })
      class Sorted extends GrenStruct<Sorted> {
        @Field() zeta: number = 1;
        @Field() _hidden: number = 2;
        @Field() Alpha: number = 3;
        @Field() __a: number = 4;
      }

      expect(GrenSerializer.canonicalJson(new Sorted())).toBe(
        '{"Alpha":3,"__class__":"spec.class_model.Sorted","zeta":1}',
      );
    });
  });
});
