import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from '../errors/state-error';
import { isPlainObject } from '../model/is-plain-object';
import { parsePythonJson } from '../serialization/python-json';
import { TYPESCRIPT_METADATA_FILE } from './artifact-paths';
import { PYTHON_METADATA_KEYS, TYPESCRIPT_METADATA_KEYS, type GrenMetadata } from './metadata-types';

/**
 * metadata.json parsed losslessly (Python floats and big integers survive, for fromDict), or
 * undefined when there is none yet. Throws a GrenStateError naming the file when corrupt.
 */
export function readMetadataRaw(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Metadata is written without fsync: a power cut can leave the file empty. That is no metadata.
  if (text.trim() === '') return undefined;
  let data: unknown;
  try {
    data = parsePythonJson(text);
  } catch (error) {
    throw GrenStateError.invalidFile(file, 'metadata file', `not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(data)) throw GrenStateError.invalidFile(file, 'metadata file', 'expected a JSON object');
  return data;
}

/**
 * metadata.json (`file`) with our own facts from metadata-ts.json beside it, when that file
 * exists. Without it the facts are those metadata.json holds: none for the Python gren's,
 * and the same keys inside it for earlier versions of ours. A metadata-ts.json that cannot
 * be read is ignored: metadata.json alone stays usable.
 */
export function readMetadataWithTypeScriptFacts(file: string): Record<string, unknown> | undefined {
  const data = readMetadataRaw(file);
  if (!data) return undefined;
  const facts = typescriptFacts(path.join(path.dirname(file), TYPESCRIPT_METADATA_FILE));
  return facts ? { ...data, ...facts } : data;
}

function typescriptFacts(file: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = parsePythonJson(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  if (!isPlainObject(data)) return undefined;
  const facts: Record<string, unknown> = {};
  for (const key of TYPESCRIPT_METADATA_KEYS) if (key in data) facts[key] = data[key];
  return facts;
}

/** The validated metadata (with our facts, see readMetadataWithTypeScriptFacts); a missing file is an error (`Metadata not found: <path>`). */
export function readMetadata(file: string): GrenMetadata {
  const data = readMetadataWithTypeScriptFacts(file);
  if (!data)
    throw new GrenStateError(
      'METADATA_NOT_FOUND',
      `Metadata not found: ${file}. It is written when a computation starts.`,
      file,
    );
  for (const key of PYTHON_METADATA_KEYS) {
    if (!(key in data)) throw GrenStateError.invalidFile(file, 'metadata file', `the field "${key}" is missing`);
  }
  if (!isPlainObject(data.gren_obj))
    throw GrenStateError.invalidFile(file, 'metadata file', '"gren_obj" must be an object');
  return data as unknown as GrenMetadata;
}
