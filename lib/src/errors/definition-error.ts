import { describeValue } from './describe-value';
import { GrenError } from './gren-error';

/**
 * A config class is declared wrongly: caught when the decorators run or when the class is
 * first used, naming the class (and `Class.prototype.field`) and the fix.
 */
export class GrenDefinitionError extends GrenError {
  static decoratedTwice(className: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_DECORATED_TWICE',
      `@Gren() is applied twice to ${className}. Remove one of the decorators.`,
    );
  }

  static symbolField(className: string, key: symbol): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_SYMBOL_FIELD',
      `@Field() cannot decorate the symbol-keyed member ${className}.prototype[${key.toString()}]: ` +
        'config fields need string names. Use a string property name.',
    );
  }

  static staticField(className: string, key: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_STATIC_FIELD',
      `@Field() cannot decorate the static member ${className}.${key}: fields belong to instances. ` +
        'Remove `static`, or drop @Field() for a class-level option.',
    );
  }

  static fieldTwice(className: string, key: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_FIELD_TWICE',
      `@Field() is applied twice to ${className}.prototype.${key}. Remove one of the decorators.`,
    );
  }

  static reservedField(className: string, key: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_RESERVED_FIELD',
      `${className}.prototype.${key} cannot be a config field: "${key}" is a member gren defines on ` +
        'every config object. Rename the field.',
    );
  }

  /**
   * `fieldDefault` is what the field's initializer gave, when gren could read it (`required`:
   * it was MISSING).
   */
  static untypedField(
    className: string,
    key: string,
    fieldDefault?: { value: unknown; required: boolean },
  ): GrenDefinitionError {
    let defaultNote = 'gren could not read its default (the constructor needs arguments)';
    if (fieldDefault?.required) defaultNote = 'it is required (MISSING), so no default tells its type';
    else if (fieldDefault) {
      defaultNote = `its default (${describeValue(fieldDefault.value)}) does not tell (only a string, number or boolean default does)`;
    }
    return new GrenDefinitionError(
      'DEFINITION_UNTYPED_FIELD',
      `Cannot determine the type of ${className}.prototype.${key}: @Field() got no type, there is no ` +
        'design:type metadata (emitDecoratorMetadata is off, or the code was compiled by esbuild, tsx or ' +
        `vitest, which emit none), and ${defaultNote}. Name the type: @Field(String), @Field(Date), ` +
        '@Field({ type: [Float] }), or a thunk @Field(() => OtherConfig); or run the code through tsc or swc ' +
        'with "emitDecoratorMetadata": true.',
    );
  }

  static unknownFieldType(className: string, key: string, what: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_UNKNOWN_FIELD_TYPE',
      `${className}.prototype.${key} has type ${what}, which gren cannot hash. Use a primitive, Float, ` +
        'BigInt, Date, Uint8Array, Array, Set, Map, a plain object, an enum registered with ' +
        'registerEnum(), or a class decorated with @Gren().',
    );
  }

  /**
   * The code was compiled with standard (TC39) decorators. `fields` are the @Field() members
   * of the class seen so far.
   */
  static standardDecorators(className: string, fields: readonly string[]): GrenDefinitionError {
    const members = fields.length > 0 ? ` (and @Field() on ${fields.join(', ')})` : '';
    return new GrenDefinitionError(
      'DEFINITION_STANDARD_DECORATORS',
      `@Gren() on ${className}${members} ran as a standard (TC39) decorator, but gren's decorators are ` +
        'legacy decorators that need field type metadata. Set "experimentalDecorators": true, ' +
        '"emitDecoratorMetadata": true and "useDefineForClassFields": false in the compilerOptions of ' +
        'tsconfig.json (tsx and vitest read the same file).',
    );
  }

  /** A @Field() that ran as a TC39 decorator on a class gren never saw decorated with @Gren(). */
  static standardFieldDecorator(className: string, key: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_STANDARD_DECORATORS',
      `@Field() on ${className}.prototype.${key} ran as a standard (TC39) decorator, but gren's decorators are ` +
        'legacy decorators. Set "experimentalDecorators": true, "emitDecoratorMetadata": true and ' +
        '"useDefineForClassFields": false in the compilerOptions of tsconfig.json, and decorate the ' +
        `class with @Gren().`,
    );
  }

  static missingReflect(): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_MISSING_REFLECT',
      'The Reflect metadata API is missing. Import "reflect-metadata" once before any config class ' +
        '(gren imports it itself; this means a bundler removed it).',
    );
  }

  static notDecorated(className: string, base: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_NOT_DECORATED',
      `${className} extends ${base} but is not decorated with @Gren(). Add @Gren() above ` + `\`class ${className}\`.`,
    );
  }

  static duplicateNamespace(
    namespace: string,
    existing: { name: string; source: string },
    incoming: { name: string; source: string },
  ): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_DUPLICATE_NAMESPACE',
      `Two classes register the gren namespace "${namespace}": ${existing.name} (${existing.source}) ` +
        `and ${incoming.name} (${incoming.source}). Give one of them another class name or an ` +
        'explicit @Gren({ namespace: "..." }).',
    );
  }

  static invalidNamespace(className: string, namespace: string, why: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_INVALID_NAMESPACE',
      `Invalid namespace "${namespace}" for ${className}: ${why}. A namespace is dot-separated ` +
        'identifiers such as "my_project.pipelines.TrainModel".',
    );
  }

  static noModuleForNamespace(className: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_NO_MODULE',
      `Cannot derive a namespace for ${className}: the module that defines it is unknown (no file ` +
        'in the call stack). Pass one explicitly: @Gren({ namespace: "my_project.pipelines.' +
        `${className}" }).`,
    );
  }

  static invalidOption(className: string, option: string, value: unknown, expected: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_INVALID_OPTION',
      `@Gren() option ${option} of ${className} is ${String(value)}; expected ${expected}.`,
    );
  }

  static enumNotRegistered(what: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_ENUM',
      `${what}. Register the enum once with registerEnum(MyEnum, "my_project.MyEnum").`,
    );
  }

  static listEntry(listName: string, member: string, value: unknown): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_LIST_ENTRY',
      `${listName}.${member} is not a gren object (got ${String(value)}). A GrenList holds GrenObject ` +
        'instances, arrays of them, or objects mapping names to them.',
    );
  }

  static duplicateListName(listName: string, name: string, first: string, second: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_LIST_DUPLICATE_NAME',
      `${listName} has two entries named "${name}" (${first} and ${second}), so byName("${name}") ` +
        'would be ambiguous. Rename one of them.',
    );
  }

  /** A declared migration step that does not fit the class's history; `step` reads as written. */
  static migrationStep(className: string, step: string, why: string, fix: string): GrenDefinitionError {
    return new GrenDefinitionError(
      'DEFINITION_MIGRATION',
      `@Gren({ migrations }) of ${className}: ${step} ${why}. ${fix}`,
    );
  }
}
