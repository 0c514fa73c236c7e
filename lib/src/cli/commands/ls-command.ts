import { Option, type Command } from 'commander';
import { progressFor, storePath, type CliContext } from '../cli-context';
import { displayTime } from '../format/display-time';
import { humanSize } from '../format/human-size';
import { textTable } from '../format/text-table';
import { artifactToJson } from '../store/artifact-json';
import { requireStore } from '../store/require-store';
import { scanStore, type ScannedArtifact } from '../store/scan-store';
import { writeJson } from '../write-json';
import { LISTED_RESULTS } from '../../store/statuses';
import { className } from '../../store/store-layout';
import { staleArtifact } from '../../store/stale-artifact';
import type { StaleVerdict } from '../../migration/stale-config';
import { GrenCliError } from '../cli-error';
import { loadUserModule } from '../config/load-user-module';
import { staleJson, staleLine } from '../migrate/stale-listing';

type ListedArtifact = ScannedArtifact & { readonly stale: StaleVerdict | undefined };

interface LsOptions {
  status?: string;
  json?: boolean;
  module?: string;
  stale?: boolean;
}

export function registerLs(program: Command, context: CliContext): void {
  program
    .command('ls')
    .description(
      'List artifacts (data/ and git/), newest first: class, hash, result, attempt, updated time, size on disk',
    )
    .argument('[namespace-prefix]', 'only namespaces starting with this (dotted, or with slashes)')
    .addOption(new Option('--status <result>', 'only artifacts with this result status').choices(LISTED_RESULTS))
    .option('--json', 'print JSON: {store, total, total_bytes, artifacts: [...]}, sizes in bytes')
    .option(
      '--module <file>',
      'judge stored configs against the classes this module declares: stale ones show their differences and the migration that maps them',
    )
    .option('--stale', 'only stale artifacts (needs --module)')
    .action((prefix: string | undefined, options: LsOptions, command: Command) => {
      const base = storePath(command);
      requireStore(base);
      if (options.stale && !options.module)
        throw GrenCliError.usage(
          '--stale needs --module <file>: staleness is judged against the classes a module declares.',
        );
      if (options.module) loadUserModule(options.module);
      const wanted = prefix?.replace(/\//g, '.');
      const artifacts = scanStore(
        base,
        progressFor(context, command, Boolean(options.json)),
        (location) =>
          !wanted ||
          location.namespace.startsWith(wanted) ||
          `${location.namespace}/${location.hash}`.startsWith(wanted),
      )
        .filter((artifact) => !options.status || artifact.result === options.status)
        .map((artifact) => ({
          ...artifact,
          stale: options.module ? staleArtifact(artifact.directory, artifact.namespace) : undefined,
        }))
        .filter((artifact) => !options.stale || artifact.stale !== undefined)
        .sort((a, b) => b.updatedMs - a.updatedMs || a.key.localeCompare(b.key));
      const totalBytes = artifacts.reduce((sum, artifact) => sum + artifact.sizeBytes, 0);
      if (options.json) {
        writeJson(context.io, {
          store: base,
          total: artifacts.length,
          total_bytes: totalBytes,
          artifacts: artifacts.map((artifact) => ({
            ...artifactToJson(artifact),
            ...(options.module ? { stale: staleJson(artifact.stale) } : {}),
          })),
        });
      } else {
        context.io.stdout.write(formatListing(base, artifacts, totalBytes));
      }
    });
}

function formatListing(base: string, artifacts: readonly ListedArtifact[], totalBytes: number): string {
  if (artifacts.length === 0) return `No artifacts in ${base}.\n`;
  const rows = artifacts.map((artifact) => {
    const attempt = artifact.state?.attempt;
    return [
      className(artifact.namespace),
      artifact.hash,
      artifact.result,
      attempt ? `#${attempt.number} ${attempt.status}` : '-',
      `${displayTime(artifact.updatedAt)}${artifact.updatedFrom === 'mtime' ? '*' : ''}`,
      humanSize(artifact.sizeBytes),
      artifact.namespace,
    ];
  });
  const lines = textTable(['CLASS', 'HASH', 'RESULT', 'ATTEMPT', 'UPDATED (UTC)', 'SIZE', 'NAMESPACE'], rows);
  const out: string[] = [lines[0]!];
  artifacts.forEach((artifact, index) => {
    out.push(lines[index + 1]!);
    if (artifact.invalid) out.push(`  ! ${artifact.invalid.message}`);
    if (artifact.stale) out.push(staleLine(artifact.stale));
  });
  const plural = artifacts.length === 1 ? '' : 's';
  out.push(
    `${artifacts.length} artifact${plural}, ${humanSize(totalBytes)}${artifacts.some((artifact) => artifact.updatedFrom === 'mtime') ? ' (* folder time: no state update recorded)' : ''}`,
  );
  return `${out.join('\n')}\n`;
}
