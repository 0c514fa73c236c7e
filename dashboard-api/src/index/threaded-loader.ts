import * as path from 'node:path';
import type { ExperimentSummary } from '../contract/api-types';
import {
  METADATA_SUFFIX,
  STATE_SUFFIX,
  metadataFromText,
  stateFacts,
  unreadableStateFacts,
  type ArtifactReader,
  type StateFacts,
} from './artifact-reader';
import type { ArtifactRecord } from './artifact-record';
import type { ChangeVersions } from './change-versions';
import {
  NOT_READ,
  PARSED,
  STATE_MISSING,
  STATE_NOT_READ,
  UNPARSED,
  type FileBatch,
  type FileBatchReader,
  type StateBatch,
} from './file-batch';
import type { FolderTree } from './folder-tree';
import type { RecordTable } from './record-table';
import { ROOTS, type FolderInfo } from './store-folders';
import type { StoreWatcher } from './store-watcher';
import { ALL_STATUSES, className } from 'gren-ts/store';

/** Children of one folder whose state.json is read together at start-up. */
interface StateChunk {
  parent: FolderInfo;
  /** The parent folder's path and a separator. */
  prefix: string;
  names: string[];
  /** FolderTree.changeEpoch when the folder was listed. */
  epoch: number;
}

export interface ThreadedLoaderParts {
  tree: FolderTree;
  table: RecordTable;
  versions: ChangeVersions;
  watcher: StoreWatcher;
  reader: ArtifactReader;
  batchReader: FileBatchReader;
}

/**
 * Builds the index at start-up: every folder listed and every state.json read (state files
 * first, so lists answer quickly), then every metadata.json in the background, then every
 * artifact watched. Files are read in batches, on reader threads for large stores, and parsed
 * in this thread a slice at a time, so requests answered meanwhile wait for one slice at most.
 */
export class ThreadedLoader {
  /** Files listed for reading so far; reader threads start once there are several batches. */
  private filesListed = 0;

  constructor(
    private readonly parts: ThreadedLoaderParts,
    private readonly readBatchSize: number,
    private readonly sliceMs: number,
  ) {}

  /**
   * Lists every folder and reads every state.json: folders in this thread, state files in
   * batches (on reader threads for large stores) parsed here as they come back.
   */
  async initialScan(): Promise<void> {
    const { tree, table, versions, batchReader } = this.parts;
    const folders: FolderInfo[] = ROOTS.map((root) => ({
      directory: path.join(tree.basePath, root),
      root,
      segments: [],
    }));
    const chunks: StateChunk[] = [];
    const reading = new Set<Promise<void>>();
    const maxReading = Math.max(2, 2 * batchReader.threadCount);
    let sliceStart = performance.now();
    while (!tree.stopped) {
      // With every thread busy, this thread reads too (when it has nothing else to do).
      const stealing = reading.size >= maxReading && folders.length === 0;
      if (chunks.length > 0 && (reading.size < maxReading || stealing)) {
        const chunk = chunks.pop() as StateChunk;
        const readAt = Date.now();
        const inThisThread = stealing || this.filesListed < 4 * this.readBatchSize;
        const read = batchReader.readStates(chunk.prefix, chunk.names, STATE_SUFFIX, inThisThread).then((batch) => {
          reading.delete(read);
          if (!tree.stopped) this.addStates(chunk, batch, readAt, folders);
        });
        reading.add(read);
      } else if (folders.length > 0) {
        const info = folders.pop() as FolderInfo;
        const names = tree.listFolder(info, false);
        if (names && names.length > 0) {
          this.filesListed += names.length;
          const prefix = info.directory + path.sep;
          for (let start = 0; start < names.length; start += this.readBatchSize) {
            chunks.push({
              parent: info,
              prefix,
              names: names.slice(start, start + this.readBatchSize),
              epoch: tree.changeEpoch,
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
    table.resetOrder();
    versions.markScanned();
  }

  /**
   * Reads every metadata.json in the background: files in batches (on the reader threads for
   * large stores), parsed here a few milliseconds at a time, so requests answered meanwhile
   * (the first lists) wait for one short slice at most.
   */
  async loadAllMetadata(): Promise<void> {
    const { tree, table, versions, batchReader } = this.parts;
    tree.metadataLoading = true;
    const records = [...table.values()].filter((record) => record.metadata === undefined);
    const directories = records.map((record) => record.directory);
    const maxReading = Math.max(2, 2 * batchReader.threadCount);
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
        void batchReader.read('', directories.slice(from, next), METADATA_SUFFIX, inThisThread).then((batch) => {
          reading -= 1;
          arrived.push({ from, batch });
          wake?.();
        });
      }
    };
    let current: { from: number; batch: FileBatch; index: number; start: number } | undefined;
    while (!tree.stopped) {
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
    if (tree.stopped) return;
    tree.metadataLoading = false;
    tree.metadataLoaded = true;
    // Bumped now (not on the next tick), so the lists answered after complete() see it.
    versions.bumpNow();
  }

  /** Watches artifacts once everything is read: unfinished ones first (they change most). */
  async watchAllArtifacts(): Promise<void> {
    const { tree, table, watcher } = this.parts;
    tree.watchingArtifacts = true;
    const records = [...table.values()];
    const ordered = [
      ...records.filter((r) => r.summary.result_status !== 'success'),
      ...records.filter((r) => r.summary.result_status === 'success'),
    ];
    let sliceStart = performance.now();
    for (const directory of [...tree.pendingFolders(), ...ordered.map((record) => record.directory)]) {
      if (tree.stopped) return;
      if (!watcher.watchArtifact(directory) && !watcher.isWatchingArtifact(directory)) return;
      if (performance.now() - sliceStart > this.sliceMs) {
        await yieldToRequests();
        sliceStart = performance.now();
      }
    }
  }

  /** Indexes one batch of the initial scan; children without state.json are listed next. */
  private addStates(chunk: StateChunk, batch: StateBatch, readAt: number, folders: FolderInfo[]): void {
    const { tree, reader } = this.parts;
    const { parent, prefix, names } = chunk;
    // Only children the folder still lists and nothing indexed meanwhile (a rescan or reload
    // since the listing); without one, the listing's own checks still hold.
    const recheck = chunk.epoch !== tree.changeEpoch;
    const listed = recheck ? tree.childrenOf(parent.directory) : undefined;
    const parentNamespace = parent.segments.join('.');
    const parentClassName = className(parentNamespace);
    const { kinds, numbers, strings } = batch;
    for (let index = 0; index < names.length; index += 1) {
      const kind = kinds[index] as number;
      const name = names[index] as string;
      const directory = prefix + name;
      const known = recheck && (!listed?.has(name) || tree.isKnown(directory));
      if (known) continue;
      // The store model's rule: a folder right below a root is never an artifact (no namespace).
      if (parentNamespace === '') {
        folders.push({ directory, root: parent.root, segments: [...parent.segments, name] });
        continue;
      }
      const namespace = parentNamespace;
      const hash = name;
      const classOf = parentClassName;
      const unread = kind === STATE_NOT_READ ? reader.readState(directory, namespace, hash) : undefined;
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
      tree.addRecord(directory, parent.root, namespace, hash, facts, null, readAt, true);
    }
  }

  /**
   * Sets a record's metadata from its file in a batch (unless a reload already did, with newer
   * content); returns where the next file starts.
   */
  private addMetadata(record: ArtifactRecord, at: { batch: FileBatch; index: number; start: number }): number {
    const { table, reader } = this.parts;
    const end = at.batch.ends[at.index] as number;
    if (table.get(record.directory) !== record || record.metadata !== undefined) {
      return end >= 0 ? end : at.start;
    }
    if (end >= 0) {
      const text = at.batch.bytes.toString('utf8', at.start, end);
      record.metadata = metadataFromText(text, record.directory + METADATA_SUFFIX);
    } else {
      record.metadata = end === NOT_READ ? reader.readMetadata(record.directory) : null;
    }
    return end >= 0 ? end : at.start;
  }
}

const STATUSES = new Map(ALL_STATUSES.map((name) => [name, name]));

/** One string per status for the whole index (a thread's batch holds copies). */
function status(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return STATUSES.get(text) ?? text;
}

/** Lets pending requests run before the next slice of work. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
