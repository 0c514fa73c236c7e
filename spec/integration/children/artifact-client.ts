import { GrenError, type GrenObject } from 'gren-ts';
import { PrepareDataset, TrainModel } from './interop-models';
import { SlowSquare } from './pipelines';
import { SlowFailure } from './store-pipelines';

const CLASSES: Record<string, new (init: never) => GrenObject> = {
  SlowSquare,
  SlowFailure,
  PrepareDataset,
  TrainModel,
};

/**
 * A child process that runs operations on artifacts and prints what they returned:
 *   node artifact-client.js <Class> <init-json>[;<init-json>...] <op>[,<op>...]
 * ops: `load` (loadOrCreate), `exists`, `metadata` (getMetadata's gren_hash). For each init
 * object in turn every op runs; one JSON line { pid, results } is printed. A GrenError
 * exits 3 with `<code>: <message>` on stderr.
 */
async function main(): Promise<void> {
  const [className = '', inits = '', ops = 'load'] = process.argv.slice(2);
  const Class = CLASSES[className];
  if (!Class) throw new Error(`unknown class ${className}`);
  const results: unknown[] = [];
  for (const init of inits.split(';')) {
    const object = new Class(JSON.parse(init) as never);
    for (const op of ops.split(',')) {
      if (op === 'load') results.push(await object.loadOrCreate());
      else if (op === 'exists') results.push(await object.exists());
      else if (op === 'metadata') results.push(object.getMetadata().gren_hash);
      else throw new Error(`unknown op ${op}`);
    }
  }
  process.stdout.write(`${JSON.stringify({ pid: process.pid, results })}\n`);
}

main().catch((error: unknown) => {
  const code = error instanceof GrenError ? error.code : 'UNEXPECTED';
  process.stderr.write(`${code}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(3);
});
