import * as path from 'node:path';
import { settingsFromEnvironment, type GrenSettings } from './gren-settings';
import { loadEnv } from './load-env';

loadEnv();

/**
 * gren's settings, built once from the environment (after `.env` is read) when the package
 * is loaded. Mutable at run time; the only reader of process.env.
 */
export const GREN_CONFIG: GrenSettings = settingsFromEnvironment(process.env, process.cwd());

/** Rebuilds GREN_CONFIG from the current environment (after changing process.env in a test). */
export function reloadGrenConfig(): GrenSettings {
  Object.assign(GREN_CONFIG, settingsFromEnvironment(process.env, process.cwd()));
  return GREN_CONFIG;
}

/** `<GREN_PATH>/data`, or `<GREN_PATH>/git` for version-controlled classes. */
/** Roots of the current base path, recomputed only when GREN_CONFIG.basePath changes. */
const rootCache = { base: '', data: '', git: '' };

export function getGrenRoot(options: { versionControlled?: boolean } = {}): string {
  const base = GREN_CONFIG.basePath;
  if (base !== rootCache.base) {
    rootCache.data = path.join(base, 'data');
    rootCache.git = path.join(base, 'git');
    rootCache.base = base;
  }
  return options.versionControlled ? rootCache.git : rootCache.data;
}

/** Points the store somewhere else (resolved to an absolute path). */
export function setGrenRoot(root: string): void {
  GREN_CONFIG.basePath = path.resolve(root);
}

/** The shared raw directory `<GREN_PATH>/raw`. */
export function getRawDir(): string {
  return path.join(GREN_CONFIG.basePath, 'raw');
}
