import * as path from 'node:path';
import { Field, Gren, GrenDefinitionError, GrenObject, GrenSerializer, GrenStruct, grenRegistry } from 'gren-ts';
import { expectError } from '../errors/expect-error';

/** The namespace @Gren() derives for a class of this file: its path from the package root, dotted. */
const HERE = ['spec', 'unit', 'decorators', 'gren_decorator_spec'].join('.');

@Gren()
class Derived extends GrenStruct<Derived> {
  @Field() name: string = 'toy';
}

@Gren({ namespace: 'my_project.pipelines.Explicit' })
class Explicit extends GrenStruct<Explicit> {
  @Field() name: string = 'toy';
}

@Gren({ namespace: 'spec.gren_decorator.Options', versionControlled: true, maxWaitTimeSec: null })
class WithOptions extends GrenObject<string, WithOptions> {
  protected _create(): string {
    return 'x';
  }

  protected _load(): string {
    return 'x';
  }
}

@Gren({ namespace: 'spec.gren_decorator.Plain' })
class PlainResult extends GrenObject<string, PlainResult> {
  protected _create(): string {
    return 'x';
  }

  protected _load(): string {
    return 'x';
  }
}

describe('Gren', () => {
  describe('when no namespace is given', () => {
    it('should register the class under its module path from the package root plus its name', () => {
      expect(grenRegistry.classEntry(Derived)?.namespace).toBe(`${HERE}.Derived`);
      expect(GrenSerializer.toDict(new Derived())).toEqual({ __class__: `${HERE}.Derived`, name: 'toy' });
    });

    it('should use that namespace as the __class__ marker of the hash', () => {
      expect(GrenSerializer.canonicalJson(new Derived())).toBe(`{"__class__":"${HERE}.Derived","name":"toy"}`);
    });

    it('should record the defining file', () => {
      expect(grenRegistry.classEntry(Derived)?.record.sourceFile).toBe(path.resolve(__filename));
    });
  });

  describe('when an explicit namespace is given', () => {
    it('should use it instead of the derived one', () => {
      expect(grenRegistry.classEntry(Explicit)?.namespace).toBe('my_project.pipelines.Explicit');
      expect(grenRegistry.byNamespace('my_project.pipelines.Explicit')?.cls).toBe(Explicit);
      expect(grenRegistry.byNamespace(`${HERE}.Explicit`)).toBeUndefined();
    });

    it('should reject a namespace that is not dotted identifiers', () => {
      expectError(
        () => {
          @Gren({ namespace: 'has spaces/and.slashes' })
          class BadNamespace extends GrenStruct<BadNamespace> {}
          return BadNamespace;
        },
        GrenDefinitionError,
        'Invalid namespace "has spaces/and.slashes" for BadNamespace',
        'my_project.pipelines.TrainModel',
      );
    });

    it('should reject an empty namespace', () => {
      expectError(
        () => {
          @Gren({ namespace: '' })
          class EmptyNamespace extends GrenStruct<EmptyNamespace> {}
          return EmptyNamespace;
        },
        GrenDefinitionError,
        'Invalid namespace "" for EmptyNamespace',
        'it is empty',
      );
    });
  });

  describe('when two classes claim one namespace', () => {
    it('should fail naming both classes and both files', () => {
      @Gren({ namespace: 'spec.gren_decorator.Shared' })
      class FirstOwner extends GrenStruct<FirstOwner> {}

      const error = expectError(
        () => {
          @Gren({ namespace: 'spec.gren_decorator.Shared' })
          class SecondOwner extends GrenStruct<SecondOwner> {}
          return SecondOwner;
        },
        GrenDefinitionError,
        'Two classes register the gren namespace "spec.gren_decorator.Shared"',
        'FirstOwner',
        'SecondOwner',
        '@Gren({ namespace: "..." })',
      );
      expect(error.message.split(path.resolve(__filename))).toHaveLength(3);
      expect(error.code).toBe('DEFINITION_DUPLICATE_NAMESPACE');
      expect(grenRegistry.byNamespace('spec.gren_decorator.Shared')?.cls).toBe(FirstOwner);
    });

    it('should fail for two same-named classes of one module, whose derived namespaces collide', () => {
      const define = (): unknown => {
        @Gren()
        class SameName extends GrenStruct<SameName> {}
        return SameName;
      };
      define();

      expectError(define, GrenDefinitionError, `"${HERE}.SameName"`, 'SameName');
    });
  });

  describe('when @Gren() is applied twice', () => {
    it('should fail naming the class', () => {
      expectError(
        () => {
          @Gren()
          @Gren()
          class Twice extends GrenStruct<Twice> {}
          return Twice;
        },
        GrenDefinitionError,
        '@Gren() is applied twice to Twice',
        'Remove one',
      );
    });
  });

  describe('when called as a standard (TC39) decorator', () => {
    it('should name the class, the @Field() members before it and the tsconfig flags', () => {
      const fieldContext = (name: string): ClassFieldDecoratorContext =>
        ({
          kind: 'field',
          name,
          static: false,
          private: false,
          metadata: undefined,
          addInitializer: () => undefined,
        }) as unknown as ClassFieldDecoratorContext;
      const classContext = {
        kind: 'class',
        name: 'Modern',
        metadata: undefined,
        addInitializer: () => undefined,
      } as unknown as ClassDecoratorContext;
      Field()(undefined, fieldContext('rate'));
      Field()(undefined, fieldContext('steps'));

      const error = expectError(
        () => Gren()(class Modern {}, classContext),
        GrenDefinitionError,
        '@Gren() on Modern (and @Field() on rate, steps) ran as a standard (TC39) decorator',
        '"experimentalDecorators": true',
        '"emitDecoratorMetadata": true',
        '"useDefineForClassFields": false',
      );
      expect(error.code).toBe('DEFINITION_STANDARD_DECORATORS');
    });
  });

  describe('when options are invalid', () => {
    it.each([
      [{ namespace: 42 }, 'namespace', 'a string'],
      [{ versionControlled: 'yes' }, 'versionControlled', 'true or false'],
      [{ maxWaitTimeSec: -1 }, 'maxWaitTimeSec', 'a number of seconds'],
      [{ maxWaitTimeSec: Number.NaN }, 'maxWaitTimeSec', 'null to wait forever'],
    ])('should reject %p naming the option', (options, option, expected) => {
      expectError(
        () => {
          @Gren(options as never)
          class BadOptions extends GrenStruct<BadOptions> {}
          return BadOptions;
        },
        GrenDefinitionError,
        `option ${option} of BadOptions`,
        expected,
      );
    });
  });

  describe('when class-level options are given', () => {
    it('should set them as static members of the registered class', () => {
      expect((WithOptions as unknown as typeof GrenObject).versionControlled).toBe(true);
      expect((WithOptions as unknown as typeof GrenObject).maxWaitTimeSec).toBeNull();
    });

    it('should keep the GrenObject defaults otherwise', () => {
      expect((PlainResult as unknown as typeof GrenObject).versionControlled).toBe(false);
      expect((PlainResult as unknown as typeof GrenObject).maxWaitTimeSec).toBe(600);
    });

    it('should choose git/ over data/ for a version-controlled class', () => {
      expect(new WithOptions().grenDir.split(path.sep)).toContain('git');
      expect(new PlainResult().grenDir.split(path.sep)).toContain('data');
    });
  });

  describe('when a subclass of a registered class is not decorated', () => {
    it('should fail at construction, telling to add @Gren()', () => {
      class Undecorated extends Derived {}

      expectError(
        () => new Undecorated(),
        GrenDefinitionError,
        'Undecorated extends',
        'not decorated with @Gren()',
        'Add @Gren() above `class Undecorated`',
      );
    });

    it('should fail for a direct subclass of GrenStruct too', () => {
      class Bare extends GrenStruct<Bare> {}

      expectError(() => new Bare(), GrenDefinitionError, 'Bare extends', 'not decorated with @Gren()');
    });
  });

  describe('when the decorated class is inspected', () => {
    it('should keep its name', () => {
      expect(Derived.name).toBe('Derived');
      expect(new Derived().constructor.name).toBe('Derived');
    });

    it('should keep instanceof working for the wrapped and the written class', () => {
      const original = grenRegistry.classEntry(Derived)?.record.original as unknown as abstract new () => unknown;

      expect(new Derived()).toBeInstanceOf(Derived);
      expect(new Derived()).toBeInstanceOf(original);
      expect(new Derived()).toBeInstanceOf(GrenStruct);
    });
  });
});
