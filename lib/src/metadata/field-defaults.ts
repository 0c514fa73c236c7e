import type { AnyClass } from './type-spec';

/**
 * The values a class's field initializers give a fresh instance, or undefined when its
 * constructor cannot run without arguments. `original` is the class as written, before
 * @Gren() wrapped it, so construction stops there: no init values, checks or freezing.
 * Only asked for fields with no other type source (esbuild, tsx and vitest emit no
 * design:type).
 */
export function readFieldDefaults(original: AnyClass): Readonly<Record<string, unknown>> | undefined {
  try {
    return new (original as unknown as new () => Record<string, unknown>)();
  } catch {
    return undefined;
  }
}
