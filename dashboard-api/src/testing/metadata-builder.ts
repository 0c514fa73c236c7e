import type { DependencyRef } from 'gren-ts';

export interface MetadataSpec {
  namespace: string;
  hash: string;
  directory: string;
  /** The config as `{"__class__": namespace, ...fields}`. */
  grenObj: Record<string, unknown>;
  /**
   * Set for artifacts written by the TypeScript gren (its metadata lists every nested gren
   * object); leave undefined for a Python-written artifact, which has no such field.
   */
  dependencies?: DependencyRef[];
  timestamp: Date;
  hostname?: string;
  user?: string;
}

/** metadata.json content in the reference's key order, plus the TypeScript fields when asked. */
export function buildMetadata(spec: MetadataSpec): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    gren_python_def: `${spec.namespace}(...)`,
    gren_obj: spec.grenObj,
    gren_hash: spec.hash,
    gren_path: spec.directory,
    git_commit: '6210b3ad4725af7e5dcb423a3d2fa22d080d5cb3',
    git_branch: 'main',
    git_remote: null,
    git_patch: '<ignored-diff>',
    git_submodules: {},
    timestamp: `${spec.timestamp.toISOString().slice(0, 23)}000+00:00`,
    command: 'train.ts',
    python_version: '',
    executable: '/usr/bin/node',
    platform: 'linux',
    hostname: spec.hostname ?? 'node01',
    user: spec.user ?? 'alice',
    pid: 4242,
  };
  if (spec.dependencies !== undefined) {
    metadata.gren_ts_def = `new ${spec.namespace.split('.').pop() ?? ''}({...})`;
    metadata.gren_ts_module = null;
    metadata.gren_version = '0.3.0';
    metadata.node_version = process.version;
    metadata.gren_dependencies = spec.dependencies;
  }
  return metadata;
}
