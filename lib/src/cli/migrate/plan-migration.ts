import * as path from 'node:path';
import type { ClassModel } from '../../metadata/class-model';
import { classHistory } from '../../migration/class-history';
import { mapStoredConfig, staleConfig } from '../../migration/stale-config';
import { artifactDirOf } from '../../model/artifact-dir';
import type { GrenObject } from '../../model/gren-object';
import { isGrenObject } from '../../model/gren-object-mark';
import { isPlainObject } from '../../model/is-plain-object';
import { fromDict } from '../../serialization/from-dict';
import { ArtifactPaths, GREN_DIR_NAME, METADATA_FILE } from '../../storage/artifact-paths';
import { readMetadataRaw } from '../../storage/read-metadata';
import { readState } from '../../storage/read-state';
import type { Progress } from '../progress';
import { findArtifacts } from '../../store/find-artifacts';
import type { ArtifactLocation } from '../../store/store-layout';
import type { MigrationItem } from './migration-item';

/**
 * The stale artifacts of `classes` in the store at `base` (under their current namespace or
 * one they moved from), each with where the declared steps map it. Reads only. Artifacts
 * that fit their class are left out; two stale artifacts mapping to one new identity are
 * both marked `conflict`.
 */
export function planMigration(base: string, classes: readonly ClassModel[], progress: Progress): MigrationItem[] {
  const owners = new Map<string, ClassModel>();
  for (const model of classes) {
    const namespaces = model.hasMigrations
      ? classHistory(model).versions.map((version) => version.namespace)
      : [model.namespace];
    for (const namespace of namespaces) owners.set(namespace, model);
  }
  const locations = findArtifacts(base).filter((location) => owners.has(location.namespace));
  progress.start(locations.length, 'reading artifacts');
  const items: MigrationItem[] = [];
  for (const location of locations) {
    const item = planOne(location, owners.get(location.namespace) as ClassModel);
    if (item) items.push(item);
    progress.tick();
  }
  progress.stop();
  markConflicts(items);
  return items;
}

function planOne(location: ArtifactLocation, owner: ClassModel): MigrationItem | undefined {
  const metadata = readMetadataRaw(path.join(location.directory, GREN_DIR_NAME, METADATA_FILE));
  const stored = metadata?.['gren_obj'];
  if (!isPlainObject(stored)) return undefined;
  const verdict = staleConfig(stored);
  if (!verdict) return undefined;
  const from = { namespace: location.namespace, hash: location.hash, directory: location.directory };
  const base = { className: verdict.className ?? owner.className, from, changes: verdict.changes };
  if (!verdict.mapping.mapped) {
    return { ...base, to: undefined, steps: [], status: 'unmapped', reason: verdict.mapping.reason, object: undefined };
  }
  const mapped = mapStoredConfig(stored);
  const object = 'reason' in mapped ? undefined : fromDict(mapped.config);
  if (!isGrenObject(object)) {
    return {
      ...base,
      to: undefined,
      steps: verdict.mapping.steps,
      status: 'unmapped',
      reason: `${owner.className} is not a GrenObject: it has no artifacts`,
      object: undefined,
    };
  }
  const to = { namespace: verdict.mapping.namespace, hash: verdict.mapping.hash, directory: artifactDirOf(object) };
  const config = object as unknown as GrenObject;
  const hasResult = readState(new ArtifactPaths(location.directory).state).result.status === 'success';
  const status = hasResult ? 'planned' : 'not_success';
  return {
    ...base,
    to,
    steps: verdict.mapping.steps,
    status,
    reason: hasResult ? undefined : 'it holds no successful result to reuse',
    object: config,
  };
}

function markConflicts(items: MigrationItem[]): void {
  const byTarget = new Map<string, MigrationItem[]>();
  for (const item of items) {
    if (item.status !== 'planned' || !item.to) continue;
    byTarget.set(item.to.directory, [...(byTarget.get(item.to.directory) ?? []), item]);
  }
  for (const group of byTarget.values()) {
    if (group.length < 2) continue;
    for (const item of group) {
      const others = group
        .filter((other) => other !== item)
        .map((other) => `${other.from.namespace} ${other.from.hash}`);
      item.status = 'conflict';
      item.reason = `${others.join(', ')} maps to the same identity through ${item.steps.join('; ')}; remove the artifact that should not be reused (or recompute it)`;
    }
  }
}
