import type { Command } from 'commander';
import { GREN_CONFIG } from '../../settings/gren-config';
import { GrenCliError } from '../cli-error';
import { progressFor, storePath, type CliContext } from '../cli-context';
import { EXIT_FAILED } from '../exit-codes';
import { executeGc } from '../gc/execute-gc';
import { formatGcReport, gcReportToJson, type GcReport } from '../gc/gc-report';
import { parseDuration } from '../gc/parse-duration';
import { parseSize } from '../gc/parse-size';
import { planGc } from '../gc/plan-gc';
import { emptyTrash, trashContents } from '../gc/trash';
import { humanSize } from '../format/human-size';
import { requireStore } from '../store/require-store';
import { writeJson } from '../write-json';

interface GcCommandOptions {
  olderThan?: string;
  failed?: boolean;
  orphans?: boolean;
  maxSize?: string;
  keepDeps: boolean;
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
}

export function registerGc(program: Command, context: CliContext): void {
  program
    .command('gc')
    .description(
      'Remove old, failed or orphaned artifacts, or the oldest ones over a size budget; never a live one, nor one a kept artifact depends on or reads its result from',
    )
    .option('--older-than <duration>', 'select artifacts last updated longer ago than this (30d, 12h, 1d12h, 90m, 2w)')
    .option('--failed', 'select artifacts whose result is failed')
    .option(
      '--orphans',
      'select orphans: absent or incomplete results (never finished, crashed, preempted, invalidated), folders without .gren, unreadable state',
    )
    .option(
      '--max-size <size>',
      'then remove the oldest artifacts until the store holds at most this much (50G, 500M; powers of 1024)',
    )
    .option('--keep-deps', 'never remove an artifact that a kept artifact depends on (default)', true)
    .option('--no-keep-deps', 'remove selected artifacts even when kept ones depend on them')
    .option('--dry-run', 'print what would be removed and change nothing (exit 0)')
    .option('--yes', 'do not ask for confirmation on a terminal')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Criteria add up (an artifact matching any of them is selected). Live artifacts (a queued or
running attempt with an unexpired lease or a live pid on this host, or a compute lock
present) are never removed, nor the old artifact whose result a kept success reuses through
its .gren/result-link.json (a migration's link; followed through links to links, whatever
--keep-deps says). A linking artifact removed in the same run goes first. Removal is crash-safe: each artifact folder is renamed into
<store>/.trash/<time>-<random>/ first, then the trash is deleted; every gc run starts by
emptying what an interrupted one left there. On a terminal, gc asks before removing
(unless --yes or --json); without a terminal (scripts, CI) it proceeds.

Examples:
  gren gc --failed --orphans --dry-run
  gren gc --older-than 30d --max-size 50G --yes`,
    )
    .action(async (options: GcCommandOptions, command: Command) => {
      if (!options.olderThan && !options.failed && !options.orphans && !options.maxSize) {
        throw GrenCliError.usage(
          'gc needs at least one of --older-than, --failed, --orphans, --max-size: it removes nothing by default.',
        );
      }
      const criteria = {
        nowMs: Date.now(),
        olderThanMs: options.olderThan === undefined ? undefined : parseDuration(options.olderThan),
        failed: Boolean(options.failed),
        orphans: Boolean(options.orphans),
        maxSizeBytes: options.maxSize === undefined ? undefined : parseSize(options.maxSize),
        keepDeps: options.keepDeps !== false,
      };
      const base = storePath(command);
      requireStore(base);
      const dryRun = Boolean(options.dryRun);
      const progress = progressFor(context, command, Boolean(options.json));
      const trash = dryRun ? trashContents(base) : emptyTrash(base);
      const planned = planGc(base, criteria, GREN_CONFIG.staleAfterSecs, progress);
      let execution;
      if (!dryRun && planned.plan.remove.length > 0) {
        if (context.io.interactive && !options.yes && !options.json) {
          const question = `Remove ${planned.plan.remove.length} artifact(s), ${humanSize(planned.plan.removeBytes)}, from ${base}? (--dry-run lists them)`;
          if (!(await context.io.confirm(question))) throw GrenCliError.failed('gc cancelled: nothing was removed.');
        }
        execution = executeGc(base, planned, progress);
      }
      const report: GcReport = { store: base, dryRun, planned, trash, execution };
      if (options.json) writeJson(context.io, gcReportToJson(report));
      else context.io.stdout.write(formatGcReport(report));
      if (execution && execution.failures.length > 0) context.exitCode = EXIT_FAILED;
    });
}
