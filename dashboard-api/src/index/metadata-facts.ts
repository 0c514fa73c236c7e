import { configHash, directDependencies } from 'gren-ts/store';
import { plainJson } from '../common/json/plain-json';
import type { MetadataFacts } from './artifact-record';

/**
 * What the dashboard needs from a metadata.json parsed losslessly (Python floats as
 * FloatValue, big integers as bigint): the config for config_filter (floats unboxed), and,
 * as the store model derives them, the config's hash and the direct dependencies.
 */
export function metadataFacts(metadata: Record<string, unknown>): MetadataFacts {
  const stored = metadata.gren_obj;
  const isConfig = isRecord(stored);
  const config = isConfig ? (plainJson(stored) as Record<string, unknown>) : null;
  return {
    config,
    className: config && typeof config.__class__ === 'string' ? config.__class__ : null,
    configHash: isConfig ? (configHash(stored) ?? null) : null,
    dependencies: directDependencies(metadata),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
