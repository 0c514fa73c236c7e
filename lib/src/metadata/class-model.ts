import type { FieldType } from './field-type';
import type { AnyClass } from './type-spec';

/** A field as the rest of gren sees it, after inheritance and types are resolved. */
export interface FieldModel {
  readonly name: string;
  /** False for `_private` fields and `@Field({ hash: false })`. */
  readonly hashed: boolean;
  readonly type: FieldType;
  readonly description: string | undefined;
}

/**
 * One key of the canonical JSON object, in hash order (`__class__` sorts among fields).
 * `bytes` is `,"name":` as ASCII (no comma for the first key), followed by the namespace
 * literal for the `__class__` marker.
 */
export type HashEntry =
  | { readonly marker: true; readonly bytes: Uint8Array }
  | { readonly marker: false; readonly bytes: Uint8Array; readonly field: FieldModel };

/** Everything gren knows about a config class, built once per class and frozen. */
export interface ClassModel {
  readonly cls: AnyClass;
  readonly className: string;
  readonly namespace: string;
  readonly sourceFile: string | undefined;
  /** Fields in declaration order, parent fields first. */
  readonly fields: readonly FieldModel[];
  readonly fieldNames: readonly string[];
  readonly byName: ReadonlyMap<string, FieldModel>;
  readonly hashEntries: readonly HashEntry[];
  readonly hasValidators: boolean;
  /** Whether `@Gren({ migrations })` declares a history (checked on first construction). */
  readonly hasMigrations: boolean;
}
