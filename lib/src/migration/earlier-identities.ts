import type { AnyClass } from '../metadata/type-spec';
import { classModel } from '../metadata/build-class-model';
import { classHistory } from './class-history';
import { nodeJson, type ConfigNode, type ValueNode } from './identity-tree';
import { describeStep } from './migration-step';
import { undoneVersions } from './undo-step';
import { versionCombinations } from './version-combinations';

/** An identity a config had before some declared steps, and the steps (as `Class: step`) that lead from it to now. */
export interface EarlierIdentity {
  readonly node: ConfigNode;
  readonly steps: readonly string[];
}

export interface EarlierIdentities {
  /** Most recent first: fewest steps undone first. */
  readonly identities: readonly EarlierIdentity[];
  /** True when MAX_COMBINATIONS stopped the search before every combination was tried. */
  readonly truncated: boolean;
}

/**
 * The bound on the combinations of class versions tried for one config. A config nesting
 * configs of several migrated classes had, at some time, each class at one of its versions:
 * the candidates are the combinations of those versions (every config of a class at the
 * same version, as the code that stored it declared them all). Beyond the bound, the least
 * recent combinations are not tried; `gren migrate` maps stored artifacts without it.
 */
export const MAX_COMBINATIONS = 64;

/** What the search knows about one migrated class in the tree. */
interface MigratedClass {
  readonly cls: AnyClass;
  readonly labels: readonly string[];
  /** How many of its last steps every config of the class in the tree can undo. */
  depth: number;
}

/**
 * The identities a config had before the declared steps of its class and of the configs it
 * nests (directly, or inside arrays, objects and Maps), most recent first, the config as it
 * is now excluded. A step that cannot be undone for one config of a class (an added field
 * whose value is not the default) ends the history of that class for this tree.
 */
export function earlierIdentities(root: ConfigNode): EarlierIdentities {
  const chains = new Map<ConfigNode, ConfigNode[]>();
  const classes = new Map<AnyClass, MigratedClass>();
  collect(root, chains, classes);
  const migrated = [...classes.values()].filter((entry) => entry.depth > 0);
  if (migrated.length === 0) return { identities: [], truncated: false };
  const seen = new Set([nodeJson(root)]);
  const identities: EarlierIdentity[] = [];
  const combinations = versionCombinations(
    migrated.map((entry) => entry.depth),
    MAX_COMBINATIONS,
  );
  for (const depths of combinations.depths) {
    const byClass = new Map(migrated.map((entry, index) => [entry.cls, depths[index] as number]));
    const node = rebuild(root, chains, byClass);
    const json = nodeJson(node);
    if (seen.has(json)) continue;
    seen.add(json);
    identities.push({
      node,
      steps: migrated.flatMap((entry, index) => entry.labels.slice(entry.labels.length - (depths[index] as number))),
    });
  }
  return { identities, truncated: combinations.truncated };
}

/** Walks the tree: each migrated config's undone versions, and each class's common depth. */
function collect(node: ConfigNode, chains: Map<ConfigNode, ConfigNode[]>, classes: Map<AnyClass, MigratedClass>): void {
  const model = classModel(node.cls);
  if (model.hasMigrations) {
    const history = classHistory(model);
    const chain = undoneVersions(node, history);
    chains.set(node, chain);
    const entry = classes.get(node.cls);
    if (entry) entry.depth = Math.min(entry.depth, chain.length - 1);
    else
      classes.set(node.cls, {
        cls: node.cls,
        labels: history.steps.map((step) => `${model.className}: ${describeStep(step)}`),
        depth: chain.length - 1,
      });
  }
  for (const value of node.fields.values()) forEachConfig(value, (child) => collect(child, chains, classes));
}

function forEachConfig(value: ValueNode, visit: (node: ConfigNode) => void): void {
  if ('config' in value) visit(value.config);
  else if ('items' in value) value.items.forEach((item) => forEachConfig(item, visit));
  else if ('entries' in value) value.entries.forEach(([, item]) => forEachConfig(item, visit));
}

/** The tree with each migrated config at its class's depth (undone steps), children too. */
function rebuild(
  node: ConfigNode,
  chains: ReadonlyMap<ConfigNode, ConfigNode[]>,
  depths: ReadonlyMap<AnyClass, number>,
): ConfigNode {
  const own = chains.get(node)?.[depths.get(node.cls) ?? 0] ?? node;
  const fields = new Map([...own.fields].map(([name, value]) => [name, rebuildValue(value, chains, depths)]));
  return { ...own, fields };
}

function rebuildValue(
  value: ValueNode,
  chains: ReadonlyMap<ConfigNode, ConfigNode[]>,
  depths: ReadonlyMap<AnyClass, number>,
): ValueNode {
  if ('config' in value) return { config: rebuild(value.config, chains, depths) };
  if ('items' in value) return { items: value.items.map((item) => rebuildValue(item, chains, depths)) };
  if ('entries' in value)
    return { entries: value.entries.map(([key, item]) => [key, rebuildValue(item, chains, depths)] as const) };
  return value;
}
