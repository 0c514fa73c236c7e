import * as fs from 'node:fs';
import * as path from 'node:path';
import { Subject } from 'rxjs';
import type { ExperimentSummary } from '../contract/api-types';
import { ArtifactReader } from './artifact-reader';
import { recordKey, refKey, type ArtifactRecord, type MetadataFacts, type StoreRootName } from './artifact-record';
import { SortedRecords } from './sorted-records';
import { statSignature } from './read-small-file';
import { StoreWatcher, defaultWatchBudget } from './store-watcher';

export interface StoreIndexOptions {
  /** GREN_PATH: the folder holding data/ and git/. */
  basePath: string;
  /** Use inotify (default true); polling runs either way. */
  watch?: boolean;
  maxArtifactWatches?: number;
  debounceMs?: number;
  /** Longest stretch of synchronous work before yielding to requests (ms). */
  sliceMs?: number;
}

interface FolderInfo {
  readonly directory: string;
  readonly root: StoreRootName;
  readonly segments: readonly string[];
}

interface StructureFolder extends FolderInfo {
  mtimeMs: number | null;
  children: Set<string>;
}

const ROOTS: readonly StoreRootName[] = ['data', 'git'];
const MAX_DEPTH = 48;
/** A state.json modified this close to (or after) our read of it may hold a newer content. */
const MTIME_SLACK_MS = 2000;

/**
 * The in-memory index of a store (D1). It is built once (state files first, so lists answer
 * quickly; metadata next, in the background) and then kept fresh one folder at a time, from
 * watch events and polling. `version` moves on every change; `listVersion` only when what
 * lists, stats, the DAG or relationships show changes (not on heartbeats).
 */
export class StoreIndex {
  readonly changes = new Subject<number>();
  readonly basePath: string;
  private readonly reader = new ArtifactReader();
  private readonly records = new Map<string, ArtifactRecord>();
  private readonly byRef = new Map<string, ArtifactRecord>();
  private readonly structure = new Map<string, StructureFolder>();
  private readonly pending = new Map<string, FolderInfo>();
  private readonly active = new Set<ArtifactRecord>();
  private readonly classCounts = new Map<string, number>();
  private readonly classSet = new Set<string>();
  private classesVersionCounter = 0;
  private readonly order = new SortedRecords();
  private readonly watcher: StoreWatcher;
  private readonly sliceMs: number;
  private versionCounter = 0;
  private listVersionCounter = 0;
  private dirty = false;
  private listDirty = false;
  private flushScheduled = false;
  private stopped = false;
  private metadataLoaded = false;
  private watchingArtifacts = false;
  private readyPromise: Promise<void> | undefined;
  private completePromise: Promise<void> | undefined;

  constructor(options: StoreIndexOptions) {
    this.basePath = path.resolve(options.basePath);
    this.sliceMs = options.sliceMs ?? 15;
    this.watcher = new StoreWatcher(
      {
        structureChanged: (directory) => this.rescanFolder(directory),
        artifactChanged: (directory) => this.reloadFolder(directory),
      },
      {
        enabled: options.watch ?? true,
        maxArtifactWatches: options.maxArtifactWatches ?? defaultWatchBudget(),
        debounceMs: options.debounceMs ?? 25,
      },
    );
  }

  /** Starts the initial scan (idempotent); resolves when lists can be answered. */
  start(): Promise<void> {
    if (!this.readyPromise) {
      this.readyPromise = this.initialScan();
      this.completePromise = this.readyPromise
        .then(() => this.loadAllMetadata())
        .then(() => {
          void this.watchAllArtifacts();
        });
      this.completePromise.catch(() => undefined);
    }
    return this.readyPromise;
  }

  /** Resolves when every state.json has been read. */
  ready(): Promise<void> {
    return this.start();
  }

  /** Resolves when metadata has been read too (config_filter, the DAG, relationships). */
  async complete(): Promise<void> {
    await this.start();
    await this.completePromise;
  }

  stop(): void {
    this.stopped = true;
    this.watcher.close();
    this.changes.complete();
  }

  get version(): number {
    return this.versionCounter;
  }

  get listVersion(): number {
    return this.listVersionCounter;
  }

  get size(): number {
    return this.records.size;
  }

  /** Namespaces that have artifacts; `classesVersion` moves when one appears or vanishes. */
  get classes(): ReadonlySet<string> {
    return this.classSet;
  }

  get classesVersion(): number {
    return this.classesVersionCounter;
  }

  get isMetadataLoaded(): boolean {
    return this.metadataLoaded;
  }

  get watchCounts(): { structure: number; artifacts: number } {
    return { structure: this.watcher.structureWatchCount, artifacts: this.watcher.artifactWatchCount };
  }

  /** Every artifact in list order (updated_at descending, nulls last). */
  sorted(): readonly ArtifactRecord[] {
    return this.order.all;
  }

  /** The artifact of a namespace and hash (data/ before git/, as the reference). */
  find(namespace: string, hash: string): ArtifactRecord | undefined {
    return this.byRef.get(refKey(namespace, hash));
  }

  /** Folders polling must check: namespace folders (with their last mtime) and pending artifacts. */
  structureFolders(): readonly StructureFolder[] {
    return [...this.structure.values()];
  }

  pendingFolders(): readonly string[] {
    return [...this.pending.keys()];
  }

  /** Artifacts with a queued or running attempt that inotify does not watch: polled often. */
  unwatchedActiveRecords(): ArtifactRecord[] {
    const found: ArtifactRecord[] = [];
    for (const record of this.active) if (!this.watcher.isWatchingArtifact(record.directory)) found.push(record);
    return found;
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
    if (this.records.get(record.directory) !== record) return;
    let stats: fs.Stats | undefined;
    try {
      stats = fs.statSync(path.join(record.directory, '.gren', 'state.json'), { throwIfNoEntry: false });
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
    const info = this.structure.get(directory) ?? this.pending.get(directory) ?? this.folderInfo(directory);
    if (!info) return;
    const queue: FolderInfo[] = [info];
    while (queue.length > 0) this.scanFolder(queue.pop() as FolderInfo, queue, false);
  }

  /** Re-reads one artifact (or checks whether a pending folder became one). */
  reloadFolder(directory: string): void {
    if (this.stopped) return;
    const record = this.records.get(directory);
    if (!record) {
      const info = this.pending.get(directory);
      if (info && this.tryArtifact(info, false)) this.pending.delete(directory);
      return;
    }
    const facts = this.reader.readState(directory, record.namespace, record.hash, true);
    if (!facts) {
      this.removeRecord(record);
      if (fs.existsSync(path.join(directory, '.gren'))) {
        this.pending.set(directory, { directory, root: record.root, segments: this.segmentsOf(record) });
        this.watcher.watchArtifact(directory);
      }
      this.touch(true);
      return;
    }
    const metadata =
      this.metadataLoaded || record.metadata !== undefined ? this.reader.readMetadata(directory) : undefined;
    const listChanged = !sameSummary(record.summary, facts.summary) || !sameMetadata(record.metadata, metadata);
    const stateChanged = facts.signature !== record.stateSignature;
    if (listChanged) this.order.remove(record);
    record.summary = facts.summary;
    record.updatedMs = facts.updatedMs;
    record.startedMs = facts.startedMs;
    record.stateSignature = facts.signature;
    record.readAt = Date.now();
    record.metadata = metadata;
    if (listChanged) {
      this.order.insert(record);
      this.trackActive(record);
    }
    if (listChanged || stateChanged) this.touch(listChanged);
  }

  private async initialScan(): Promise<void> {
    const queue: FolderInfo[] = ROOTS.map((root) => ({
      directory: path.join(this.basePath, root),
      root,
      segments: [],
    }));
    let sliceStart = performance.now();
    while (queue.length > 0 && !this.stopped) {
      this.scanFolder(queue.pop() as FolderInfo, queue, true);
      if (performance.now() - sliceStart > this.sliceMs) {
        await yieldToRequests();
        sliceStart = performance.now();
      }
    }
    this.order.reset(this.records.values());
    for (const record of this.records.values()) this.trackActive(record);
    this.versionCounter = 1;
    this.listVersionCounter = 1;
  }

  private async loadAllMetadata(): Promise<void> {
    let sliceStart = performance.now();
    for (const record of [...this.records.values()]) {
      if (this.stopped) return;
      if (record.metadata === undefined && this.records.get(record.directory) === record) {
        record.metadata = this.reader.readMetadata(record.directory);
      }
      if (performance.now() - sliceStart > this.sliceMs) {
        await yieldToRequests();
        sliceStart = performance.now();
      }
    }
    this.metadataLoaded = true;
    // Bumped now (not on the next tick), so the lists answered after complete() see it.
    this.versionCounter += 1;
    this.listVersionCounter += 1;
    this.changes.next(this.versionCounter);
  }

  /** Watches artifacts once everything is read: unfinished ones first (they change most). */
  private async watchAllArtifacts(): Promise<void> {
    this.watchingArtifacts = true;
    const records = [...this.records.values()];
    const ordered = [
      ...records.filter((r) => r.summary.result_status !== 'success'),
      ...records.filter((r) => r.summary.result_status === 'success'),
    ];
    let sliceStart = performance.now();
    for (const directory of [...this.pending.keys(), ...ordered.map((record) => record.directory)]) {
      if (this.stopped) return;
      if (!this.watcher.watchArtifact(directory) && !this.watcher.isWatchingArtifact(directory)) return;
      if (performance.now() - sliceStart > this.sliceMs) {
        await yieldToRequests();
        sliceStart = performance.now();
      }
    }
  }

  private scanFolder(info: FolderInfo, queue: FolderInfo[], initial: boolean): void {
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
      return;
    }
    if (info.segments.length > 0 && entries.some((entry) => entry.name === '.gren' && entry.isDirectory())) {
      // An artifact folder (once a namespace-like folder, or one whose state.json was missing).
      this.dropStructure(directory);
      if (this.records.has(directory)) {
        this.reloadFolder(directory);
        return;
      }
      if (!this.tryArtifact(info, initial) && !this.pending.has(directory)) {
        this.pending.set(directory, info);
        if (this.watchingArtifacts) this.watcher.watchArtifact(directory);
      }
      return;
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
    if (info.segments.length >= MAX_DEPTH) return;
    const namespace = info.segments.join('.');
    for (const name of children) {
      // Plain concatenation: the folder is already normalized, and path.join costs per artifact.
      const child = directory + path.sep + name;
      if (this.records.has(child) || this.pending.has(child) || this.structure.has(child)) continue;
      if (!this.tryArtifactAt(child, info.root, namespace, name, initial)) {
        queue.push({ directory: child, root: info.root, segments: [...info.segments, name] });
      }
    }
  }

  /** Indexes a folder whose `.gren/state.json` exists; false when it does not. */
  private tryArtifact(info: FolderInfo, initial: boolean): boolean {
    const { namespace, hash } = namespaceAndHash(info.segments);
    return this.tryArtifactAt(info.directory, info.root, namespace, hash, initial);
  }

  private tryArtifactAt(
    directory: string,
    root: StoreRootName,
    parentNamespace: string,
    name: string,
    initial: boolean,
  ): boolean {
    // A folder right below a root has no namespace of its own (reference: hash "").
    const [namespace, hash] = parentNamespace === '' ? [name, ''] : [parentNamespace, name];
    if (this.records.has(directory)) return true;
    const info = { directory, root };
    const facts = this.reader.readState(info.directory, namespace, hash, !initial);
    if (!facts) return false;
    const record: ArtifactRecord = {
      key: recordKey(info.root, namespace, hash),
      root: info.root,
      directory: info.directory,
      namespace,
      hash,
      summary: facts.summary,
      updatedMs: facts.updatedMs,
      startedMs: facts.startedMs,
      stateSignature: facts.signature,
      readAt: Date.now(),
      metadata: this.metadataLoaded ? this.reader.readMetadata(info.directory) : undefined,
    };
    this.records.set(info.directory, record);
    this.pending.delete(info.directory);
    this.countClass(namespace, 1);
    const ref = refKey(namespace, hash);
    const existing = this.byRef.get(ref);
    if (!existing || (existing.root === 'git' && record.root === 'data')) this.byRef.set(ref, record);
    if (!initial) {
      this.order.insert(record);
      this.trackActive(record);
      if (this.watchingArtifacts) this.watcher.watchArtifact(info.directory);
      this.touch(true);
    }
    return true;
  }

  private removeRecord(record: ArtifactRecord): void {
    if (this.records.get(record.directory) !== record) return;
    this.records.delete(record.directory);
    this.countClass(record.namespace, -1);
    this.order.remove(record);
    this.active.delete(record);
    const ref = refKey(record.namespace, record.hash);
    if (this.byRef.get(ref) === record) {
      this.byRef.delete(ref);
      const other = this.records.get(
        this.directoryOf(record.root === 'data' ? 'git' : 'data', this.segmentsOf(record)),
      );
      if (other) this.byRef.set(ref, other);
    }
    this.watcher.unwatchUnder(record.directory);
  }

  /** Forgets everything at or below a folder that vanished. */
  private dropUnder(directory: string, keepSelf: boolean): void {
    const prefix = directory + path.sep;
    const under = (key: string): boolean => key.startsWith(prefix) || (!keepSelf && key === directory);
    let changed = false;
    for (const [key, record] of this.records) {
      if (under(key)) {
        this.removeRecord(record);
        changed = true;
      }
    }
    for (const key of [...this.pending.keys()]) if (under(key)) this.pending.delete(key);
    for (const key of [...this.structure.keys()]) if (under(key)) this.structure.delete(key);
    if (!keepSelf) this.watcher.unwatchUnder(directory);
    if (changed) this.touch(true);
  }

  private dropStructure(directory: string): void {
    const prefix = directory + path.sep;
    for (const key of [...this.structure.keys()]) {
      if (key === directory || key.startsWith(prefix)) this.structure.delete(key);
    }
    this.watcher.unwatchStructureUnder(directory);
  }

  private countClass(namespace: string, delta: 1 | -1): void {
    const count = (this.classCounts.get(namespace) ?? 0) + delta;
    if (count > 0) this.classCounts.set(namespace, count);
    else this.classCounts.delete(namespace);
    if (count > 0 && !this.classSet.has(namespace)) {
      this.classSet.add(namespace);
      this.classesVersionCounter += 1;
    } else if (count <= 0 && this.classSet.delete(namespace)) {
      this.classesVersionCounter += 1;
    }
  }

  private trackActive(record: ArtifactRecord): void {
    const status = record.summary.attempt_status;
    if (status === 'queued' || status === 'running') this.active.add(record);
    else this.active.delete(record);
  }

  private touch(listChanged: boolean): void {
    if (this.versionCounter === 0) return;
    this.dirty = true;
    this.listDirty ||= listChanged;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.dirty || this.stopped) return;
      this.versionCounter += 1;
      if (this.listDirty) this.listVersionCounter += 1;
      this.dirty = false;
      this.listDirty = false;
      this.changes.next(this.versionCounter);
    });
  }

  private folderInfo(directory: string): FolderInfo | undefined {
    for (const root of ROOTS) {
      const rootDir = path.join(this.basePath, root);
      if (directory === rootDir) return { directory, root, segments: [] };
      if (directory.startsWith(rootDir + path.sep)) {
        return { directory, root, segments: directory.slice(rootDir.length + 1).split(path.sep) };
      }
    }
    return undefined;
  }

  private segmentsOf(record: ArtifactRecord): string[] {
    return path.relative(path.join(this.basePath, record.root), record.directory).split(path.sep);
  }

  private directoryOf(root: StoreRootName, segments: readonly string[]): string {
    return path.join(this.basePath, root, ...segments);
  }
}

/** Namespace and hash of an artifact folder relative to its root (reference §10.1). */
export function namespaceAndHash(segments: readonly string[]): { namespace: string; hash: string } {
  if (segments.length < 2) return { namespace: segments.join('.'), hash: '' };
  return { namespace: segments.slice(0, -1).join('.'), hash: segments[segments.length - 1] as string };
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
    a.configKey === b.configKey &&
    a.className === b.className &&
    JSON.stringify(a.declaredDependencies) === JSON.stringify(b.declaredDependencies)
  );
}

function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
