import type { SweepPlanView } from '../../sweep/plan-all';

/** The text of `gren run --dry-run`: each level with its configs, then what is cached. */
export function formatPlan(plan: SweepPlanView): string {
  const lines: string[] = [];
  const toRun = plan.levels.reduce((sum, level) => sum + level.length, 0);
  lines.push(`${toRun} config(s) to compute in ${plan.levels.length} level(s); ${plan.cached.length} cached.`);
  plan.levels.forEach((level, index) => {
    lines.push('', `level ${index} (${level.length}):`);
    for (const config of level) {
      const waits = config.dependsOn.length > 0 ? `  after ${config.dependsOn.join(', ')}` : '';
      lines.push(`  ${config.className} ${config.hash}${config.requested ? '' : '  (dependency)'}${waits}`);
    }
  });
  if (plan.cached.length > 0) {
    lines.push('', `cached (${plan.cached.length}):`);
    for (const config of plan.cached) lines.push(`  ${config.className} ${config.hash}`);
  }
  return `${lines.join('\n')}\n`;
}
