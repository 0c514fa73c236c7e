import type { ComputeConfigRef } from '../errors/compute-error';
import { classModel } from '../metadata/build-class-model';
import type { ClassModel } from '../metadata/class-model';
import { artifactDirOf } from '../model/artifact-dir';
import type { GrenObject } from '../model/gren-object';
import { ArtifactPaths } from '../storage/artifact-paths';

/** The hooks a GrenObject subclass implements (protected there; the runtime calls them). */
export interface GrenHooks<T> {
  _create(): T | Promise<T>;
  _load(): T | Promise<T>;
  _validate(): boolean | Promise<boolean>;
  _onPreempt?(): void | Promise<void>;
}

/** One config object seen as a store artifact: its class model, hash and paths. */
export interface Artifact<T> {
  readonly object: GrenObject<T>;
  readonly hooks: GrenHooks<T>;
  readonly model: ClassModel;
  readonly className: string;
  readonly hash: string;
  readonly dir: string;
  readonly paths: ArtifactPaths;
}

/** The namespace and hash an error names this artifact by. */
export function configRefOf<T>(artifact: Artifact<T>): ComputeConfigRef {
  return { namespace: artifact.model.namespace, hash: artifact.hash };
}

const cache = new WeakMap<object, { dir: string; artifact: Artifact<unknown> }>();

/** The artifact of a config object, memoized per object while its directory stays the same. */
export function artifactOf<T>(object: GrenObject<T>): Artifact<T> {
  const dir = artifactDirOf(object);
  const cached = cache.get(object);
  if (cached && cached.dir === dir) return cached.artifact as Artifact<T>;
  const model = classModel(object.constructor as never);
  const artifact: Artifact<T> = {
    object,
    hooks: object as unknown as GrenHooks<T>,
    model,
    className: model.className,
    hash: object.grenHash,
    dir,
    paths: new ArtifactPaths(dir),
  };
  cache.set(object, { dir, artifact: artifact });
  return artifact;
}
