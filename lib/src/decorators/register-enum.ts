import { GrenDefinitionError } from '../errors/definition-error';
import { deriveNamespace, findPackageRoot, namespaceProblem } from '../identity/derive-namespace';
import { callerFile } from '../metadata/caller-file';
import { buildEnumInfo } from '../metadata/enum-registry';
import { registry } from '../metadata/registry';
import type { EnumLike } from '../metadata/type-spec';

/**
 * Makes an enum usable as a field type: `registerEnum(Color, 'Color')`. Its members hash
 * as `{"__enum__": "<name>:<MEMBER>"}`, as Python gren hashes enum members. A name without
 * dots is prefixed with the calling module's path, like a class namespace; a dotted name is
 * used as is (for Python interop: `registerEnum(Color, 'my_project.pipelines.Color')`).
 */
export function registerEnum<E extends EnumLike>(enumObject: E, name: string): E {
  if (typeof enumObject !== 'object' || enumObject === null) {
    throw GrenDefinitionError.enumNotRegistered(`registerEnum() got ${String(enumObject)} instead of an enum object`);
  }
  const fullName = name.includes('.') ? name : qualify(name);
  const problem = namespaceProblem(fullName);
  if (problem) throw GrenDefinitionError.invalidNamespace(`enum ${name}`, fullName, problem);
  registry.registerEnum(buildEnumInfo(fullName, enumObject));
  return enumObject;
}

function qualify(name: string): string {
  const file = callerFile();
  if (!file) return name;
  return deriveNamespace(file, name, findPackageRoot(file));
}
