import { GrenDefinitionError } from '../errors/definition-error';
import { deriveNamespace, findPackageRoot, namespaceProblem } from '../identity/derive-namespace';
import { callerFile } from '../metadata/caller-file';
import type { ClassRecord, GrenOptions } from '../metadata/class-record';
import { CLASS_RECORD } from '../metadata/metadata-keys';
import { defineOwnMetadata, hasOwnMetadata } from '../metadata/reflect-keys';
import { registry } from '../metadata/registry';
import type { AnyClass } from '../metadata/type-spec';
import { finalizeConstruction } from '../model/construct';
import { checkMigrationShapes } from '../migration/check-migration-shapes';
import { isStandardDecoratorContext, standardClassError } from './standard-decorator-call';

/**
 * What @Gren() returns: a legacy class decorator. The second call shape is the one standard
 * (TC39) decorators make; it is typed only so that such code compiles and gren can say at
 * run time which tsconfig flags to set.
 */
export interface GrenClassDecorator {
  <T extends AnyClass>(target: T): T;
  (value: AnyClass, context: ClassDecoratorContext): void;
}

/**
 * Registers a config class under its namespace (the `__class__` marker and directory path).
 * The class is wrapped so that construction finishes (init values applied, checks run,
 * object frozen) after every field initializer of the subclass chain has run.
 */
export function Gren(options: GrenOptions = {}): GrenClassDecorator {
  const sourceFile = callerFile();
  return (target: AnyClass, context?: unknown): AnyClass => {
    if (isStandardDecoratorContext(context)) throw standardClassError(context);
    if (hasOwnMetadata(CLASS_RECORD, target) || registry.isRegistered(target)) {
      throw GrenDefinitionError.decoratedTwice(target.name);
    }
    validateOptions(target.name, options);
    const namespace = options.namespace ?? defaultNamespace(target.name, sourceFile);
    const problem = namespaceProblem(namespace);
    if (problem) throw GrenDefinitionError.invalidNamespace(target.name, namespace, problem);
    const wrapped = wrapClass(target);
    const record: ClassRecord = Object.freeze({ options: { ...options }, sourceFile, original: target });
    defineOwnMetadata(CLASS_RECORD, record, wrapped);
    defineStaticOptions(wrapped, options);
    registry.registerClass({ cls: wrapped, namespace, record });
    return wrapped;
  };
}

function defaultNamespace(className: string, sourceFile: string | undefined): string {
  if (!sourceFile) throw GrenDefinitionError.noModuleForNamespace(className);
  return deriveNamespace(sourceFile, className, findPackageRoot(sourceFile));
}

function wrapClass(original: AnyClass): AnyClass {
  const wrapped = subclassOf(original as unknown as new (...args: unknown[]) => object, (instance, target, args) => {
    if (target === wrapped) {
      finalizeConstruction(instance, args[0], wrapped);
    } else if (!registry.isRegistered(target)) {
      throw GrenDefinitionError.notDecorated(target.name, original.name);
    }
  });
  Object.defineProperty(wrapped, 'name', { value: original.name });
  return wrapped;
}

/**
 * A subclass that calls `constructed` after the base constructor. Returned from a function, so
 * that V8 infers no name for it: stack frames then take the `name` set above (`Leaf._create`),
 * where a class assigned to a variable would show the variable's (`wrapped._create`).
 */
function subclassOf(
  Base: new (...args: unknown[]) => object,
  constructed: (instance: object, target: AnyClass, args: unknown[]) => void,
): AnyClass {
  return class extends Base {
    constructor(...args: unknown[]) {
      super(...args);
      constructed(this, new.target, args);
    }
  };
}

function defineStaticOptions(cls: AnyClass, options: GrenOptions): void {
  if (options.versionControlled !== undefined) {
    Object.defineProperty(cls, 'versionControlled', {
      value: options.versionControlled,
      writable: true,
      configurable: true,
    });
  }
  if (options.maxWaitTimeSec !== undefined) {
    Object.defineProperty(cls, 'maxWaitTimeSec', { value: options.maxWaitTimeSec, writable: true, configurable: true });
  }
}

function validateOptions(className: string, options: GrenOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw GrenDefinitionError.invalidOption(className, 'options', options, 'an object such as { namespace: "..." }');
  }
  if (options.namespace !== undefined && typeof options.namespace !== 'string') {
    throw GrenDefinitionError.invalidOption(className, 'namespace', options.namespace, 'a string');
  }
  if (options.versionControlled !== undefined && typeof options.versionControlled !== 'boolean') {
    throw GrenDefinitionError.invalidOption(className, 'versionControlled', options.versionControlled, 'true or false');
  }
  const wait = options.maxWaitTimeSec;
  if (wait !== undefined && wait !== null && !(typeof wait === 'number' && wait >= 0 && !Number.isNaN(wait))) {
    throw GrenDefinitionError.invalidOption(
      className,
      'maxWaitTimeSec',
      wait,
      'a number of seconds ≥ 0, or null to wait forever',
    );
  }
  if (options.migrations !== undefined) checkMigrationShapes(className, options.migrations);
}
