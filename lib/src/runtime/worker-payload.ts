import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenStateError } from '../errors/state-error';
import type { WorkerPayload } from '../executors/executor';
import { writeFileAtomic } from '../storage/atomic-write';
import type { ArtifactPaths } from '../storage/artifact-paths';

/** `.gren/worker/<attempt id>.json`: what the worker reads to rebuild and run the config. */
export function workerPayloadPath(paths: ArtifactPaths, attemptId: string): string {
  return path.join(paths.internalDir, 'worker', `${attemptId}.json`);
}

export function writeWorkerPayload(paths: ArtifactPaths, payload: WorkerPayload): string {
  const file = workerPayloadPath(paths, payload.attemptId);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}

const KEYS: readonly (keyof WorkerPayload)[] = ['module', 'namespace', 'config', 'grenHash', 'basePath', 'attemptId'];

export function readWorkerPayload(file: string): WorkerPayload {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw GrenStateError.invalidFile(file, 'worker payload', (error as Error).message);
  }
  const record = data as Record<string, unknown>;
  for (const key of KEYS) {
    if (typeof record[key] !== 'string')
      throw GrenStateError.invalidFile(file, 'worker payload', `"${key}" must be a string`);
  }
  return record as unknown as WorkerPayload;
}
