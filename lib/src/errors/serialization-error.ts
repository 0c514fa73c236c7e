import { describeValue } from './describe-value';
import { GrenError, type GrenErrorOptions } from './gren-error';

/** A value cannot be hashed, serialized, or rebuilt from its serialized form. */
export class GrenSerializationError extends GrenError {
  /** Where in the config the bad value sits, as `Class.field[2].key`. */
  readonly path: string;

  constructor(code: string, message: string, path: string, options: GrenErrorOptions = {}) {
    super(code, message, options);
    this.path = path;
  }

  static unhashable(path: string, value: unknown, why: string): GrenSerializationError {
    return new GrenSerializationError(
      'SERIALIZATION_UNHASHABLE',
      `Cannot hash ${path} = ${describeValue(value)}: ${why}`,
      path,
    );
  }

  static unknownClass(path: string, marker: string): GrenSerializationError {
    return new GrenSerializationError(
      'SERIALIZATION_UNKNOWN_CLASS',
      `Cannot rebuild ${path}: no class is registered under "${marker}". Import the module that ` +
        "defines it before calling fromDict(), or check the class's @Gren({ namespace }).",
      path,
    );
  }

  static badData(path: string, value: unknown, why: string): GrenSerializationError {
    return new GrenSerializationError(
      'SERIALIZATION_BAD_DATA',
      `Cannot rebuild ${path} from ${describeValue(value)}: ${why}`,
      path,
    );
  }

  static wrapped(path: string, cause: Error): GrenSerializationError {
    return new GrenSerializationError(
      'SERIALIZATION_CONSTRUCT_FAILED',
      `Cannot rebuild ${path}: ${cause.message}`,
      path,
      { cause },
    );
  }
}
