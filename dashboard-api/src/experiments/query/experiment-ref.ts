import { DashboardError } from '../../common/errors/dashboard-error';

/** A namespace/hash pair from a URL, validated so that it can only name an indexed artifact. */
export interface ExperimentRef {
  namespace: string;
  hash: string;
}

/** What both gren libraries write: 20 lowercase hex digits (blake2s, 10 bytes). */
export const HASH_PATTERN = /^[0-9a-f]{20}$/;
const SEGMENT_PATTERN = /^[A-Za-z0-9_-]+$/;
const MAX_NAMESPACE_LENGTH = 400;

/**
 * Checks the namespace and hash path parameters. The namespace arrives as the segments of
 * a wildcard (`a.b.C` or, as the reference allowed, `a/b/C`); each dotted part must be a plain
 * name, so `..`, `%2f`, absolute paths and NUL bytes are rejected before anything is looked up.
 */
export function parseExperimentRef(namespace: string | readonly string[], hash: string): ExperimentRef {
  const segments = typeof namespace === 'string' ? [namespace] : namespace;
  const joined = segments.join('.');
  if (joined.length === 0 || joined.length > MAX_NAMESPACE_LENGTH) {
    throw DashboardError.invalidParameter('namespace', `expected 1 to ${MAX_NAMESPACE_LENGTH} characters`);
  }
  const parts = joined.split('.');
  if (!parts.every((part) => SEGMENT_PATTERN.test(part))) {
    throw DashboardError.invalidParameter(
      'namespace',
      'expected dot-separated names of letters, digits, "_" and "-" (for example refstore.pipelines.Train)',
    );
  }
  if (!HASH_PATTERN.test(hash)) {
    throw DashboardError.invalidParameter('gren_hash', 'expected 20 lowercase hexadecimal digits');
  }
  return { namespace: parts.join('.'), hash };
}
