import { ProcessPoolExecutor, runAll } from 'gren-ts';
import { threeLevels } from './sweep-pipelines';

/**
 * node sweep-cancel-client.js <n> <leafMs>: starts the three-level sweep on a pool of 2,
 * waits until two leaves run, cancels it, and prints the report's counts.
 */
async function main(): Promise<void> {
  const [n = '4', leafMs = '30000'] = process.argv.slice(2);
  const executor = new ProcessPoolExecutor({ size: 2 });
  const sweep = runAll(threeLevels(Number(n), Number(leafMs)), { executor, tickMs: 100 });
  while ((await sweep.summary()).running < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  const report = await sweep.cancel();
  const { entries: _entries, levels: _levels, ...counts } = report;
  process.stdout.write(`${JSON.stringify({ counts })}\n`);
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exit(3);
});
