import type { Explanation, NearestArtifact } from './explanation';
import type { FieldDifference } from './field-difference';
import { formatValue } from './format-value';

/** `path: old → new`, one line per difference (indented). */
export function formatDifferences(differences: readonly FieldDifference[], indent = '  '): string[] {
  return differences.map(
    (difference) => `${indent}${difference.path}: ${formatValue(difference.old)} → ${formatValue(difference.new)}`,
  );
}

/** An explanation as the `gren explain` command prints it. */
export function formatExplanation(explanation: Explanation): string {
  const ref = `${explanation.namespace}/${explanation.hash}`;
  const lines: string[] = [];
  if (explanation.status === 'missing') {
    lines.push(`${ref} is not cached.`, `  ${explanation.summary}`);
    lines.push(...formatNearest(explanation));
  } else {
    const attempt = explanation.attempt ? `, attempt #${explanation.attempt.number} ${explanation.attempt.status}` : '';
    lines.push(
      explanation.status === 'cached'
        ? `${ref} is cached.`
        : `${ref} is stored without a result (result ${explanation.result ?? 'unknown'}${attempt}).`,
    );
    lines.push(`  ${explanation.summary}`, `  directory: ${explanation.directory}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatNearest(explanation: Explanation): string[] {
  const { nearest, compared, notComparable } = explanation;
  const skipped = notComparable > 0 ? ` (${notComparable} more without metadata were not compared)` : '';
  if (nearest.length === 0) return [`No stored config of ${explanation.namespace} to compare with${skipped}.`];
  const lines: string[] = [];
  for (const artifact of nearest) {
    lines.push(
      `Compared with ${describe(artifact)}: ${count(artifact.differences.length)} (nearest of ${compared} stored config${compared === 1 ? '' : 's'}${skipped}):`,
    );
    lines.push(...formatDifferences(artifact.differences));
  }
  return lines;
}

function describe(artifact: NearestArtifact): string {
  return `${artifact.namespace}/${artifact.hash} [${artifact.result}]`;
}

function count(differences: number): string {
  if (differences === 0) return 'no field differs';
  return differences === 1 ? '1 field differs' : `${differences} fields differ`;
}
