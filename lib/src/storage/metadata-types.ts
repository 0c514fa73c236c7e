/** `.gren/metadata.json` as the Python gren writes it, in its key order. */
export interface PythonMetadata {
  gren_python_def: string;
  gren_obj: Record<string, unknown>;
  gren_hash: string;
  gren_path: string;
  git_commit: string;
  git_branch: string;
  git_remote: string | null;
  git_patch: string;
  git_submodules: Record<string, string>;
  timestamp: string;
  command: string;
  python_version: string;
  executable: string;
  platform: string;
  hostname: string;
  user: string;
  pid: number;
}

/** A dependency found in a config's fields (also inside arrays and objects). */
export interface DependencyRef {
  /** Where it sits: `dataset`, `stages[1]`, `models["a"]`. */
  field: string;
  namespace: string;
  gren_hash: string;
}

/**
 * Facts only the TypeScript gren records, in `.gren/metadata-ts.json` (the Python gren's
 * metadata.json forbids extra keys). Earlier versions of ours appended them to metadata.json.
 */
export interface TypeScriptMetadata {
  gren_ts_def: string;
  /** The file that defines the class, for workers that rebuild the object elsewhere. */
  gren_ts_module: string | null;
  gren_version: string;
  node_version: string;
  gren_dependencies: DependencyRef[];
}

/** metadata.json with, when known, our facts from metadata-ts.json. */
export type GrenMetadata = PythonMetadata & Partial<TypeScriptMetadata>;

export const PYTHON_METADATA_KEYS: readonly (keyof PythonMetadata)[] = [
  'gren_python_def',
  'gren_obj',
  'gren_hash',
  'gren_path',
  'git_commit',
  'git_branch',
  'git_remote',
  'git_patch',
  'git_submodules',
  'timestamp',
  'command',
  'python_version',
  'executable',
  'platform',
  'hostname',
  'user',
  'pid',
];

export const TYPESCRIPT_METADATA_KEYS: readonly (keyof TypeScriptMetadata)[] = [
  'gren_ts_def',
  'gren_ts_module',
  'gren_version',
  'node_version',
  'gren_dependencies',
];
