import { registry } from '../../metadata/registry';
import { GrenObject } from '../../model/gren-object';
import { GrenCliError } from '../cli-error';

export type GrenObjectClass = (abstract new (init?: object) => GrenObject) & typeof GrenObject;

/**
 * The GrenObject class named `name` in a loaded module: an export of that name, else a
 * registered class of that name or namespace (a class the module defines without exporting).
 */
export function findConfigClass(moduleExports: Record<string, unknown>, name: string, file: string): GrenObjectClass {
  const exported = moduleExports[name];
  const registered = registry
    .namespaces()
    .map((namespace) => registry.byNamespace(namespace)!)
    .filter((entry) => entry.namespace === name || entry.cls.name === name);
  const candidate =
    typeof exported === 'function' ? exported : registered.length === 1 ? registered[0]!.cls : undefined;
  if (typeof candidate !== 'function') {
    const classes = Object.entries(moduleExports)
      .filter(
        ([, value]) =>
          typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof GrenObject,
      )
      .map(([key]) => key);
    const hint =
      registered.length > 1
        ? ` Several registered classes are called ${name}: ${registered.map((entry) => entry.namespace).join(', ')}; give the namespace.`
        : '';
    throw GrenCliError.notFound(
      `${file} has no class ${name}.${hint} Its gren classes: ${classes.length ? classes.join(', ') : '(none)'}.`,
    );
  }
  if (!((candidate as { prototype?: unknown }).prototype instanceof GrenObject)) {
    throw GrenCliError.usage(
      `${name} is not a GrenObject (a cached computation): only those have artifacts to explain.`,
    );
  }
  return candidate as GrenObjectClass;
}
