import * as fs from 'node:fs';
import * as path from 'node:path';
import { classModel } from '../metadata/build-class-model';
import type { GrenObject } from '../model/gren-object';
import type { Clock } from '../runtime/clock';
import { toCode } from '../serialization/to-code';
import { toDict } from '../serialization/to-dict';
import { toPython } from '../serialization/to-python';
import type { GrenSettings } from '../settings/gren-settings';
import type { GrenMetadata } from '../storage/metadata-types';
import { version } from '../version';
import { environmentInfo } from './environment-info';
import { findDependencies } from './find-dependencies';
import { collectGitInfo, type GitInfo } from './git-info';

const MAX_PATCH_CHARS = 50_000;

/**
 * Builds metadata.json: the reference's fields in its order, then the TypeScript ones. Git
 * facts are collected once per repository and reused for GREN_CACHE_METADATA seconds (the
 * cache key includes the diff setting).
 */
export class MetadataCollector {
  private readonly gitCache = new Map<string, { expires: number; info: Promise<GitInfo> }>();

  constructor(
    private readonly settings: GrenSettings,
    private readonly clock: Clock,
  ) {}

  async collect(config: GrenObject, directory: string): Promise<GrenMetadata> {
    const model = classModel(config.constructor as never);
    const git = await this.gitInfo(model.sourceFile ? path.dirname(model.sourceFile) : process.cwd());
    const env = environmentInfo(this.clock.now());
    return {
      gren_python_def: toPython(config),
      gren_obj: toDict(config) as Record<string, unknown>,
      gren_hash: config.grenHash,
      gren_path: realDirectory(directory),
      git_commit: git.commit,
      git_branch: git.branch,
      git_remote: git.remote,
      git_patch: git.patch,
      git_submodules: git.submodules,
      ...env,
      gren_ts_def: toCode(config),
      gren_ts_module: model.sourceFile ?? null,
      gren_version: version,
      node_version: process.version,
      gren_dependencies: findDependencies(config),
    };
  }

  clearCache(): void {
    this.gitCache.clear();
  }

  private gitInfo(repoDir: string): Promise<GitInfo> {
    const { ignoreDiff, requireGit, requireGitRemote, cacheMetadataSecs } = this.settings;
    const key = [repoDir, ignoreDiff, requireGit, requireGitRemote].join('\0');
    const now = Date.now();
    const cached = this.gitCache.get(key);
    if (cached && cached.expires > now) return cached.info;
    const info = collectGitInfo(repoDir, { ignoreDiff, requireGit, requireGitRemote, maxPatchChars: MAX_PATCH_CHARS });
    if (cacheMetadataSecs > 0) {
      this.gitCache.set(key, { expires: now + cacheMetadataSecs * 1000, info });
      info.catch(() => this.gitCache.delete(key));
    }
    return info;
  }
}

/** Real paths of artifact folders' parents (the namespace folders), by absolute path. */
const realParents = new Map<string, string>();
const MAX_REAL_PARENTS = 1000;

/**
 * The artifact folder's real path. realpath(3) reads every component of the path (one
 * system call each); the namespace folder above it is resolved once per process, and only
 * the artifact folder itself is checked for being a link.
 */
function realDirectory(directory: string): string {
  try {
    const absolute = path.resolve(directory);
    if (fs.lstatSync(absolute).isSymbolicLink()) return fs.realpathSync.native(absolute);
    const parent = path.dirname(absolute);
    let realParent = realParents.get(parent);
    if (realParent === undefined) {
      if (realParents.size >= MAX_REAL_PARENTS) realParents.clear();
      realParent = fs.realpathSync.native(parent);
      realParents.set(parent, realParent);
    }
    return path.join(realParent, path.basename(absolute));
  } catch {
    return path.resolve(directory);
  }
}
