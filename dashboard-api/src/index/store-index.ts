import * as os from 'node:os';
import * as path from 'node:path';
import { isOnLocalFilesystem } from 'gren-ts';
import type { Subject } from 'rxjs';
import { ArtifactReader } from './artifact-reader';
import type { ArtifactRecord } from './artifact-record';
import { ChangeVersions } from './change-versions';
import { FileBatchReader } from './file-batch';
import { FolderTree } from './folder-tree';
import { RecordTable } from './record-table';
import type { StructureFolder } from './store-folders';
import { StoreWatcher, defaultWatchBudget } from './store-watcher';
import { ThreadedLoader } from './threaded-loader';

export interface StoreIndexOptions {
  /** GREN_PATH: the folder holding data/ and git/. */
  basePath: string;
  /** Use inotify (default true); polling runs either way. */
  watch?: boolean;
  maxArtifactWatches?: number;
  debounceMs?: number;
  /** Longest stretch of synchronous work before yielding to requests (ms). */
  sliceMs?: number;
  /**
   * Threads reading state and metadata files while the index is built, besides this one
   * (default: one per core but one, at least 1, at most 4; 0 reads in this thread only).
   * They start only for stores of more than a few batches, and stop once metadata is read.
   */
  readerThreads?: number;
  /** Files per batch read at start-up (default 512). */
  readBatchSize?: number;
  /** Bytes a batch reads at most (default 16 MiB); the files past it are read one by one. */
  readBatchBytes?: number;
}

/**
 * The in-memory index of a store. It is built once by the threaded loader (state files
 * first, so lists answer quickly; metadata next, in the background) and then kept fresh one
 * folder at a time by the folder tree, from watch events and polling. Its records live in the
 * record table; `version` moves on every change, `listVersion` only when what lists, stats,
 * the DAG or relationships show changes (not on heartbeats).
 */
export class StoreIndex {
  readonly basePath: string;
  private readonly versions = new ChangeVersions();
  private readonly table = new RecordTable();
  private readonly tree: FolderTree;
  private readonly loader: ThreadedLoader;
  private readonly watcher: StoreWatcher;
  private readonly batchReader: FileBatchReader;
  private readyPromise: Promise<void> | undefined;
  private completePromise: Promise<void> | undefined;

  constructor(options: StoreIndexOptions) {
    this.basePath = path.resolve(options.basePath);
    this.batchReader = new FileBatchReader(
      options.readerThreads ?? Math.max(1, Math.min(4, os.availableParallelism() - 1)),
      options.readBatchBytes,
    );
    this.watcher = new StoreWatcher(
      {
        structureChanged: (directory) => this.tree.rescanFolder(directory),
        artifactChanged: (directory) => this.tree.reloadFolder(directory),
      },
      {
        // inotify sees no write made through another machine's mount (NFS, sshfs, Lustre): on
        // a network store, artifacts are polled instead of trusting a silent watch.
        enabled: (options.watch ?? true) && isOnLocalFilesystem(this.basePath),
        maxArtifactWatches: options.maxArtifactWatches ?? defaultWatchBudget(),
        debounceMs: options.debounceMs ?? 25,
      },
    );
    const reader = new ArtifactReader();
    this.tree = new FolderTree(this.basePath, this.table, this.versions, this.watcher, reader);
    this.loader = new ThreadedLoader(
      {
        tree: this.tree,
        table: this.table,
        versions: this.versions,
        watcher: this.watcher,
        reader,
        batchReader: this.batchReader,
      },
      Math.max(1, options.readBatchSize ?? 512),
      options.sliceMs ?? 15,
    );
  }

  get changes(): Subject<number> {
    return this.versions.changes;
  }

  /** Starts the initial scan (idempotent); resolves when lists can be answered. */
  start(): Promise<void> {
    if (!this.readyPromise) {
      this.readyPromise = this.loader.initialScan();
      this.completePromise = this.readyPromise
        .then(() => this.loader.loadAllMetadata())
        .finally(() => this.batchReader.close())
        .then(() => {
          void this.loader.watchAllArtifacts();
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
    this.tree.stopped = true;
    this.batchReader.close();
    this.watcher.close();
    this.versions.stop();
  }

  get version(): number {
    return this.versions.version;
  }

  get listVersion(): number {
    return this.versions.listVersion;
  }

  get size(): number {
    return this.table.size;
  }

  /** Namespaces that have artifacts; `classesVersion` moves when one appears or vanishes. */
  get classes(): ReadonlySet<string> {
    return this.table.classes;
  }

  get classesVersion(): number {
    return this.table.classesVersion;
  }

  get isMetadataLoaded(): boolean {
    return this.tree.metadataLoaded;
  }

  get watchCounts(): { structure: number; artifacts: number } {
    return { structure: this.watcher.structureWatchCount, artifacts: this.watcher.artifactWatchCount };
  }

  /** Every artifact in list order (updated_at descending, nulls last). */
  sorted(): readonly ArtifactRecord[] {
    return this.table.sorted();
  }

  /** The artifact of a namespace and hash (data/ before git/, as the reference). */
  find(namespace: string, hash: string): ArtifactRecord | undefined {
    return this.table.find(namespace, hash);
  }

  /** Folders polling must check: namespace folders (with their last mtime) and pending artifacts. */
  structureFolders(): readonly StructureFolder[] {
    return this.tree.structureFolders();
  }

  pendingFolders(): readonly string[] {
    return this.tree.pendingFolders();
  }

  /** Artifacts with a queued or running attempt that inotify does not watch: polled often. */
  unwatchedActiveRecords(): ArtifactRecord[] {
    const found: ArtifactRecord[] = [];
    for (const record of this.table.activeRecords()) {
      if (!this.watcher.isWatchingArtifact(record.directory)) found.push(record);
    }
    return found;
  }

  /** Compares a namespace folder's mtime with the last scan; rescans it when it moved. */
  checkStructure(folder: StructureFolder): void {
    this.tree.checkStructure(folder);
  }

  /** Stats an artifact's state.json and re-reads it when its signature moved. */
  checkArtifact(record: ArtifactRecord): void {
    this.tree.checkArtifact(record);
  }

  /** Re-reads one folder's listing: new sub-folders are indexed, vanished ones dropped. */
  rescanFolder(directory: string): void {
    this.tree.rescanFolder(directory);
  }

  /** Re-reads one artifact (or checks whether a pending folder became one). */
  reloadFolder(directory: string): void {
    this.tree.reloadFolder(directory);
  }
}
