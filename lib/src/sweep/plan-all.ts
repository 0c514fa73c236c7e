import type { DependencyContainer } from 'tsyringe';
import { runtimeOf } from '../di/active-container';
import { collectConfigs, type SweepInput } from './sweep-input';
import { planSweep, type SweepNode } from './sweep-plan';

/** One config in a dry run. */
export interface PlannedConfig {
  readonly className: string;
  readonly hash: string;
  readonly directory: string;
  readonly requested: boolean;
  /** Hashes of the configs it waits for (those to compute only). */
  readonly dependsOn: readonly string[];
}

/** What `runAll` would do, without doing it. */
export interface SweepPlanView {
  /** The configs to compute, level by level (level 0 first). */
  readonly levels: readonly (readonly PlannedConfig[])[];
  /** Configs with a valid result already (they and their dependencies are skipped). */
  readonly cached: readonly PlannedConfig[];
}

/** The dry run of `runAll(configs)`: levels of what to compute, and what is cached. Writes nothing. */
export async function planAll(
  configs: SweepInput,
  options: { container?: DependencyContainer } = {},
): Promise<SweepPlanView> {
  const plan = await planSweep(runtimeOf(options.container), collectConfigs(configs));
  return {
    levels: plan.levels.map((level) => level.map(view)),
    cached: plan.nodes.filter((node) => node.cached).map(view),
  };
}

function view(node: SweepNode): PlannedConfig {
  return {
    className: node.className,
    hash: node.hash,
    directory: node.key,
    requested: node.requested,
    dependsOn: node.dependencies.map((dependency) => dependency.hash),
  };
}
