import type { GrenSettings } from '../settings/gren-settings';
import { registry } from '../metadata/registry';

const alreadyForced = new Set<string>();

/**
 * Whether GREN_FORCE_RECOMPUTE names this object's class (by class name or namespace, the
 * class or any gren base class) and this artifact has not been recomputed for it yet in
 * this process (once per run, not on every call).
 */
export function takeForceRecompute(settings: GrenSettings, cls: object, artifactDir: string): boolean {
  if (settings.forceRecompute.size === 0 || alreadyForced.has(artifactDir)) return false;
  if (!classNames(cls).some((name) => settings.forceRecompute.has(name))) return false;
  alreadyForced.add(artifactDir);
  return true;
}

/** An artifact computed by this process counts as recomputed: forcing does not compute it twice. */
export function noteComputedHere(artifactDir: string): void {
  alreadyForced.add(artifactDir);
}

/** Forget which artifacts were recomputed (tests). */
export function resetForceRecompute(): void {
  alreadyForced.clear();
}

function classNames(cls: object): string[] {
  const names: string[] = [];
  for (let current: unknown = cls; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
    const entry = registry.classEntry(current);
    if (entry) names.push(entry.namespace, entry.cls.name);
  }
  return names;
}
