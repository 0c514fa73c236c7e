import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExperimentSummary } from '../contract/api-types';
import type { ArtifactReader, StateFacts } from './artifact-reader';
import { GREN_DIR_NAME, STATE_SUFFIX, artifactKey, namespaceAndHash, type StoreRoot } from 'gren-ts/store';
import type { ArtifactRecord, MetadataFacts } from './artifact-record';
import type { ChangeVersions } from './change-versions';
import { statSignature } from './read-small-file';
import type { RecordTable } from './record-table';
import { MAX_DEPTH, folderInfo, type FolderInfo, type StructureFolder } from './store-folders';
import type { StoreWatcher } from './store-watcher';

/** A state.json modified this close to (or after) our read of it may hold a newer content. */
const MTIME_SLACK_MS = 2000;

/**
 * The store's folder tree, mirrored one folder at a time into the record table: namespace
 * folders (listed, watched, polled), pending folders (with `.gren` but no readable state yet)
 * and artifact folders (records). Rescans and reloads keep it fresh after the initial scan.
 */
export class FolderTree {
  /** Set by stop(): nothing changes any more. */
  stopped = false;
  /** Metadata is being read (or has been): records added from now on read theirs at once. */
  metadataLoading = false;
  metadataLoaded = false;
  /** Artifacts are being watched: new ones are watched as they appear. */
  watchingArtifacts = false;
  private readonly structure = new Map<string, StructureFolder>();
  private readonly pending = new Map<string, FolderInfo>();
  /**
   * Moves whenever a change from outside the initial scan (a rescan, a reload) may have
   * indexed or dropped folders: the scan re-checks the children it listed only then.
   */
  private epoch = 0;

  constructor(
    readonly basePath: string,
    private readonly table: RecordTable,
    private readonly versions: ChangeVersions,
    private readonly watcher: StoreWatcher,
    private readonly reader: ArtifactReader,
  ) {}

  get changeEpoch(): number {
    return this.epoch;
  }

  /** Folders polling must check: namespace folders (with their last mtime) and pending artifacts. */
  structureFolders(): readonly StructureFolder[] {
    return [...this.structure.values()];
  }

  pendingFolders(): readonly string[] {
    return [...this.pending.keys()];
  }

  /** The sub-folders a namespace folder had when last listed. */
  childrenOf(directory: string): ReadonlySet<string> | undefined {
    return this.structure.get(directory)?.children;
  }

  /** Whether a folder is indexed already: an artifact, a pending one or a namespace folder. */
  isKnown(directory: string): boolean {
    return this.table.has(directory) || this.pending.has(directory) || this.structure.has(directory);
  }

  /** Compares a namespace folder's mtime with the last scan; rescans it when it moved. */
  checkStructure(folder: StructureFolder): void {
    let mtimeMs: number | null = null;
    try {
      mtimeMs = fs.statSync(folder.directory).mtimeMs;
    } catch {
      mtimeMs = null;
    }
    if (mtimeMs !== folder.mtimeMs) this.rescanFolder(folder.directory);
  }

  /** Stats an artifact's state.json and re-reads it when its signature moved. */
  checkArtifact(record: ArtifactRecord): void {
    if (this.table.get(record.directory) !== record) return;
    let stats: fs.Stats | undefined;
    try {
      stats = fs.statSync(record.directory + STATE_SUFFIX, { throwIfNoEntry: false });
    } catch {
      stats = undefined;
    }
    if (!stats) {
      this.reloadFolder(record.directory);
      return;
    }
    const signature = statSignature(stats);
    if (record.stateSignature === null) {
      if (stats.mtimeMs >= record.readAt - MTIME_SLACK_MS) this.reloadFolder(record.directory);
      else record.stateSignature = signature;
    } else if (signature !== record.stateSignature) {
      this.reloadFolder(record.directory);
    }
  }

  /** Re-reads one folder's listing: new sub-folders are indexed, vanished ones dropped. */
  rescanFolder(directory: string): void {
    if (this.stopped) return;
    this.epoch += 1;
    const info = this.structure.get(directory) ?? this.pending.get(directory) ?? folderInfo(this.basePath, directory);
    if (!info) return;
    const queue: FolderInfo[] = [info];
    while (queue.length > 0) this.scanFolder(queue.pop() as FolderInfo, queue, false);
  }

  /** Re-reads one artifact (or checks whether a pending folder became one). */
  reloadFolder(directory: string): void {
    if (this.stopped) return;
    this.epoch += 1;
    const record = this.table.get(directory);
    if (!record) {
      const info = this.pending.get(directory);
      if (info && this.tryArtifact(info, false)) this.pending.delete(directory);
      return;
    }
    const facts = this.reader.readState(directory, record.namespace, record.hash, true);
    if (!facts) {
      this.removeRecord(record);
      if (fs.existsSync(path.join(directory, GREN_DIR_NAME))) {
        this.pending.set(directory, { directory, root: record.root, segments: this.segmentsOf(record) });
        this.watcher.watchArtifact(directory);
      }
      this.versions.touch(true);
      return;
    }
    const metadata =
      this.metadataLoaded || this.metadataLoading || record.metadata !== undefined
        ? this.reader.readMetadata(directory)
        : undefined;
    const listChanged = !sameSummary(record.summary, facts.summary) || !sameMetadata(record.metadata, metadata);
    const stateChanged = facts.signature !== record.stateSignature;
    if (listChanged) this.table.removeFromOrder(record);
    record.summary = facts.summary;
    record.updatedMs = facts.updatedMs;
    record.startedMs = facts.startedMs;
    record.stateSignature = facts.signature;
    record.readAt = Date.now();
    record.metadata = metadata;
    if (listChanged) this.table.placeInOrder(record);
    if (listChanged || stateChanged) this.versions.touch(listChanged);
  }

  /**
   * Lists a folder and records it as a namespace folder: the names of its new sub-folders
   * (to try as artifacts), or undefined when it is an artifact folder itself or is gone.
   */
  listFolder(info: FolderInfo, initial: boolean): string[] | undefined {
    const { directory } = info;
    let entries: fs.Dirent[];
    let mtimeMs: number | null;
    try {
      mtimeMs = fs.statSync(directory).mtimeMs;
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      if (info.segments.length === 0) {
        this.dropUnder(directory, true);
        this.structure.set(directory, { ...info, mtimeMs: null, children: new Set() });
      } else {
        this.dropUnder(directory, false);
      }
      return undefined;
    }
    if (info.segments.length >= 2 && entries.some((entry) => entry.name === GREN_DIR_NAME && entry.isDirectory())) {
      // An artifact folder (once a namespace-like folder, or one whose state.json was missing).
      this.dropStructure(directory);
      if (this.table.has(directory)) {
        this.reloadFolder(directory);
        return undefined;
      }
      if (!this.tryArtifact(info, initial) && !this.pending.has(directory)) {
        this.pending.set(directory, info);
        if (this.watchingArtifacts) this.watcher.watchArtifact(directory);
      }
      return undefined;
    }
    const children = new Set<string>();
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) children.add(entry.name);
    }
    const previous = this.structure.get(directory);
    this.structure.set(directory, { ...info, mtimeMs, children });
    this.watcher.watchStructure(directory);
    if (previous) {
      for (const name of previous.children) if (!children.has(name)) this.dropUnder(path.join(directory, name), false);
    }
    if (info.segments.length >= MAX_DEPTH) return [];
    // Before any rescan or reload, only the initial scan indexes, and it indexes the children
    // of a folder after listing it (once): a folder listed for the first time has no known child.
    if (!previous && this.epoch === 0) return [...children];
    const names: string[] = [];
    const prefix = directory + path.sep;
    for (const name of children) {
      if (!this.isKnown(prefix + name)) names.push(name);
    }
    return names;
  }

  addRecord(
    directory: string,
    root: StoreRoot,
    namespace: string,
    hash: string,
    facts: StateFacts,
    signature: string | null,
    readAt: number,
    initial: boolean,
  ): void {
    const record: ArtifactRecord = {
      key: artifactKey(root, namespace, hash),
      root,
      directory,
      namespace,
      hash,
      summary: facts.summary,
      updatedMs: facts.updatedMs,
      startedMs: facts.startedMs,
      stateSignature: signature,
      readAt,
      metadata: this.metadataLoaded || this.metadataLoading ? this.reader.readMetadata(directory) : undefined,
    };
    this.table.add(record);
    this.pending.delete(directory);
    if (!initial) {
      this.table.placeInOrder(record);
      if (this.watchingArtifacts) this.watcher.watchArtifact(directory);
      this.versions.touch(true);
    }
  }

  private scanFolder(info: FolderInfo, queue: FolderInfo[], initial: boolean): void {
    const names = this.listFolder(info, initial);
    if (!names) return;
    const namespace = info.segments.join('.');
    for (const name of names) {
      // Plain concatenation: the folder is already normalized, and path.join costs per artifact.
      const child = info.directory + path.sep + name;
      if (!this.tryArtifactAt(child, info.root, namespace, name, initial)) {
        queue.push({ directory: child, root: info.root, segments: [...info.segments, name] });
      }
    }
  }

  /** Indexes a folder whose `.gren/state.json` exists; false when it does not. */
  private tryArtifact(info: FolderInfo, initial: boolean): boolean {
    const located = namespaceAndHash(info.segments);
    return (
      located !== undefined && this.tryArtifactAt(info.directory, info.root, located.namespace, located.hash, initial)
    );
  }

  private tryArtifactAt(
    directory: string,
    root: StoreRoot,
    parentNamespace: string,
    name: string,
    initial: boolean,
  ): boolean {
    // The store model's rule: a folder right below a root is never an artifact (no namespace).
    if (parentNamespace === '') return false;
    const [namespace, hash] = [parentNamespace, name];
    if (this.table.has(directory)) return true;
    const readAt = Date.now();
    const facts = this.reader.readState(directory, namespace, hash, !initial);
    if (!facts) return false;
    this.addRecord(directory, root, namespace, hash, facts, facts.signature, readAt, initial);
    return true;
  }

  private removeRecord(record: ArtifactRecord): void {
    const otherRoot = record.root === 'data' ? 'git' : 'data';
    if (!this.table.remove(record, () => this.directoryOf(otherRoot, this.segmentsOf(record)))) return;
    this.watcher.unwatchUnder(record.directory);
  }

  /** Forgets everything at or below a folder that vanished. */
  private dropUnder(directory: string, keepSelf: boolean): void {
    const prefix = directory + path.sep;
    const under = (key: string): boolean => key.startsWith(prefix) || (!keepSelf && key === directory);
    let changed = false;
    for (const [key, record] of this.table.entries()) {
      if (under(key)) {
        this.removeRecord(record);
        changed = true;
      }
    }
    for (const key of [...this.pending.keys()]) if (under(key)) this.pending.delete(key);
    for (const key of [...this.structure.keys()]) if (under(key)) this.structure.delete(key);
    if (!keepSelf) this.watcher.unwatchUnder(directory);
    if (changed) this.versions.touch(true);
  }

  private dropStructure(directory: string): void {
    const prefix = directory + path.sep;
    for (const key of [...this.structure.keys()]) {
      if (key === directory || key.startsWith(prefix)) this.structure.delete(key);
    }
    this.watcher.unwatchStructureUnder(directory);
  }

  private segmentsOf(record: ArtifactRecord): string[] {
    return path.relative(path.join(this.basePath, record.root), record.directory).split(path.sep);
  }

  private directoryOf(root: StoreRoot, segments: readonly string[]): string {
    return path.join(this.basePath, root, ...segments);
  }
}

function sameSummary(a: ExperimentSummary, b: ExperimentSummary): boolean {
  return (
    a.result_status === b.result_status &&
    a.attempt_status === b.attempt_status &&
    a.attempt_number === b.attempt_number &&
    a.updated_at === b.updated_at &&
    a.started_at === b.started_at &&
    a.backend === b.backend &&
    a.hostname === b.hostname &&
    a.user === b.user &&
    a.state_error === b.state_error
  );
}

function sameMetadata(a: MetadataFacts | null | undefined, b: MetadataFacts | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.configHash === b.configHash &&
    a.className === b.className &&
    JSON.stringify(a.dependencies) === JSON.stringify(b.dependencies)
  );
}
