import type { TypeSpec, TypeThunk } from './type-spec';

/** Options of `@Field(typeThunk?, options?)`. */
export interface FieldOptions {
  /** The field's type when reflection cannot tell: Float, BigInt, an enum, [Float], ... */
  type?: TypeSpec;
  /** `false` leaves the field out of the hash, as a leading `_` does. */
  hash?: boolean;
  /** Shown by the dashboard and `gren explain`. */
  description?: string;
}

/** What `@Field()` records, untouched: the metadata builder interprets it later. */
export interface FieldRecord {
  readonly name: string;
  readonly typeThunk: TypeThunk | undefined;
  readonly options: FieldOptions;
  readonly designType: unknown;
}
