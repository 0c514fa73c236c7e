import type { FieldChange } from '../../migration/stale-config';
import type { MigrationItem, MigrationStatus } from './migration-item';

const STATUS_TEXT: Readonly<Record<MigrationStatus, string>> = {
  planned: 'would link',
  linked: 'linked',
  present: 'already there',
  busy: 'busy',
  unmapped: 'not mappable',
  conflict: 'conflict',
  not_success: 'no result',
};

/** One block per stale artifact: the move, the steps, the field changes; then the counts. */
export function formatMigration(items: readonly MigrationItem[]): string {
  if (items.length === 0) return 'No stale artifacts: every stored config of these classes fits its class.\n';
  const lines: string[] = [];
  for (const item of items) {
    const target = item.to ? `${item.to.namespace} ${item.to.hash}` : '-';
    lines.push(`${item.className}  ${item.from.namespace} ${item.from.hash} -> ${target}  ${STATUS_TEXT[item.status]}`);
    if (item.changes.length > 0) lines.push(`    changes: ${item.changes.map(describeChange).join('; ')}`);
    if (item.steps.length > 0) lines.push(`    steps: ${item.steps.join('; ')}`);
    if (item.reason) lines.push(`    ${item.reason}`);
  }
  lines.push(countsLine(items));
  return `${lines.join('\n')}\n`;
}

export function migrationCounts(items: readonly MigrationItem[]): Record<MigrationStatus, number> {
  const counts: Record<MigrationStatus, number> = {
    planned: 0,
    linked: 0,
    present: 0,
    busy: 0,
    unmapped: 0,
    conflict: 0,
    not_success: 0,
  };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

function countsLine(items: readonly MigrationItem[]): string {
  const counts = migrationCounts(items);
  const parts = (Object.keys(counts) as MigrationStatus[])
    .filter((status) => counts[status] > 0)
    .map((status) => `${counts[status]} ${STATUS_TEXT[status]}`);
  return `${items.length} stale: ${parts.join(', ')}`;
}

export function describeChange(change: FieldChange): string {
  switch (change.kind) {
    case 'missing':
      return `missing ${change.field}`;
    case 'extra':
      return `extra ${change.field}`;
    case 'renamed':
      return `renamed ${change.field} -> ${change.to}`;
    case 'moved':
      return `moved ${change.field ? `${change.field} ` : ''}from ${change.from}`;
  }
}
