import * as fs from 'node:fs';
import * as path from 'node:path';

/** Leading folders that hold sources or build output: dropped so both give one namespace. */
const BUILD_FOLDERS = new Set(['src', 'dist', 'build', 'out', 'lib']);
const SOURCE_EXTENSIONS = /\.(d\.)?(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

export interface PackageRoot {
  readonly dir: string;
  /** Set when the package lives in node_modules: its name prefixes the namespace. */
  readonly dependencyName: string | undefined;
}

/**
 * The namespace of a class defined in `file`: the module path relative to its package
 * root, without the extension and without a leading src/dist/build/out/lib folder, dotted,
 * plus the class name. `examples/my_project/pipelines.ts` and
 * `dist/examples/my_project/pipelines.js` both give `examples.my_project.pipelines.<Class>`.
 */
export function deriveNamespace(file: string, className: string, root: PackageRoot): string {
  const relative = path.relative(root.dir, file).replace(SOURCE_EXTENSIONS, '');
  const parts = relative.split(/[\\/]+/).filter((part) => part.length > 0 && part !== '.');
  if (parts.length > 1 && BUILD_FOLDERS.has(parts[0] ?? '')) parts.shift();
  if (parts.length > 1 && BUILD_FOLDERS.has(parts[0] ?? '')) parts.shift();
  const moduleParts = parts.map(sanitizePart);
  const prefix = root.dependencyName ? root.dependencyName.replace(/^@/, '').split('/').map(sanitizePart) : [];
  return [...prefix, ...moduleParts, className].join('.');
}

function sanitizePart(part: string): string {
  return part.replace(/\./g, '_').replace(/[^A-Za-z0-9_\-.]/g, '_');
}

const rootCache = new Map<string, PackageRoot>();

/** The nearest folder at or above `file` holding a package.json. */
export function findPackageRoot(file: string): PackageRoot {
  const start = path.dirname(file);
  const cached = rootCache.get(start);
  if (cached) return cached;
  let dir = start;
  let root: PackageRoot | undefined;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      root = { dir, dependencyName: dependencyNameOf(dir) };
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const result = root ?? { dir: start, dependencyName: undefined };
  rootCache.set(start, result);
  return result;
}

function dependencyNameOf(dir: string): string | undefined {
  if (!dir.split(path.sep).includes('node_modules')) return undefined;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return typeof pkg.name === 'string' ? pkg.name : undefined;
  } catch {
    return undefined;
  }
}

const NAMESPACE_PATTERN = /^[A-Za-z_][\w-]*(\.[A-Za-z_0-9][\w-]*)*$/;

/** Why a namespace cannot be used, or undefined when it can. */
export function namespaceProblem(namespace: string): string | undefined {
  if (namespace.length === 0) return 'it is empty';
  if (namespace.length > 400) return 'it is longer than 400 characters';
  if (!NAMESPACE_PATTERN.test(namespace)) return 'it may hold only letters, digits, "_", "-" and single dots';
  return undefined;
}
