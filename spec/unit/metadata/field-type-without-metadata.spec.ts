import 'reflect-metadata';
import { Field, Float, Gren, GrenConfigError, GrenDefinitionError, GrenStruct, MISSING } from 'gren-ts';
import { classModel } from '../../../lib/src/metadata/build-class-model';
import { expectError } from '../errors/expect-error';

// esbuild, tsx and vitest emit no design:type. Applying the decorators by hand (no decorator
// syntax, so ts-jest records no metadata either) builds the classes such code would produce.

class Primitives extends GrenStruct {
  name: string = 'world';
  count: number = 3;
  loud: boolean = false;
  rate: number = 1;
}
Field()(Primitives.prototype, 'name');
Field()(Primitives.prototype, 'count');
Field()(Primitives.prototype, 'loud');
Field(Float)(Primitives.prototype, 'rate');
const TypedByDefaults = Gren({ namespace: 'spec.no_metadata.Primitives' })(Primitives);

class Ambiguous extends GrenStruct {
  tags: string[] = [];
}
Field()(Ambiguous.prototype, 'tags');
const UntypedArray = Gren({ namespace: 'spec.no_metadata.Ambiguous' })(Ambiguous);

class Required extends GrenStruct {
  label: string = MISSING;
}
Field()(Required.prototype, 'label');
const UntypedRequired = Gren({ namespace: 'spec.no_metadata.Required' })(Required);

class Named extends GrenStruct {
  tags: string[] = [];
  when: Date = new Date(0);
  label: string = MISSING;
}
Field({ type: [String] })(Named.prototype, 'tags');
Field(Date)(Named.prototype, 'when');
Field(String)(Named.prototype, 'label');
const ExplicitlyTyped = Gren({ namespace: 'spec.no_metadata.Named' })(Named);

describe('field types without design:type metadata', () => {
  describe('when a field has a string, number or boolean default', () => {
    it('should take the type from the default, as tsc metadata would give it', () => {
      const kinds = classModel(TypedByDefaults).fields.map((field) => [field.name, field.type.kind]);

      expect(kinds).toEqual([
        ['name', 'string'],
        ['count', 'number'],
        ['loud', 'boolean'],
        ['rate', 'float'],
      ]);
    });

    it('should check values against the inferred type', () => {
      expectError(() => new TypedByDefaults({ count: 'three' }), GrenConfigError, 'Primitives', 'count');
    });
  });

  describe('when the default does not tell the type', () => {
    it('should fail at first use naming the field, its default and the fixes', () => {
      expectError(
        () => new UntypedArray(),
        GrenDefinitionError,
        'Cannot determine the type of Ambiguous.prototype.tags',
        'its default (an array of 0) does not tell',
        '@Field({ type: [Float] })',
        '@Field(() => OtherConfig)',
        '"emitDecoratorMetadata": true',
      );
    });

    it('should fail for a required field (default MISSING) too', () => {
      expectError(
        () => new UntypedRequired({ label: 'x' }),
        GrenDefinitionError,
        'Cannot determine the type of Required.prototype.label',
        'it is required (MISSING)',
      );
    });
  });

  describe('when the type is named with @Field(Type) or { type }', () => {
    it('should use the named types and need no default', () => {
      const named = new ExplicitlyTyped({ label: 'x', tags: ['a'] });

      expect(classModel(ExplicitlyTyped).fields.map((field) => field.type.kind)).toEqual(['array', 'date', 'string']);
      expect(named.toDict()).toMatchObject({ label: 'x', tags: ['a'] });
    });
  });
});
