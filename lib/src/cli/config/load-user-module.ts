import * as fs from 'node:fs';
import * as path from 'node:path';
import { GrenCliError } from '../cli-error';

const EXTENSIONS = ['', '.ts', '.js', '.cjs', '.mts', '.mjs', '/index.ts', '/index.js'];

/**
 * Loads the user's module that defines config classes (so that its @Gren() registrations
 * run) and returns its exports. `.ts` files are compiled on the fly by ts-node
 * (transpile-only, resolved from the module's own project, as the worker does); `.js` is
 * required as is.
 */
export function loadUserModule(file: string): Record<string, unknown> {
  const resolved = resolveFile(file);
  if (/\.(c|m)?tsx?$/.test(resolved)) registerTsNode(resolved);
  try {
    // A user's file named at run time: only require() can load it (CommonJS package).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(resolved) as Record<string, unknown>;
  } catch (error) {
    throw GrenCliError.failed(`Cannot load ${resolved}: ${(error as Error).message}`, error);
  }
}

function resolveFile(file: string): string {
  const base = path.resolve(file);
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw GrenCliError.notFound(
    `Module ${file} not found (looked for ${base} with ${EXTENSIONS.filter(Boolean).join(', ')}).`,
  );
}

function registerTsNode(file: string): void {
  if (require.extensions['.ts'] !== undefined) return;
  let register: string;
  try {
    register = require.resolve('ts-node/register/transpile-only', { paths: [path.dirname(file), process.cwd()] });
  } catch {
    throw GrenCliError.failed(
      `Loading the TypeScript module ${file} needs ts-node in its project (npm install -D ts-node), or point gren at the compiled .js file.`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(register);
}
