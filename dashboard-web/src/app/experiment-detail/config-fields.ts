/** A JSON object as it comes from the API. */
export type JsonObject = Record<string, unknown>;

export interface ConfigDependency {
  readonly field: string;
  /** The full class string of the dependency, e.g. `refstore.pipelines.Leaf`. */
  readonly classString: string;
  /** The dependency's own fields, without `__class__`. */
  readonly fields: JsonObject;
}

export interface ConfigFields {
  /** Plain values, in stored order. */
  readonly parameters: readonly (readonly [string, unknown])[];
  readonly dependencies: readonly ConfigDependency[];
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Gren objects are serialised with a string `__class__`. */
export function isGrenObject(value: unknown): value is JsonObject & { __class__: string } {
  return isJsonObject(value) && typeof value['__class__'] === 'string';
}

export function withoutClass(object: JsonObject): JsonObject {
  const { __class__: _ignored, ...rest } = object;
  return rest;
}

/** Splits a stored `gren_obj` into its parameters and its top-level dependencies. */
export function splitConfig(grenObj: JsonObject): ConfigFields {
  const parameters: (readonly [string, unknown])[] = [];
  const dependencies: ConfigDependency[] = [];
  for (const [field, value] of Object.entries(grenObj)) {
    if (field === '__class__') {
      continue;
    }
    if (isGrenObject(value)) {
      dependencies.push({
        field,
        classString: value.__class__,
        fields: withoutClass(value),
      });
    } else {
      parameters.push([field, value]);
    }
  }
  return { parameters, dependencies };
}

/** One step into a config: an object key or an array index. */
export type ConfigPathStep = string | number;

const FIELD_TOKEN = /\.?([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/**
 * The steps of a dependency field as the API names it (`dataset`, `opt.data`, `stages[1]`,
 * `models["a"]`), or null when it is malformed.
 */
export function parseFieldPath(field: string): ConfigPathStep[] | null {
  const steps: ConfigPathStep[] = [];
  FIELD_TOKEN.lastIndex = 0;
  while (FIELD_TOKEN.lastIndex < field.length) {
    const match = FIELD_TOKEN.exec(field);
    if (!match) {
      return null;
    }
    const [, name, index, quoted] = match;
    if (name !== undefined) {
      steps.push(name);
    } else if (index !== undefined) {
      steps.push(Number(index));
    } else {
      try {
        steps.push(JSON.parse(quoted ?? '') as string);
      } catch {
        return null;
      }
    }
  }
  return steps.length > 0 ? steps : null;
}

/** A key that identifies a path, so parsed field names and tree positions can be matched. */
export function pathKey(steps: readonly ConfigPathStep[]): string {
  return JSON.stringify(steps);
}
