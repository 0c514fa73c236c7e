import type { Command } from 'commander';
import { classModel } from '../../metadata/build-class-model';
import type { ClassModel } from '../../metadata/class-model';
import { registry } from '../../metadata/registry';
import { runtimeOf } from '../../di/active-container';
import { isGrenObject } from '../../model/gren-object-mark';
import { GREN_CONFIG } from '../../settings/gren-config';
import { GrenCliError } from '../cli-error';
import { progressFor, storePath, type CliContext } from '../cli-context';
import { loadUserModule } from '../config/load-user-module';
import { EXIT_FAILED } from '../exit-codes';
import { applyMigration } from '../migrate/apply-migration';
import { formatMigration, migrationCounts } from '../migrate/format-migration';
import { migrationItemJson } from '../migrate/migration-item';
import { planMigration } from '../migrate/plan-migration';
import { requireStore } from '../store/require-store';
import { writeJson } from '../write-json';

interface MigrateCommandOptions {
  dryRun?: boolean;
  json?: boolean;
}

export function registerMigrate(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description(
      'Map the stale artifacts of the classes a module exports to their identities as declared now (@Gren({ migrations })), so the next run loads them instead of recomputing',
    )
    .argument('<module>', 'the file exporting the config classes (.ts through ts-node, or .js)')
    .option('--dry-run', 'list the stale artifacts and where they would go, and change nothing')
    .option('--json', 'print the outcome as JSON (no progress display)')
    .addHelpText(
      'after',
      '\nNo data is copied: the new identity records a link to the stored result. Running it again finishes an interrupted run.\n\nExample:\n  gren migrate experiments/pipelines.ts --dry-run\n',
    )
    .action(async (file: string, options: MigrateCommandOptions, command: Command) => {
      const base = storePath(command);
      requireStore(base);
      GREN_CONFIG.basePath = base;
      const classes = exportedClasses(loadUserModule(file), file);
      const progress = progressFor(context, command, options.json === true);
      const items = planMigration(base, classes, progress);
      const plainProgress = !options.json && !context.io.progressStream;
      if (!options.dryRun)
        await applyMigration(
          runtimeOf(),
          items,
          progress,
          plainProgress ? (line) => context.io.stderr.write(`${line}\n`) : undefined,
        );
      if (options.json)
        writeJson(context.io, {
          store: base,
          dry_run: options.dryRun === true,
          counts: migrationCounts(items),
          items: items.map(migrationItemJson),
        });
      else context.io.stdout.write(formatMigration(items));
      const counts = migrationCounts(items);
      if (counts.conflict > 0 || counts.busy > 0) context.exitCode = EXIT_FAILED;
    });
}

/** The GrenObject classes among the module's exports. */
function exportedClasses(exports: Record<string, unknown>, file: string): ClassModel[] {
  const models = Object.values(exports)
    .filter((value) => typeof value === 'function' && registry.isRegistered(value) && isGrenObject(value.prototype))
    .map((value) => classModel(value as never));
  if (models.length === 0)
    throw GrenCliError.notFound(
      `${file} exports no gren config class with artifacts (a @Gren() class extending GrenObject).`,
    );
  return [...new Set(models)];
}
