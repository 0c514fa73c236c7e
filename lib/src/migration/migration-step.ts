/**
 * One change in a config class's history, declared in `@Gren({ migrations: [...] })`, oldest
 * first. Each step says how configs stored before it differ from configs after it, so gren
 * can find a config's earlier identities and map stored configs to the class as it is now.
 */
export type MigrationStep =
  | { readonly kind: 'addedField'; readonly field: string; readonly defaultValue: unknown }
  | { readonly kind: 'renamedField'; readonly from: string; readonly to: string }
  | { readonly kind: 'removedField'; readonly field: string; readonly value: unknown }
  | { readonly kind: 'movedFrom'; readonly namespace: string };

/** Configs stored before this step lacked `field` and behaved as `field = defaultValue`. */
export function addedField(field: string, defaultValue: unknown): MigrationStep {
  return Object.freeze({ kind: 'addedField', field, defaultValue });
}

/** The field `from` is now called `to`. */
export function renamedField(from: string, to: string): MigrationStep {
  return Object.freeze({ kind: 'renamedField', from, to });
}

/** The field was dropped; only stored configs that had `field = value` behave as the class does now. */
export function removedField(field: string, value: unknown): MigrationStep {
  return Object.freeze({ kind: 'removedField', field, value });
}

/** The class used to be registered under `namespace` (its module or name changed). */
export function movedFrom(namespace: string): MigrationStep {
  return Object.freeze({ kind: 'movedFrom', namespace });
}

/** How a step reads in messages and records: `addedField('seed', 0)`. */
export function describeStep(step: MigrationStep): string {
  switch (step.kind) {
    case 'addedField':
      return `addedField(${quote(step.field)}, ${literal(step.defaultValue)})`;
    case 'renamedField':
      return `renamedField(${quote(step.from)}, ${quote(step.to)})`;
    case 'removedField':
      return `removedField(${quote(step.field)}, ${literal(step.value)})`;
    case 'movedFrom':
      return `movedFrom(${quote(step.namespace)})`;
  }
}

function quote(text: unknown): string {
  return typeof text === 'string' ? `'${text}'` : String(text);
}

function literal(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
