import { displayTime } from '../format/display-time';
import { humanSize } from '../format/human-size';
import type { ScannedArtifact } from '../store/scan-store';
import type { GcExecution } from './execute-gc';
import type { PlannedGc } from './plan-gc';
import type { GcReason } from './select-for-gc';

/** What a gc run did (or, dry, would do). */
export interface GcReport {
  readonly store: string;
  readonly dryRun: boolean;
  readonly planned: PlannedGc;
  /** Leftovers of an interrupted gc: emptied at the start of a real run, only counted in a dry run. */
  readonly trash: { entries: number; bytes: number };
  readonly execution: GcExecution | undefined;
}

const REASON_TEXT: Readonly<Record<GcReason, string>> = {
  age: 'old',
  failed: 'failed',
  orphan: 'orphan',
  size: 'over size budget',
};

/** The report as text. */
export function formatGcReport(report: GcReport): string {
  const { plan, artifacts } = report.planned;
  const lines: string[] = [];
  const get = (key: string): ScannedArtifact => artifacts.get(key)!;
  const verb = report.dryRun ? 'would remove' : 'selected';
  lines.push(
    `gc of ${report.store}${report.dryRun ? ' (dry run: nothing is changed)' : ''}: ${artifacts.size} artifacts, ${humanSize(plan.totalBytes)}`,
  );
  if (report.trash.entries > 0) {
    lines.push(
      report.dryRun
        ? `.trash holds ${report.trash.entries} leftover(s) of an interrupted gc, ${humanSize(report.trash.bytes)}: a real run empties it`
        : `emptied .trash: ${report.trash.entries} leftover(s) of an interrupted gc, ${humanSize(report.trash.bytes)}`,
    );
  }
  lines.push(
    `${verb} ${plan.remove.length} artifact${plan.remove.length === 1 ? '' : 's'}, ${humanSize(plan.removeBytes)}${plan.remove.length ? ':' : ''}`,
  );
  for (const entry of plan.remove)
    lines.push(`  ${row(get(entry.key))}  ${entry.reasons.map((reason) => REASON_TEXT[reason]).join(', ')}`);
  if (plan.kept.length > 0) {
    lines.push(`kept ${plan.kept.length} selected artifact${plan.kept.length === 1 ? '' : 's'}:`);
    for (const entry of plan.kept)
      lines.push(
        `  ${row(get(entry.key))}  ${entry.reasons.map((reason) => REASON_TEXT[reason]).join(', ')}; kept: ${describeWhy(entry.why, artifacts)}`,
      );
  }
  const problems = report.planned.links.problems;
  if (problems.length > 0) {
    lines.push(
      `${problems.length} result link${problems.length === 1 ? '' : 's'} could not be followed (they keep nothing):`,
    );
    for (const problem of problems) lines.push(`  ${label(get(problem.key))}: ${problem.why}`);
  }
  if (!plan.fitsBudget)
    lines.push(
      `the store still exceeds the size budget: ${humanSize(plan.totalBytes - plan.removeBytes)} remain (the rest is live or needed)`,
    );
  const execution = report.execution;
  if (execution) {
    for (const failure of execution.failures) lines.push(`could not remove ${label(failure.artifact)}: ${failure.why}`);
    lines.push(
      `removed ${execution.removed.length} artifact${execution.removed.length === 1 ? '' : 's'}, freed ${humanSize(execution.freedBytes)}`,
    );
  } else if (report.dryRun) {
    lines.push(`would free ${humanSize(plan.removeBytes)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The report for `--json`. */
export function gcReportToJson(report: GcReport): Record<string, unknown> {
  const { plan, artifacts } = report.planned;
  const describe = (key: string): Record<string, unknown> => {
    const artifact = artifacts.get(key)!;
    return {
      namespace: artifact.namespace,
      gren_hash: artifact.hash,
      root: artifact.root,
      directory: artifact.directory,
      result_status: artifact.result,
      updated_at: artifact.updatedAt,
      size_bytes: artifact.sizeBytes,
    };
  };
  const execution = report.execution;
  const removedKeys = new Set(execution?.removed.map((artifact) => artifact.key));
  return {
    store: report.store,
    dry_run: report.dryRun,
    scanned: artifacts.size,
    total_bytes: plan.totalBytes,
    selected: plan.remove.map((entry) => ({
      ...describe(entry.key),
      reasons: entry.reasons,
      removed: removedKeys.has(entry.key),
    })),
    kept: plan.kept.map((entry) => ({
      ...describe(entry.key),
      reasons: entry.reasons,
      why: describeWhy(entry.why, artifacts),
    })),
    link_problems: report.planned.links.problems.map((problem) => ({ ...describe(problem.key), why: problem.why })),
    failures: (execution?.failures ?? []).map((failure) => ({ ...describe(failure.artifact.key), why: failure.why })),
    removed_count: execution?.removed.length ?? 0,
    freed_bytes: execution ? execution.freedBytes : 0,
    would_free_bytes: plan.removeBytes,
    fits_budget: plan.fitsBudget,
    trash: { entries: report.trash.entries, bytes: report.trash.bytes, emptied: !report.dryRun },
  };
}

function row(artifact: ScannedArtifact): string {
  return `${label(artifact)} [${artifact.result}] ${displayTime(artifact.updatedAt)} ${humanSize(artifact.sizeBytes)}`;
}

function label(artifact: ScannedArtifact): string {
  return `${artifact.namespace}/${artifact.hash}`;
}

/** A kept artifact's why, with the artifact that needs it named as `<namespace>/<hash>` instead of its key. */
function describeWhy(why: string, artifacts: ReadonlyMap<string, ScannedArtifact>): string {
  const needed = /^(needed by|result linked from) (.+)$/.exec(why);
  const dependent = needed ? artifacts.get(needed[2]!) : undefined;
  return dependent ? `${needed![1]} ${label(dependent)}` : why;
}
