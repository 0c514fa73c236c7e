import { toCanonicalJson } from '../identity/compute-hash';
import { canonicalTypedJson } from '../identity/canonical-json';
import { classModel } from '../metadata/build-class-model';
import { classHistory } from './class-history';
import type { FieldType } from '../metadata/field-type';
import { fieldJson, type ConfigNode, type FieldNode } from './identity-tree';
import { describeStep, type MigrationStep } from './migration-step';

/** An identity a config had before some declared steps, and the steps (as `Class: step`) that lead from it to now. */
export interface EarlierIdentity {
  readonly node: ConfigNode;
  readonly steps: readonly string[];
}

/** Enough for a handful of migrated classes nested in one config; beyond it the rest recompute. */
const MAX_IDENTITIES = 64;

/**
 * The identities a config had before the declared steps of its class and of the configs it
 * nests, most recent first (the config as it is now excluded). A step that cannot be undone
 * for this config (an added field whose value is not the default) ends its class's chain.
 */
export function earlierIdentities(node: ConfigNode): EarlierIdentity[] {
  return variants(node).slice(1, MAX_IDENTITIES + 1);
}

/** The node itself first, then its earlier versions, each combined with its children's variants. */
function variants(node: ConfigNode): EarlierIdentity[] {
  const result: EarlierIdentity[] = [];
  for (const own of ownVersions(node)) {
    let combined: EarlierIdentity[] = [own];
    for (const [name, field] of own.node.fields) {
      if (!('config' in field)) continue;
      const children = variants(field.config);
      if (children.length === 1) continue;
      combined = combined.flatMap((partial) => children.map((child) => withChild(partial, name, child)));
      if (combined.length > MAX_IDENTITIES) combined = combined.slice(0, MAX_IDENTITIES + 1);
    }
    result.push(...combined);
    if (result.length > MAX_IDENTITIES) break;
  }
  return result;
}

function withChild(partial: EarlierIdentity, name: string, child: EarlierIdentity): EarlierIdentity {
  const fields = new Map(partial.node.fields);
  fields.set(name, { config: child.node });
  return { node: { ...partial.node, fields }, steps: [...partial.steps, ...child.steps] };
}

/** The node's own class versions, newest first, walking its steps backwards. */
function ownVersions(node: ConfigNode): EarlierIdentity[] {
  const model = classModel(node.cls);
  if (!model.hasMigrations) return [{ node, steps: [] }];
  const history = classHistory(model);
  const result: EarlierIdentity[] = [{ node, steps: [] }];
  let current: EarlierIdentity = result[0] as EarlierIdentity;
  for (let index = history.steps.length - 1; index >= 0; index -= 1) {
    const step = history.steps[index] as MigrationStep;
    const earlier = undoStep(current.node, step, history.versions[index + 1]?.fields.get(stepField(step))?.type);
    if (!earlier) break;
    if (earlier === current.node) continue;
    current = { node: earlier, steps: [`${model.className}: ${describeStep(step)}`, ...current.steps] };
    result.push(current);
  }
  return result;
}

function stepField(step: MigrationStep): string {
  switch (step.kind) {
    case 'addedField':
    case 'removedField':
      return step.field;
    case 'renamedField':
      return step.to;
    case 'movedFrom':
      return '';
  }
}

/** The node as configs stored before `step` looked; undefined when this config did not exist then. */
function undoStep(node: ConfigNode, step: MigrationStep, type: FieldType | undefined): ConfigNode | undefined {
  const fields = new Map<string, FieldNode>(node.fields);
  switch (step.kind) {
    case 'addedField': {
      const field = fields.get(step.field);
      if (!field) return node;
      const defaultJson = type ? canonicalTypedJson(step.defaultValue, type) : toCanonicalJson(step.defaultValue);
      if (fieldJson(field) !== defaultJson) return undefined;
      fields.delete(step.field);
      return { ...node, fields };
    }
    case 'renamedField': {
      const field = fields.get(step.to);
      if (!field) return node;
      fields.delete(step.to);
      if (!step.from.startsWith('_')) fields.set(step.from, field);
      return { ...node, fields };
    }
    case 'removedField':
      if (step.field.startsWith('_')) return node;
      fields.set(step.field, { json: toCanonicalJson(step.value) });
      return { ...node, fields };
    case 'movedFrom':
      return { ...node, namespace: step.namespace };
  }
}
