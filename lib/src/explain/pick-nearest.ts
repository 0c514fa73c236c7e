import type { NearestArtifact } from './explanation';

/**
 * The nearest of the compared artifacts: those with the fewest differing fields (ties:
 * successful results first, then the most recently updated, then by hash), at most `limit`.
 */
export function pickNearest(compared: readonly NearestArtifact[], limit: number): NearestArtifact[] {
  if (compared.length === 0 || limit <= 0) return [];
  const sorted = [...compared].sort(
    (a, b) =>
      a.differences.length - b.differences.length ||
      Number(b.result === 'success') - Number(a.result === 'success') ||
      (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') ||
      a.hash.localeCompare(b.hash),
  );
  const fewest = sorted[0]!.differences.length;
  return sorted.filter((item) => item.differences.length === fewest).slice(0, limit);
}
