/**
 * Run directly (`npx ts-node --transpile-only bench/<name>.bench.ts`), a benchmark prints its
 * figures as JSON; on failure it prints the error and exits 1 (a server or browser it left
 * open must not keep the process alive). Through `npm run bench`, run.ts calls `run()` instead.
 */
export function printWhenMain(module: NodeModule, run: () => Promise<Record<string, unknown>>): void {
  if (require.main !== module) return;
  run().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
