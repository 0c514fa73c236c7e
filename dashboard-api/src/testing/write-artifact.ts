import * as fs from 'node:fs';
import * as path from 'node:path';
import { serializeState, type GrenState } from 'gren-ts';

/** The files of one artifact to write into a store (tests and benchmarks). */
export interface ArtifactFiles {
  /** `data` (default) or `git` for version-controlled classes. */
  root?: 'data' | 'git';
  namespace: string;
  hash: string;
  /** A state object, raw text (for corrupt files), or null for no state.json. */
  state: GrenState | string | null;
  /** An object, raw text, or undefined for no metadata.json. */
  metadata?: Record<string, unknown> | string;
  /** `.gren/metadata-ts.json`, the TypeScript gren's own facts (written since it keeps metadata.json strict). */
  typescriptMetadata?: Record<string, unknown>;
  /** `.gren/gren.log` content. */
  log?: string;
  /** `.gren/events.jsonl` lines. */
  events?: readonly Record<string, unknown>[];
}

/** The artifact folder `<base>/<root>/<namespace as folders>/<hash>`. */
export function artifactDirectory(base: string, root: 'data' | 'git', namespace: string, hash: string): string {
  return path.join(base, root, ...namespace.split('.'), hash);
}

/**
 * Writes an artifact the way gren lays it out. Files are written directly (no temp file and
 * rename): fine for a store nobody reads yet; tests of live changes use `replaceFile`.
 */
export function writeArtifact(base: string, files: ArtifactFiles): string {
  const directory = artifactDirectory(base, files.root ?? 'data', files.namespace, files.hash);
  const internal = path.join(directory, '.gren');
  fs.mkdirSync(internal, { recursive: true });
  if (files.metadata !== undefined) {
    const text = typeof files.metadata === 'string' ? files.metadata : JSON.stringify(files.metadata, null, 2);
    fs.writeFileSync(path.join(internal, 'metadata.json'), text);
  }
  if (files.typescriptMetadata !== undefined) {
    fs.writeFileSync(path.join(internal, 'metadata-ts.json'), JSON.stringify(files.typescriptMetadata, null, 2));
  }
  if (files.events !== undefined) {
    fs.writeFileSync(
      path.join(internal, 'events.jsonl'),
      files.events.map((event) => `${JSON.stringify(event)}\n`).join(''),
    );
  }
  if (files.log !== undefined) fs.writeFileSync(path.join(internal, 'gren.log'), files.log);
  if (files.state !== null) {
    const text = typeof files.state === 'string' ? files.state : serializeState(files.state);
    fs.writeFileSync(path.join(internal, 'state.json'), text);
    if (typeof files.state !== 'string' && files.state.result.status === 'success') {
      fs.writeFileSync(
        path.join(internal, 'SUCCESS.json'),
        JSON.stringify({ created_at: files.state.result.created_at }),
      );
    }
  }
  return directory;
}

/** Replaces a file atomically (temp file, then rename), as gren writes state.json. */
export function replaceFile(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}-${Date.now()}`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}
