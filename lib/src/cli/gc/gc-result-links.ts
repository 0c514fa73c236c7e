import { linkedKeys, readResultLinks } from '../../store/result-links';
import { artifactKey } from '../../store/store-layout';
import type { ScannedArtifact } from '../store/scan-store';

/** A result link gc could not follow (it protects nothing). */
export interface GcLinkProblem {
  readonly key: string;
  readonly why: string;
}

/** What the result links of a store's successful artifacts read, as gc needs it. */
export interface GcResultLinks {
  /** Per linking artifact: the keys of the scanned artifacts its link reads. */
  readonly targets: ReadonlyMap<string, readonly string[]>;
  readonly problems: readonly GcLinkProblem[];
}

/**
 * Reads the result link of every successful artifact that has one (a failed or unfinished
 * artifact reads no result, so its link protects nothing). A link whose data folder is not
 * in the store, or a link file that cannot be read, is a problem to report, never an error.
 */
export function gcResultLinks(base: string, scanned: readonly ScannedArtifact[]): GcResultLinks {
  const byKey = new Map(scanned.map((artifact) => [artifact.key, artifact]));
  const links = readResultLinks(
    base,
    scanned.filter((artifact) => artifact.result === 'success'),
  );
  const targets = new Map<string, readonly string[]>();
  const problems: GcLinkProblem[] = [];
  for (const [key, reading] of links) {
    if ('problem' in reading) {
      problems.push({ key, why: `unreadable result link: ${reading.problem}` });
      continue;
    }
    const { linked } = reading;
    const holder = linked.holder;
    if (!holder || !byKey.has(artifactKey(holder.root, holder.namespace, holder.hash)))
      problems.push({
        key,
        why: `dangling result link: ${linked.holderDirectory} holds no artifact (its next loadOrCreate computes again)`,
      });
    targets.set(
      key,
      linkedKeys(linked).filter((target) => byKey.has(target)),
    );
  }
  return { targets, problems };
}
