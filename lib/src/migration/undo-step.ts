import { canonicalTypedJson } from '../identity/canonical-json';
import { toCanonicalJson } from '../identity/compute-hash';
import type { FieldType } from '../metadata/field-type';
import type { ClassHistory } from './class-history';
import { valueJson, type ConfigNode, type ValueNode } from './identity-tree';
import type { MigrationStep } from './migration-step';

/**
 * The config as it was before each of its class's steps: `[now, before the last step, ...]`,
 * ending early at the first step this config cannot have existed before (an added field
 * whose value is not the default).
 */
export function undoneVersions(node: ConfigNode, history: ClassHistory): ConfigNode[] {
  const chain = [node];
  for (let index = history.steps.length - 1; index >= 0; index -= 1) {
    const step = history.steps[index] as MigrationStep;
    const earlier = undoStep(
      chain[chain.length - 1] as ConfigNode,
      step,
      history.versions[index + 1]?.fields.get(stepField(step))?.type,
    );
    if (!earlier) break;
    chain.push(earlier);
  }
  return chain;
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
  const fields = new Map<string, ValueNode>(node.fields);
  switch (step.kind) {
    case 'addedField': {
      const field = fields.get(step.field);
      if (!field) return node;
      const defaultJson = type ? canonicalTypedJson(step.defaultValue, type) : toCanonicalJson(step.defaultValue);
      if (valueJson(field) !== defaultJson) return undefined;
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
