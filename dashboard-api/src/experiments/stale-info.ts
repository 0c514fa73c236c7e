import { staleArtifact, type StaleVerdict } from 'gren-ts/store';
import type { StaleChange, StaleInfo } from '../contract/api-types';
import type { ArtifactRecord } from '../index/artifact-record';

const judged = new WeakMap<ArtifactRecord, { signature: string | null; info: StaleInfo | null }>();

/**
 * Whether the artifact's stored config fits its class as the loaded modules declare it now,
 * judged once per state version of the record (a stale artifact stays stale: migrating
 * links the new identity and leaves the old artifact as it is).
 */
export function staleInfoOf(record: ArtifactRecord): StaleInfo | null {
  const cached = judged.get(record);
  if (cached && cached.signature === record.stateSignature) return cached.info;
  let info: StaleInfo | null;
  try {
    info = toStaleInfo(staleArtifact(record.directory, record.namespace));
  } catch {
    // A class whose declared migrations are wrong must not break the listing.
    info = null;
  }
  judged.set(record, { signature: record.stateSignature, info });
  return info;
}

function toStaleInfo(verdict: StaleVerdict | undefined): StaleInfo | null {
  if (!verdict) return null;
  return {
    class_name: verdict.className ?? null,
    changes: verdict.changes.map((change): StaleChange => ({ ...change })),
    mapping: verdict.mapping.mapped
      ? { namespace: verdict.mapping.namespace, gren_hash: verdict.mapping.hash, steps: [...verdict.mapping.steps] }
      : null,
    unmapped_reason: verdict.mapping.mapped ? null : verdict.mapping.reason,
  };
}
