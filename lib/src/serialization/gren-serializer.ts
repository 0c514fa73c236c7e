import { computeHash, hashCanonicalJson, toCanonicalJson } from '../identity/compute-hash';
import { fromDict } from './from-dict';
import { parsePythonJson, stringifyPythonJson } from './python-json';
import { toCode, type ToCodeOptions } from './to-code';
import { toDict } from './to-dict';
import { toPython } from './to-python';

/** Serialization and identity as static functions (the reference's GrenSerializer). */
export const GrenSerializer = Object.freeze({
  toDict,
  fromDict,
  computeHash,
  canonicalJson: toCanonicalJson,
  /** The hash of a canonical JSON text (BLAKE2s, 10-byte digest, hex). */
  digest: hashCanonicalJson,
  toCode: (value: unknown, options?: ToCodeOptions): string => toCode(value, options),
  toPython: (value: unknown, options: { multiline?: boolean } = {}): string =>
    toPython(value, options.multiline ?? false),
  /** JSON text Python reads back identically (floats as `1.0`, bigints as digits). */
  toJson: (value: unknown, options: { indent?: number } = {}): string => stringifyPythonJson(toDict(value), options),
  /** Parses JSON keeping Python floats (`1.0`) and big integers. */
  parseJson: parsePythonJson,
});
