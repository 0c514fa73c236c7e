import type { SweepNode } from './sweep-plan';
import {
  FINAL_STATUSES,
  countStatuses,
  type SweepCounts,
  type SweepEntry,
  type SweepStatus,
  type SweepSummary,
} from './sweep-status';

/** The mutable record of one config while the sweep runs. */
export interface NodeRecord {
  readonly node: SweepNode;
  status: SweepStatus;
  message: string | null;
  jobId: string | null;
  attemptId: string | null;
  submittedHere: boolean;
}

/** Every config of a sweep and where it stands; tells listeners about each change. */
export class SweepBook {
  private readonly records = new Map<string, NodeRecord>();
  private readonly listeners = new Set<() => void>();
  private readonly startedAt = Date.now();
  private finishedAt: number | undefined;

  constructor(nodes: readonly SweepNode[]) {
    for (const node of nodes) {
      this.records.set(node.key, {
        node,
        status: node.cached ? 'cached' : 'waiting',
        message: null,
        jobId: null,
        attemptId: null,
        submittedHere: false,
      });
    }
  }

  record(node: SweepNode): NodeRecord {
    const record = this.records.get(node.key);
    if (!record) throw new Error(`internal: ${node.className} ${node.hash} is not part of this sweep`);
    return record;
  }

  all(): NodeRecord[] {
    return [...this.records.values()];
  }

  set(node: SweepNode, changes: Partial<Omit<NodeRecord, 'node'>>): void {
    const record = this.record(node);
    if (FINAL_STATUSES.has(record.status) && changes.status !== undefined && changes.status !== record.status) return;
    Object.assign(record, changes);
    for (const listener of this.listeners) listener();
  }

  /** Marks every config that (transitively) needs `node` as skipped, naming the failure. */
  skipDependants(node: SweepNode, message: string): void {
    const why = `dependency ${node.className} ${node.hash} ${message}`;
    const visit = (child: SweepNode): void => {
      const record = this.record(child);
      if (FINAL_STATUSES.has(record.status)) return;
      this.set(child, { status: 'skipped', message: why });
      child.dependants.forEach(visit);
    };
    node.dependants.forEach(visit);
  }

  isFinished(): boolean {
    return this.all().every((record) => FINAL_STATUSES.has(record.status));
  }

  markFinished(): void {
    this.finishedAt ??= Date.now();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  entries(): SweepEntry[] {
    return this.all().map((record) => ({
      config: record.node.object,
      className: record.node.className,
      hash: record.node.hash,
      directory: record.node.key,
      level: record.node.cached ? -1 : record.node.level,
      requested: record.node.requested,
      status: record.status,
      message: record.message,
      jobId: record.jobId,
      attemptId: record.attemptId,
      submittedHere: record.submittedHere,
    }));
  }

  summary(): SweepSummary {
    const records = this.all();
    const counts = countStatuses(records.map((record) => record.status));
    const levels: SweepCounts[] = [];
    const levelCount = records.reduce(
      (max, record) => (record.node.cached ? max : Math.max(max, record.node.level + 1)),
      0,
    );
    for (let level = 0; level < levelCount; level += 1) {
      levels.push(
        countStatuses(
          records.filter((record) => !record.node.cached && record.node.level === level).map((record) => record.status),
        ),
      );
    }
    const elapsedSec = ((this.finishedAt ?? Date.now()) - this.startedAt) / 1000;
    const settled = counts.done + counts.failed + counts.skipped + counts.cancelled;
    const left = counts.waiting + counts.queued + counts.running;
    const remainingSec = left === 0 ? 0 : settled === 0 ? null : (elapsedSec / settled) * left;
    return { ...counts, elapsedSec, remainingSec, levels };
  }
}
