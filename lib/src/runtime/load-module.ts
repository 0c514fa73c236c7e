import * as path from 'node:path';
import { GrenError } from '../errors/gren-error';

/**
 * Imports the module that defines a config class, so that its @Gren() registration runs.
 * TypeScript sources are loaded through ts-node (resolved from the module's own project).
 */
export function loadDefiningModule(file: string): void {
  if (/\.(c|m)?tsx?$/.test(file)) registerTsNode(file);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loading a user module by path is the point
    require(file);
  } catch (error) {
    throw new GrenError(
      'WORKER_MODULE',
      `The worker cannot load ${file}: ${(error as Error).message}. The module that defines the class must be importable where the worker runs.`,
      { cause: error },
    );
  }
}

let tsNodeRegistered = false;

function registerTsNode(file: string): void {
  if (tsNodeRegistered || process.env.TS_NODE_DEV !== undefined || require.extensions['.ts'] !== undefined) return;
  let register: string;
  try {
    register = require.resolve('ts-node/register/transpile-only', { paths: [path.dirname(file), process.cwd()] });
  } catch {
    throw new GrenError(
      'WORKER_TS_NODE',
      `The worker needs ts-node to load the TypeScript module ${file}. Install it in that project (npm install -D ts-node), or run from compiled JavaScript.`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- installs ts-node's hook for .ts files
  require(register);
  tsNodeRegistered = true;
}
