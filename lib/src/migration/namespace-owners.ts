import { GrenDefinitionError } from '../errors/definition-error';
import { classModel } from '../metadata/build-class-model';
import type { ClassModel } from '../metadata/class-model';
import { registry } from '../metadata/registry';
import { classHistory } from './class-history';

/** The class a stored namespace belongs to now: registered under it, or declaring `movedFrom` it. */
export interface NamespaceOwner {
  readonly model: ClassModel;
  /** False when the class has moved away from this namespace. */
  readonly current: boolean;
}

/**
 * Finds the class that owns artifacts stored under `namespace`, reading the registry as it
 * is now. Two classes declaring `movedFrom` the same namespace would both claim those
 * artifacts: that is a definition error naming both.
 */
export function namespaceOwner(namespace: string): NamespaceOwner | undefined {
  const entry = registry.byNamespace(namespace);
  if (entry) return { model: classModel(entry.cls), current: true };
  let found: ClassModel | undefined;
  for (const name of registry.namespaces()) {
    const registered = registry.byNamespace(name);
    if (!registered) continue;
    const model = classModel(registered.cls);
    if (!model.hasMigrations) continue;
    if (!classHistory(model).versions.some((version) => version.namespace === namespace)) continue;
    if (found && found !== model) {
      throw GrenDefinitionError.migrationStep(
        model.className,
        `movedFrom('${namespace}')`,
        `claims the artifacts of '${namespace}', which ${found.className} claims too`,
        'Keep the step on the one class those artifacts belong to.',
      );
    }
    found = model;
  }
  return found ? { model: found, current: false } : undefined;
}
