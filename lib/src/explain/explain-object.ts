import * as fs from 'node:fs';
import * as path from 'node:path';
import { classModel } from '../metadata/build-class-model';
import type { GrenSettings } from '../settings/gren-settings';
import { treeOfObject, type ConfigTree } from './config-tree';
import { diffConfigs } from './diff-configs';
import type { Explanation, ExplainOptions, NearestArtifact } from './explanation';
import { pickNearest } from './pick-nearest';
import { readStoredArtifact } from './read-stored-artifact';
import { attemptSummary, describeOutcome } from './summarize-state';
import { listDirectories } from '../storage/list-directories';
import { artifactDirOf } from '../model/artifact-dir';

const DEFAULT_LIMIT = 3;

/** A config object with a store artifact (a GrenObject). */
export interface Explainable {
  readonly grenDir: string;
  readonly grenHash: string;
}

/**
 * Explains what `loadOrCreate()` would do with `object`, reading the store only: where its
 * artifact is and in which state, or — when it was never computed — which stored configs
 * of the same namespace are nearest and which fields differ (see diffConfigs).
 */
export function explainObject(object: Explainable, settings: GrenSettings, options: ExplainOptions = {}): Explanation {
  const model = classModel(object.constructor as never);
  const directory = artifactDirOf(object);
  const hash = object.grenHash;
  const target = readStoredArtifact(directory, hash, false);
  const base = { namespace: model.namespace, hash, directory, storePath: settings.basePath };
  const forced = settings.forceRecompute.has(model.namespace) || settings.forceRecompute.has(model.className);
  const forceNote = forced
    ? ' GREN_FORCE_RECOMPUTE names this class: the first loadOrCreate() of a process recomputes it.'
    : '';
  if (target.exists) {
    const state = target.state;
    return {
      ...base,
      status: state?.result.status === 'success' ? 'cached' : 'stored',
      result: target.result,
      attempt: state ? attemptSummary(state) : null,
      updatedAt: target.updatedAt,
      stateError: target.stateError,
      summary:
        (state ? describeOutcome(state) : `Its state cannot be read (${target.stateError ?? 'unknown error'}).`) +
        forceNote,
      compared: 0,
      notComparable: 0,
      nearest: [],
    };
  }
  const { compared, notComparable } = compareSiblings(
    model.namespace,
    path.dirname(directory),
    hash,
    treeOfObject(object),
  );
  return {
    ...base,
    status: 'missing',
    result: null,
    attempt: null,
    updatedAt: null,
    stateError: null,
    summary: `This config was never computed in ${settings.basePath}: loadOrCreate() computes it.${forceNote}`,
    compared: compared.length,
    notComparable,
    nearest: pickNearest(compared, options.limit ?? DEFAULT_LIMIT),
  };
}

function compareSiblings(
  namespace: string,
  namespaceDir: string,
  ownHash: string,
  tree: ConfigTree,
): { compared: NearestArtifact[]; notComparable: number } {
  const compared: NearestArtifact[] = [];
  let notComparable = 0;
  for (const name of listDirectories(namespaceDir)) {
    if (name === ownHash) continue;
    const directory = path.join(namespaceDir, name);
    if (!fs.existsSync(path.join(directory, '.gren'))) continue;
    const stored = readStoredArtifact(directory, name);
    if ('missing' in stored.config) {
      notComparable += 1;
      continue;
    }
    compared.push({
      namespace,
      hash: name,
      directory,
      result: stored.result ?? 'absent',
      updatedAt: stored.updatedAt,
      exact: stored.config.exact,
      differences: diffConfigs(stored.config.tree, tree),
    });
  }
  return { compared, notComparable };
}
