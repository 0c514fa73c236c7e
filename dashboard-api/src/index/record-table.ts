import type { ArtifactRecord } from './artifact-record';
import { SortedRecords } from './sorted-records';

/**
 * The index's artifacts, by folder, with what lookups need: by namespace and hash (data/
 * before git/), in list order, the namespaces that have artifacts, and the unfinished ones.
 */
export class RecordTable {
  private readonly records = new Map<string, ArtifactRecord>();
  /** Namespace, then hash: lookups reuse the scan's strings instead of hashing a joined key. */
  private readonly byRef = new Map<string, Map<string, ArtifactRecord>>();
  private readonly active = new Set<ArtifactRecord>();
  private readonly classCounts = new Map<string, number>();
  private readonly classSet = new Set<string>();
  private classesVersionCounter = 0;
  private readonly order = new SortedRecords();

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

  get(directory: string): ArtifactRecord | undefined {
    return this.records.get(directory);
  }

  has(directory: string): boolean {
    return this.records.has(directory);
  }

  values(): IterableIterator<ArtifactRecord> {
    return this.records.values();
  }

  entries(): IterableIterator<[string, ArtifactRecord]> {
    return this.records.entries();
  }

  /** Artifacts with a queued or running attempt. */
  activeRecords(): ReadonlySet<ArtifactRecord> {
    return this.active;
  }

  /** Every artifact in list order (updated_at descending, nulls last). */
  sorted(): readonly ArtifactRecord[] {
    return this.order.all;
  }

  /** The artifact of a namespace and hash (data/ before git/, as the reference). */
  find(namespace: string, hash: string): ArtifactRecord | undefined {
    return this.byRef.get(namespace)?.get(hash);
  }

  /** Adds a record to every lookup but the list order (see `placeInOrder`, `resetOrder`). */
  add(record: ArtifactRecord): void {
    const { namespace, hash } = record;
    this.records.set(record.directory, record);
    this.countClass(namespace, 1);
    let hashes = this.byRef.get(namespace);
    if (!hashes) {
      hashes = new Map();
      this.byRef.set(namespace, hashes);
    }
    const existing = hashes.get(hash);
    if (!existing || (existing.root === 'git' && record.root === 'data')) hashes.set(hash, record);
  }

  /**
   * Removes a record (unless another one replaced it); the same namespace and hash under the
   * other root, at `otherRootDirectory()`, takes its place in lookups. False when not there.
   */
  remove(record: ArtifactRecord, otherRootDirectory: () => string): boolean {
    if (this.records.get(record.directory) !== record) return false;
    this.records.delete(record.directory);
    this.countClass(record.namespace, -1);
    this.order.remove(record);
    this.active.delete(record);
    const hashes = this.byRef.get(record.namespace);
    if (hashes?.get(record.hash) === record) {
      hashes.delete(record.hash);
      if (hashes.size === 0) this.byRef.delete(record.namespace);
      const other = this.records.get(otherRootDirectory());
      if (other) {
        const sameNamespace = this.byRef.get(record.namespace) ?? new Map<string, ArtifactRecord>();
        this.byRef.set(record.namespace, sameNamespace.set(record.hash, other));
      }
    }
    return true;
  }

  /** Takes a record out of the list order before what sorts it changes. */
  removeFromOrder(record: ArtifactRecord): void {
    this.order.remove(record);
  }

  /** Puts a record (new or changed) in the list order and the unfinished set. */
  placeInOrder(record: ArtifactRecord): void {
    this.order.insert(record);
    this.trackActive(record);
  }

  /** Sorts every record at once (after the initial scan). */
  resetOrder(): void {
    this.order.reset(this.records.values());
    for (const record of this.records.values()) this.trackActive(record);
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
}
