import { computeHash, toCanonicalJson } from '../identity/compute-hash';
import { FloatValue } from '../model/float';
import { isPlainObject } from '../model/is-plain-object';
import { fromDict } from '../serialization/from-dict';
import { toDict } from '../serialization/to-dict';
import { classHistory, type HistoryVersion } from './class-history';
import { describeStep } from './migration-step';
import { namespaceOwner } from './namespace-owners';
import { mapStoredValue, type StoredConfig } from './stored-nesting';

/** How a stored config differs from its class as declared now (nested fields by path: `child.field`, `models[1].field`, `byName.small.field`). */
export type FieldChange =
  | { readonly kind: 'missing'; readonly field: string }
  | { readonly kind: 'extra'; readonly field: string; readonly value: unknown }
  | { readonly kind: 'renamed'; readonly field: string; readonly to: string }
  | { readonly kind: 'moved'; readonly field: string; readonly from: string; readonly to: string };

/** Where a stale config would go: the declared steps and the identity they lead to, or why none does. */
export type StaleMapping =
  | { readonly mapped: true; readonly steps: readonly string[]; readonly namespace: string; readonly hash: string }
  | { readonly mapped: false; readonly reason: string };

export interface StaleVerdict {
  /** The stored `__class__`. */
  readonly namespace: string;
  /** The class that owns it now, when one is registered or declares `movedFrom` it. */
  readonly className: string | undefined;
  readonly changes: readonly FieldChange[];
  readonly mapping: StaleMapping;
}

export type { StoredConfig };

export interface Mapped {
  readonly config: StoredConfig;
  readonly steps: readonly string[];
  readonly changes: readonly FieldChange[];
}

/**
 * Judges a stored config (a `gren_obj` as metadata.json holds it, parsed with
 * parsePythonJson) against the classes declared now: undefined when it fits its class (and
 * so do the configs it nests); otherwise its differences and where the declared migrations
 * map it. Reads nothing but the registry.
 */
export function staleConfig(stored: unknown): StaleVerdict | undefined {
  if (!isPlainObject(stored) || typeof stored['__class__'] !== 'string') return undefined;
  const namespace = stored['__class__'];
  const owner = namespaceOwner(namespace);
  if (!owner) {
    return {
      namespace,
      className: undefined,
      changes: [],
      mapping: {
        mapped: false,
        reason: `no class is registered under '${namespace}' or declares movedFrom('${namespace}')`,
      },
    };
  }
  const outcome = mapConfig(stored, '');
  if (!('reason' in outcome) && outcome.steps.length === 0 && outcome.changes.length === 0) return undefined;
  const className = owner.model.className;
  if ('reason' in outcome)
    return { namespace, className, changes: outcome.changes, mapping: { mapped: false, reason: outcome.reason } };
  try {
    const hash = computeHash(fromDict(outcome.config));
    return {
      namespace,
      className,
      changes: outcome.changes,
      mapping: { mapped: true, steps: outcome.steps, namespace: owner.model.namespace, hash },
    };
  } catch (error) {
    const reason = `the mapped config does not build: ${error instanceof Error ? error.message : String(error)}`;
    return { namespace, className, changes: outcome.changes, mapping: { mapped: false, reason } };
  }
}

/**
 * The stored config (`gren_obj` form) brought to the classes as declared now, with the steps
 * applied, or why the declared steps do not map it. fromDict() of `config` builds the object.
 */
export function mapStoredConfig(stored: StoredConfig): Mapped | { reason: string } {
  return mapConfig(stored, '');
}

/** The stored config brought to the class as declared now, nested configs first (in fields, arrays, objects, Maps). */
function mapConfig(stored: StoredConfig, prefix: string): Mapped | { reason: string; changes: FieldChange[] } {
  const namespace = stored['__class__'] as string;
  const owner = namespaceOwner(namespace);
  if (!owner)
    return { reason: `no class owns '${namespace}' (at ${prefix.replace(/\.$/, '') || 'the top'})`, changes: [] };
  const history = classHistory(owner.model);
  const config: StoredConfig = { ...stored };
  const steps: string[] = [];
  const changes: FieldChange[] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (key === '__class__') continue;
    const child = mapStoredValue(value, `${prefix}${key}`, mapConfig);
    if ('reason' in child) return child;
    config[key] = child.value;
    steps.push(...child.steps);
    changes.push(...child.changes);
  }
  const start = matchingVersion(history.versions, config);
  if (start === undefined)
    return {
      reason: unmatchedReason(owner.model.className, history.versions, config),
      changes: [...changes, ...ownChanges(history.versions.at(-1) as HistoryVersion, config, prefix)],
    };
  if (start < history.steps.length)
    changes.push(...ownChanges(history.versions.at(-1) as HistoryVersion, config, prefix));
  for (let index = start; index < history.steps.length; index += 1) {
    const step = history.steps[index];
    if (!step) continue;
    const label = `${owner.model.className}: ${describeStep(step)}`;
    switch (step.kind) {
      case 'addedField':
        if (!(step.field in config)) config[step.field] = toDict(step.defaultValue);
        break;
      case 'renamedField':
        if (step.from in config) {
          config[step.to] = config[step.from];
          delete config[step.from];
          markRenamed(changes, `${prefix}${step.from}`, `${prefix}${step.to}`);
        }
        break;
      case 'removedField':
        if (step.field in config) {
          if (!sameValue(config[step.field], step.value)) {
            return {
              reason: `${label} maps only configs whose ${step.field} is ${toCanonicalJson(step.value)}; this one has ${describeStored(config[step.field])}`,
              changes,
            };
          }
          delete config[step.field];
        }
        break;
      case 'movedFrom':
        config['__class__'] = history.versions[index + 1]?.namespace;
        break;
    }
    steps.push(label);
  }
  if (config['__class__'] !== namespace)
    changes.unshift({
      kind: 'moved',
      field: prefix.replace(/\.$/, ''),
      from: namespace,
      to: config['__class__'] as string,
    });
  // Configs of one class nested at several paths each bring the same steps: listed once.
  return { config, steps: [...new Set(steps)], changes };
}

/** The newest version whose namespace and fields the stored config has (missing unhashed fields take their defaults). */
function matchingVersion(versions: readonly HistoryVersion[], config: StoredConfig): number | undefined {
  const keys = Object.keys(config).filter((key) => key !== '__class__');
  for (let index = versions.length - 1; index >= 0; index -= 1) {
    const version = versions[index] as HistoryVersion;
    if (version.namespace !== config['__class__']) continue;
    if (!keys.every((key) => version.fields.has(key))) continue;
    if ([...version.fields].every(([name, field]) => !field.hashed || keys.includes(name))) return index;
  }
  return undefined;
}

function ownChanges(now: HistoryVersion, config: StoredConfig, prefix: string): FieldChange[] {
  const keys = Object.keys(config).filter((key) => key !== '__class__');
  const extra = keys
    .filter((key) => !now.fields.has(key))
    .map((key): FieldChange => ({ kind: 'extra', field: `${prefix}${key}`, value: config[key] }));
  const missing = [...now.fields.keys()]
    .filter((name) => !keys.includes(name))
    .map((name): FieldChange => ({ kind: 'missing', field: `${prefix}${name}` }));
  return [...extra, ...missing];
}

/** An extra field that a rename explains becomes one `renamed` change (and its target is no longer missing). */
function markRenamed(changes: FieldChange[], from: string, to: string): void {
  const extra = changes.findIndex((change) => change.kind === 'extra' && change.field === from);
  if (extra >= 0) changes.splice(extra, 1, { kind: 'renamed', field: from, to });
  const missing = changes.findIndex((change) => change.kind === 'missing' && change.field === to);
  if (missing >= 0) changes.splice(missing, 1);
}

function unmatchedReason(className: string, versions: readonly HistoryVersion[], config: StoredConfig): string {
  const keys = Object.keys(config)
    .filter((key) => key !== '__class__')
    .sort();
  const now = versions.at(-1) as HistoryVersion;
  return `no declared migration of ${className} explains a config with fields ${keys.join(', ') || '(none)'} (the class now has ${[...now.fields.keys()].join(', ') || 'no fields'})`;
}

function sameValue(stored: unknown, declared: unknown): boolean {
  const plain = (value: unknown): unknown => (value instanceof FloatValue ? value.value : value);
  try {
    return toCanonicalJson(plain(stored)) === toCanonicalJson(plain(declared));
  } catch {
    return false;
  }
}

function describeStored(value: unknown): string {
  try {
    return toCanonicalJson(value);
  } catch {
    return String(value);
  }
}
