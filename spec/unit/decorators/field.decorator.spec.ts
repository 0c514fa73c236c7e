import { Field, Float, Gren, GrenDefinitionError, GrenStruct, MISSING } from 'gren-ts';
import { expectError } from '../errors/expect-error';

/** The context a standard (TC39) field decorator receives, collecting its initializers. */
function standardFieldContext(name: string, initializers: ((this: unknown) => void)[]): ClassFieldDecoratorContext {
  const context = { kind: 'field', name, static: false, private: false, metadata: undefined };
  const addInitializer = (initializer: (this: unknown) => void): void => {
    initializers.push(initializer);
  };
  return { ...context, addInitializer } as unknown as ClassFieldDecoratorContext;
}

/** A class with neither @Gren() nor any decorator metadata, to apply @Field() to by hand. */
function undecoratedPrototype(name: string): object {
  const holder = { [name]: class {} };
  return (holder[name] as new () => object).prototype as object;
}

describe('Field', () => {
  describe('when it decorates a symbol-keyed member', () => {
    it('should fail at decoration naming Class.prototype[Symbol(...)]', () => {
      const key = Symbol('secret');

      expectError(
        () => {
          class WithSymbol {
            @Field() [key]: string = 'x';
          }
          return WithSymbol;
        },
        GrenDefinitionError,
        'WithSymbol.prototype[Symbol(secret)]',
        'string names',
      );
    });
  });

  describe('when it decorates a static member', () => {
    it('should fail at decoration naming Class.member', () => {
      expectError(
        () => {
          class WithStatic {
            @Field() static shared: string = 'x';
          }
          return WithStatic;
        },
        GrenDefinitionError,
        'static member WithStatic.shared',
        'Remove `static`',
      );
    });
  });

  describe('when neither an explicit type nor design:type is available', () => {
    it('should record the field and leave the type to the model builder', () => {
      expect(() => Field()(undecoratedPrototype('NoMetadata'), 'rate')).not.toThrow();
    });

    it('should accept the same field when the type is explicit or a thunk', () => {
      expect(() => Field({ type: Float })(undecoratedPrototype('ExplicitType'), 'rate')).not.toThrow();
      expect(() => Field(() => String)(undecoratedPrototype('ThunkType'), 'rate')).not.toThrow();
    });
  });

  describe('when the Reflect metadata API is missing', () => {
    it('should fail telling to import reflect-metadata', () => {
      const reflect = Reflect as unknown as Record<string, unknown>;
      const saved = reflect.getOwnMetadata;
      delete reflect.getOwnMetadata;
      try {
        expectError(
          () => Field({ type: String })(undecoratedPrototype('NoReflect'), 'name'),
          GrenDefinitionError,
          'The Reflect metadata API is missing',
          'Import "reflect-metadata"',
        );
      } finally {
        reflect.getOwnMetadata = saved;
      }
    });
  });

  describe('when called as a standard (TC39) decorator on a class without @Gren()', () => {
    it('should fail at construction naming Class.prototype.field and the tsconfig flags', () => {
      const initializers: ((this: unknown) => void)[] = [];
      const context = standardFieldContext('rate', initializers);
      class Orphan {}

      Field()(undefined, context);

      expect(initializers).toHaveLength(1);
      expectError(
        () => initializers[0]?.call(new Orphan()),
        GrenDefinitionError,
        '@Field() on Orphan.prototype.rate ran as a standard (TC39) decorator',
        '"experimentalDecorators": true',
        '"useDefineForClassFields": false',
      );
    });
  });

  describe('when it is applied twice to one member', () => {
    it('should fail naming Class.prototype.field', () => {
      expectError(
        () => {
          class Doubled {
            @Field()
            @Field()
            name: string = 'x';
          }
          return Doubled;
        },
        GrenDefinitionError,
        '@Field() is applied twice to Doubled.prototype.name',
      );
    });
  });

  describe('when a field takes the name of a member gren defines', () => {
    it.each(['grenHash', 'grenDir', 'toDict', 'equals', 'replace', 'log', '_create', '__class__'])(
      'should reject %s at decoration',
      (name) => {
        expectError(
          () => Field({ type: String })(undecoratedPrototype('Shadowing'), name),
          GrenDefinitionError,
          `Shadowing.prototype.${name} cannot be a config field`,
          'Rename the field',
        );
      },
    );
  });

  describe('when the type cannot be hashed', () => {
    it('should fail at first use naming the field and the type', () => {
      class NotAConfig {
        value = 1;
      }

      @Gren()
      class HoldsForeign extends GrenStruct<HoldsForeign> {
        @Field(() => NotAConfig) foreign: NotAConfig | null = null;
      }

      expectError(
        () => new HoldsForeign(),
        GrenDefinitionError,
        'HoldsForeign.prototype.foreign has type NotAConfig (a class not decorated with @Gren())',
        'registerEnum()',
      );
    });

    it('should fail for an object that is not a registered enum', () => {
      const Unregistered = { A: 'a', B: 'b' } as const;

      @Gren()
      class HoldsUnregisteredEnum extends GrenStruct<HoldsUnregisteredEnum> {
        @Field({ type: Unregistered }) mode: string = 'a';
      }

      expectError(
        () => new HoldsUnregisteredEnum(),
        GrenDefinitionError,
        'HoldsUnregisteredEnum.prototype.mode is typed with an object that is not a registered enum',
        'registerEnum(MyEnum',
      );
    });

    it('should reject an array type of more than one element type', () => {
      @Gren()
      class TwoElementTypes extends GrenStruct<TwoElementTypes> {
        @Field({ type: [String, Number] as never }) pair: unknown[] = [];
      }

      expectError(
        () => new TwoElementTypes(),
        GrenDefinitionError,
        'TwoElementTypes.prototype.pair',
        'write [ElementType]',
      );
    });
  });

  describe('when the type comes from a thunk', () => {
    it('should resolve a class defined later in the module', () => {
      @Gren()
      class Early extends GrenStruct<Early> {
        @Field(() => Late) late: Late | null = MISSING;
      }

      @Gren()
      class Late extends GrenStruct<Late> {
        @Field() tag: string = 'late';
      }

      expect(new Early({ late: new Late() }).toDict()).toEqual({
        __class__: expect.stringMatching(/\.Early$/),
        late: { __class__: expect.stringMatching(/\.Late$/), tag: 'late' },
      });
      expectError(() => new Early({ late: 'no' as never }), Error, 'Early.late must be a Late');
    });
  });
});
