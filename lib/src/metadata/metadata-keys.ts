import type { ClassRecord } from './class-record';
import type { FieldRecord } from './field-record';
import { metadataKey } from './reflect-keys';

/** `@Field()` records declared by one class (own metadata of its prototype). */
export const FIELD_RECORDS = metadataKey<readonly FieldRecord[]>('fields');

/** The `@Gren()` record of one class (own metadata of the constructor). */
export const CLASS_RECORD = metadataKey<ClassRecord>('class');
