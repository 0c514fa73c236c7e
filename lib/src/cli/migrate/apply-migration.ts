import type { GrenRuntime } from '../../runtime/gren-runtime';
import { linkEarlierResult } from '../../runtime/link-earlier-result';
import { resultDirOf } from '../../storage/result-link';
import type { Progress } from '../progress';
import type { MigrationItem } from './migration-item';

/**
 * Links every planned item's new identity to its stored result, one after the other. Each
 * link is its own atomic record, so an interrupted run loses nothing: running it again
 * finds the links made (`present`) and makes the rest. `note` gets one line per item (the
 * plain progress display where no bar can be drawn).
 */
export async function applyMigration(
  runtime: GrenRuntime,
  items: readonly MigrationItem[],
  progress: Progress,
  note?: (line: string) => void,
): Promise<void> {
  const planned = items.filter((item) => item.status === 'planned');
  progress.start(planned.length, 'linking');
  for (const [index, item] of planned.entries()) {
    if (!item.object || !item.to) continue;
    const source = {
      namespace: item.from.namespace,
      hash: item.from.hash,
      dir: item.from.directory,
      resultDir: resultDirOf(item.from.directory),
      steps: item.steps,
    };
    item.status = await linkEarlierResult(runtime, item.object, source);
    if (item.status === 'busy')
      item.reason = 'another process is working on the new identity; run gren migrate again later';
    note?.(`[${index + 1}/${planned.length}] ${item.status}: ${item.className} ${item.from.hash} -> ${item.to.hash}`);
    progress.tick();
  }
  progress.stop();
}
