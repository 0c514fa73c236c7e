import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isOnLocalFilesystem } from 'gren-ts';
import { Subject } from 'rxjs';
import type { ExperimentSummary } from '../contract/api-types';
import {
  ArtifactReader,
  METADATA_SUFFIX,
  STATE_SUFFIX,
  metadataFromText,
  stateFacts,
  unreadableStateFacts,
  type StateFacts,
} from './artifact-reader';
import {
  FileBatchReader,
  NOT_READ,
  PARSED,
  STATE_MISSING,
  STATE_NOT_READ,
  UNPARSED,
  type FileBatch,
  type StateBatch,
} from './file-batch';
import { recordKey, type ArtifactRecord, type MetadataFacts, type StoreRootName } from './artifact-record';
import { SortedRecords } from './sorted-records';
import { statSignature } from './read-small-file';
import { StoreWatcher, defaultWatchBudget } from './store-watcher';
import { className } from './summarize-state';

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

/** Children of one folder whose state.json is read together at start-up. */
interface StateChunk {
  parent: FolderInfo;
  /** The parent folder's path and a separator. */
  prefix: string;
  names: string[];
  /** StoreIndex.changeEpoch when the folder was listed. */
  epoch: number;
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
  /** Namespace, then hash: lookups reuse the scan's strings instead of hashing a joined key. */
  private readonly byRef = new Map<string, Map<string, ArtifactRecord>>();
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
  private metadataLoading = false;
  private readyPromise: Promise<void> | undefined;
  private completePromise: Promise<void> | undefined;
  private readonly batchReader: FileBatchReader;
  private readonly readBatchSize: number;
  /** Files listed for reading so far; reader threads start once there are several batches. */
  private filesListed = 0;
  /**
   * Moves whenever a change from outside the initial scan (a rescan, a reload) may have
   * indexed or dropped folders: the scan re-checks the children it listed only then.
   */
  private changeEpoch = 0;

  constructor(options: StoreIndexOptions) {
    this.basePath = path.resolve(options.basePath);
    this.sliceMs = options.sliceMs ?? 15;
    this.batchReader = new FileBatchReader(
      options.readerThreads ?? Math.max(1, Math.min(4, os.availableParallelism() - 1)),
      options.readBatchBytes,
    );
    this.readBatchSize = Math.max(1, options.readBatchSize ?? 512);
    this.watcher = new StoreWatcher(
      {
        structureChanged: (directory) => this.rescanFolder(directory),
        artifactChanged: (directory) => this.reloadFolder(directory),
      },
      {
        // inotify sees no write made through another machine's mount (NFS, sshfs, Lustre): on
        // a network store, artifacts are polled instead of trusting a silent watch.
        enabled: (options.watch ?? true) && isOnLocalFilesystem(this.basePath),
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
        .finally(() => this.batchReader.close())
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
    this.batchReader.close();
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
    return this.byRef.get(namespace)?.get(hash);
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
    this.changeEpoch += 1;
    const info = this.structure.get(directory) ?? this.pending.get(directory) ?? this.folderInfo(directory);
    if (!info) return;
    const queue: FolderInfo[] = [info];
    while (queue.length > 0) this.scanFolder(queue.pop() as FolderInfo, queue, false);
  }

  /** Re-reads one artifact (or checks whether a pending folder became one). */
  reloadFolder(directory: string): void {
    if (this.stopped) return;
    this.changeEpoch += 1;
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
      this.metadataLoaded || this.metadataLoading || record.metadata !== undefined
        ? this.reader.readMetadata(directory)
        : undefined;
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

  /**
   * Lists every folder and reads every state.json: folders in this thread, state files in
   * batches (on reader threads for large stores) parsed here as they come back.
   */
  private async initialScan(): Promise<void> {
    const folders: FolderInfo[] = ROOTS.map((root) => ({
      directory: path.join(this.basePath, root),
      root,
      segments: [],
    }));
    const chunks: StateChunk[] = [];
    const reading = new Set<Promise<void>>();
    const maxReading = Math.max(2, 2 * this.batchReader.threadCount);
    let sliceStart = performance.now();
    while (!this.stopped) {
      // With every thread busy, this thread reads too (when it has nothing else to do).
      const stealing = reading.size >= maxReading && folders.length === 0;
      if (chunks.length > 0 && (reading.size < maxReading || stealing)) {
        const chunk = chunks.pop() as StateChunk;
        const readAt = Date.now();
        const inThisThread = stealing || this.filesListed < 4 * this.readBatchSize;
        const read = this.batchReader
          .readStates(chunk.prefix, chunk.names, STATE_SUFFIX, inThisThread)
          .then((batch) => {
            reading.delete(read);
            if (!this.stopped) this.addStates(chunk, batch, readAt, folders);
          });
        reading.add(read);
      } else if (folders.length > 0) {
        const info = folders.pop() as FolderInfo;
        const names = this.listFolder(info, false);
        if (names && names.length > 0) {
          this.filesListed += names.length;
          const prefix = info.directory + path.sep;
          for (let start = 0; start < names.length; start += this.readBatchSize) {
            chunks.push({
              parent: info,
              prefix,
              names: names.slice(start, start + this.readBatchSize),
              epoch: this.changeEpoch,
            });
          }
        }
      } else if (reading.size > 0) {
        await Promise.race(reading);
      } else {
        break;
      }
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

  /** Indexes one batch of the initial scan; children without state.json are listed next. */
  private addStates(chunk: StateChunk, batch: StateBatch, readAt: number, folders: FolderInfo[]): void {
    const { parent, prefix, names } = chunk;
    // Only children the folder still lists and nothing indexed meanwhile (a rescan or reload
    // since the listing); without one, the listing's own checks still hold.
    const recheck = chunk.epoch !== this.changeEpoch;
    const listed = recheck ? this.structure.get(parent.directory)?.children : undefined;
    const parentNamespace = parent.segments.join('.');
    const parentClassName = className(parentNamespace);
    const { kinds, numbers, strings } = batch;
    for (let index = 0; index < names.length; index += 1) {
      const kind = kinds[index] as number;
      const name = names[index] as string;
      const directory = prefix + name;
      const known =
        recheck &&
        (!listed?.has(name) ||
          this.records.has(directory) ||
          this.pending.has(directory) ||
          this.structure.has(directory));
      if (known) continue;
      // A folder right below a root has no namespace of its own (reference: hash "").
      const atRoot = parentNamespace === '';
      const namespace = atRoot ? name : parentNamespace;
      const hash = atRoot ? '' : name;
      const classOf = atRoot ? className(name) : parentClassName;
      const unread = kind === STATE_NOT_READ ? this.reader.readState(directory, namespace, hash) : undefined;
      if (kind === STATE_MISSING || (kind === STATE_NOT_READ && !unread)) {
        folders.push({ directory, root: parent.root, segments: [...parent.segments, name] });
        continue;
      }
      let facts: StateFacts;
      if (unread) {
        facts = unread;
      } else if (kind === PARSED) {
        const at = index * 7;
        const number = numbers[index * 3] as number;
        const updatedMs = numbers[index * 3 + 1] as number;
        const startedMs = numbers[index * 3 + 2] as number;
        facts = {
          summary: {
            namespace,
            gren_hash: hash,
            class_name: classOf,
            result_status: status(strings[at]) as ExperimentSummary['result_status'],
            attempt_status: status(strings[at + 1]) as ExperimentSummary['attempt_status'],
            attempt_number: Number.isNaN(number) ? null : number,
            updated_at: strings[at + 2] ?? null,
            started_at: strings[at + 3] ?? null,
            backend: strings[at + 4] ?? null,
            hostname: strings[at + 5] ?? null,
            user: strings[at + 6] ?? null,
          },
          updatedMs: Number.isNaN(updatedMs) ? null : updatedMs,
          startedMs: Number.isNaN(startedMs) ? null : startedMs,
        };
      } else if (kind === UNPARSED) {
        facts = stateFacts(namespace, hash, batch.texts[index] ?? '', directory + STATE_SUFFIX, classOf);
      } else {
        facts = unreadableStateFacts(namespace, hash, directory + STATE_SUFFIX, batch.errors[index] ?? '');
      }
      this.addRecord(directory, parent.root, namespace, hash, facts, null, readAt, true);
    }
  }

  /**
   * Reads every metadata.json in the background: files in batches (on the reader threads for
   * large stores), parsed here a few milliseconds at a time, so requests answered meanwhile
   * (the first lists) wait for one short slice at most.
   */
  private async loadAllMetadata(): Promise<void> {
    this.metadataLoading = true;
    const records = [...this.records.values()].filter((record) => record.metadata === undefined);
    const directories = records.map((record) => record.directory);
    const maxReading = Math.max(2, 2 * this.batchReader.threadCount);
    const inThisThread = records.length < 4 * this.readBatchSize;
    const sliceMs = Math.max(1, this.sliceMs / 3);
    const arrived: { from: number; batch: FileBatch }[] = [];
    let reading = 0;
    let next = 0;
    let wake: (() => void) | undefined;
    const readMore = (): void => {
      while (next < records.length && reading < maxReading) {
        const from = next;
        next = Math.min(records.length, next + this.readBatchSize);
        reading += 1;
        void this.batchReader.read('', directories.slice(from, next), METADATA_SUFFIX, inThisThread).then((batch) => {
          reading -= 1;
          arrived.push({ from, batch });
          wake?.();
        });
      }
    };
    let current: { from: number; batch: FileBatch; index: number; start: number } | undefined;
    while (!this.stopped) {
      readMore();
      if (!current) {
        const first = arrived.shift();
        if (first) current = { ...first, index: 0, start: 0 };
      }
      if (!current) {
        if (reading === 0 && next >= records.length) break;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      const sliceStart = performance.now();
      while (current && performance.now() - sliceStart < sliceMs) {
        current.start = this.addMetadata(records[current.from + current.index] as ArtifactRecord, current);
        current.index += 1;
        if (current.index >= current.batch.ends.length) {
          const following = arrived.shift();
          current = following && { ...following, index: 0, start: 0 };
          readMore();
        }
      }
      await yieldToRequests();
    }
    if (this.stopped) return;
    this.metadataLoading = false;
    this.metadataLoaded = true;
    // Bumped now (not on the next tick), so the lists answered after complete() see it.
    this.versionCounter += 1;
    this.listVersionCounter += 1;
    this.changes.next(this.versionCounter);
  }

  /**
   * Sets a record's metadata from its file in a batch (unless a reload already did, with newer
   * content); returns where the next file starts.
   */
  private addMetadata(record: ArtifactRecord, at: { batch: FileBatch; index: number; start: number }): number {
    const end = at.batch.ends[at.index] as number;
    if (this.records.get(record.directory) !== record || record.metadata !== undefined) {
      return end >= 0 ? end : at.start;
    }
    if (end >= 0) {
      const text = at.batch.bytes.toString('utf8', at.start, end);
      record.metadata = metadataFromText(text, record.directory + METADATA_SUFFIX);
    } else {
      record.metadata = end === NOT_READ ? this.reader.readMetadata(record.directory) : null;
    }
    return end >= 0 ? end : at.start;
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

  /**
   * Lists a folder and records it as a namespace folder: the names of its new sub-folders
   * (to try as artifacts), or undefined when it is an artifact folder itself or is gone.
   */
  private listFolder(info: FolderInfo, initial: boolean): string[] | undefined {
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
    if (info.segments.length > 0 && entries.some((entry) => entry.name === '.gren' && entry.isDirectory())) {
      // An artifact folder (once a namespace-like folder, or one whose state.json was missing).
      this.dropStructure(directory);
      if (this.records.has(directory)) {
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
    if (!previous && this.changeEpoch === 0) return [...children];
    const names: string[] = [];
    const prefix = directory + path.sep;
    for (const name of children) {
      const child = prefix + name;
      if (!this.records.has(child) && !this.pending.has(child) && !this.structure.has(child)) names.push(name);
    }
    return names;
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
    const readAt = Date.now();
    const facts = this.reader.readState(directory, namespace, hash, !initial);
    if (!facts) return false;
    this.addRecord(directory, root, namespace, hash, facts, facts.signature, readAt, initial);
    return true;
  }

  private addRecord(
    directory: string,
    root: StoreRootName,
    namespace: string,
    hash: string,
    facts: StateFacts,
    signature: string | null,
    readAt: number,
    initial: boolean,
  ): void {
    const record: ArtifactRecord = {
      key: recordKey(root, namespace, hash),
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
    this.records.set(directory, record);
    this.pending.delete(directory);
    this.countClass(namespace, 1);
    let hashes = this.byRef.get(namespace);
    if (!hashes) {
      hashes = new Map();
      this.byRef.set(namespace, hashes);
    }
    const existing = hashes.get(hash);
    if (!existing || (existing.root === 'git' && record.root === 'data')) hashes.set(hash, record);
    if (!initial) {
      this.order.insert(record);
      this.trackActive(record);
      if (this.watchingArtifacts) this.watcher.watchArtifact(directory);
      this.touch(true);
    }
  }

  private removeRecord(record: ArtifactRecord): void {
    if (this.records.get(record.directory) !== record) return;
    this.records.delete(record.directory);
    this.countClass(record.namespace, -1);
    this.order.remove(record);
    this.active.delete(record);
    const hashes = this.byRef.get(record.namespace);
    if (hashes?.get(record.hash) === record) {
      hashes.delete(record.hash);
      if (hashes.size === 0) this.byRef.delete(record.namespace);
      const other = this.records.get(
        this.directoryOf(record.root === 'data' ? 'git' : 'data', this.segmentsOf(record)),
      );
      if (other) {
        const sameNamespace = this.byRef.get(record.namespace) ?? new Map<string, ArtifactRecord>();
        this.byRef.set(record.namespace, sameNamespace.set(record.hash, other));
      }
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

const STATUSES = new Map(
  ['absent', 'incomplete', 'success', 'failed', 'queued', 'running', 'cancelled', 'preempted', 'crashed'].map(
    (name) => [name, name],
  ),
);

/** One string per status for the whole index (a thread's batch holds copies). */
function status(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return STATUSES.get(text) ?? text;
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
