/**
 * Marker keys for values plain JSON cannot carry, used by toDict() where no declared field
 * type tells the reader what a value was. Python gren writes these types lossily.
 */
export const MARKERS = {
  datetime: '__datetime__',
  bytes: '__bytes_base64__',
  set: '__set__',
  map: '__map__',
  enum: '__enum__',
} as const;

export const CLASS_MARKER = '__class__';
