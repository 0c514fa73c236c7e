import type { LockSighting } from './lock-file';

export interface StaleLockRules {
  hostname: string;
  nowMs: number;
  /** A lock whose mtime is older than this is broken whoever holds it (live holders of ours refresh it). */
  staleAfterSec: number;
  isPidAlive(pid: number): boolean;
}

/**
 * Why the lock that was seen may be broken, or undefined while it must be respected. The
 * Python gren's rules: its holder is provably dead (a pid of this host that no longer
 * exists; across hosts a pid proves nothing), or it has not been touched for
 * `staleAfterSec`. A lock without holder information (empty, half-written, or a directory
 * left by our previous version) falls to the age rule.
 */
export function staleLockReason(seen: LockSighting, rules: StaleLockRules): string | undefined {
  if (seen.kind === 'absent') return undefined;
  const record = seen.kind === 'file' ? seen.record : undefined;
  if (record && record.host === rules.hostname && record.pid !== null && !rules.isPidAlive(record.pid)) {
    return `its holder, pid ${record.pid} on this host, is dead`;
  }
  const ageSec = (rules.nowMs - seen.mtimeMs) / 1000;
  if (ageSec > rules.staleAfterSec)
    return `untouched for ${Math.floor(ageSec)} s (stale after ${rules.staleAfterSec} s)`;
  return undefined;
}
