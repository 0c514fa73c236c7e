import { GrenDefinitionError } from '../errors/definition-error';

/**
 * gren's decorators are legacy (`experimentalDecorators`) decorators. Compiled as standard
 * (TC39) decorators they are called with `(value, context)` instead: their types accept that
 * call so the code compiles, and these helpers turn it into one clear error at run time.
 * Field decorators run before the class decorator, so @Field() notes its member here and
 * @Gren() throws naming the class and those members.
 */
interface StandardContext {
  readonly kind: string;
  readonly name: string | symbol | undefined;
  readonly addInitializer?: (initializer: (this: unknown) => void) => void;
}

const fieldsAwaitingClass: string[] = [];

export function isStandardDecoratorContext(value: unknown): value is StandardContext {
  return typeof value === 'object' && value !== null && 'kind' in value && 'name' in value;
}

/**
 * Notes a @Field() that ran as a TC39 decorator. If no @Gren() follows, constructing an
 * instance still fails, naming the class and field.
 */
export function noteStandardField(context: StandardContext): void {
  const key = String(context.name);
  fieldsAwaitingClass.push(key);
  context.addInitializer?.(function (this: unknown) {
    const className = (this as { constructor?: { name?: string } } | undefined)?.constructor?.name ?? 'a class';
    throw GrenDefinitionError.standardFieldDecorator(className, key);
  });
}

/** The error for a @Gren() that ran as a TC39 decorator, naming the fields noted before it. */
export function standardClassError(context: StandardContext): GrenDefinitionError {
  const fields = fieldsAwaitingClass.splice(0);
  return GrenDefinitionError.standardDecorators(String(context.name ?? 'an anonymous class'), fields);
}
