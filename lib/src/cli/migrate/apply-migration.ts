import type { GrenRuntime } from '../../runtime/gren-runtime';
import { linkEarlierResult } from '../../runtime/link-earlier-result';
import { resultDirOf } from '../../storage/result-link';
import type { Progress } from '../progress';
import type { MigrationItem } from './migration-item';

/**
 * Links every planned item's new identity to its stored result, one after the other. Each
 * link is its own atomic record, so an interrupted run loses nothing: running it again
 * finds the links made (`present`) and makes the rest.
 */
export async function applyMigration(runtime: GrenRuntime, items: readonly MigrationItem[], progress: Progress): Promise<void> {
  const planned = items.filter((item) => item.status === 'planned');
  progress.start(planned.length, 'linking');
  for (const item of planned) {
    if (!item.object || !item.to) continue;
    const source = { namespace: item.from.namespace, hash: item.from.hash, dir: item.from.directory, resultDir: resultDirOf(item.from.directory), steps: item.steps };
    item.status = await linkEarlierResult(runtime, item.object, source);
    if (item.status === 'busy') item.reason = 'another process is working on the new identity; run gren migrate again later';
    progress.tick();
  }
  progress.stop();
}
