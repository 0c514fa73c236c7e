import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringifyPythonJson } from '../serialization/python-json';
import type { FileContent } from './atomic-write';
import { ArtifactPaths, GREN_DIR_NAME } from './artifact-paths';
import { isoSeconds } from './iso-time';
import { removeUsuallyAbsentFile } from './remove-absent-file';
import { successStates } from './success-state-cache';
import type { GrenState } from './state-types';

/** Ours alone, beside state.json: this artifact's result lives in another artifact's folder. */
export const RESULT_LINK_FILE = 'result-link.json';

/**
 * Where a reused result came from. The artifact that computed it is left exactly as it was
 * (the Python gren may still read it); the new identity's folder only points at it.
 */
export interface ResultLink {
  /** The folder `_load()` reads (`grenDir`), relative to the linking artifact's folder. */
  readonly target: string;
  /** The identity whose success was reused (itself possibly linked further). */
  readonly source: { readonly namespace: string; readonly hash: string };
  /** The declared steps that map the source to this identity, as `Class: step`. */
  readonly steps: readonly string[];
  readonly linked_at: string;
}

export function resultLinkPath(artifactDir: string): string {
  return path.join(artifactDir, GREN_DIR_NAME, RESULT_LINK_FILE);
}

/** The link file's content, for writing it in one batch with the success record. */
export function resultLinkContent(
  artifactDir: string,
  targetDir: string,
  source: ResultLink['source'],
  steps: readonly string[],
  now: Date,
): FileContent {
  const link: ResultLink = { target: path.relative(artifactDir, targetDir), source, steps, linked_at: isoSeconds(now) };
  return { file: resultLinkPath(artifactDir), text: stringifyPythonJson(link, { indent: 2 }) };
}

/** The artifact's link, or undefined when it holds its own result (or the link is unreadable). */
export function readResultLink(artifactDir: string): ResultLink | undefined {
  const inspected = inspectResultLink(artifactDir);
  return inspected && 'link' in inspected ? inspected.link : undefined;
}

/**
 * The artifact's link file as found: undefined when there is none, else the link or why it
 * cannot be used (unreadable, not JSON, or without a target folder and a source identity).
 */
export function inspectResultLink(artifactDir: string): { link: ResultLink } | { problem: string } | undefined {
  const file = resultLinkPath(artifactDir);
  // grenDir asks on every access: a missing file (the usual case) must not cost a thrown error.
  if (!fs.existsSync(file)) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: `cannot read ${file}: ${(error as Error).message}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `${file} is not JSON: ${(error as Error).message}` };
  }
  return isResultLink(parsed) ? { link: parsed } : { problem: `${file} names no target folder and source identity` };
}

function isResultLink(value: unknown): value is ResultLink {
  if (typeof value !== 'object' || value === null) return false;
  const { target, source } = value as Partial<Record<keyof ResultLink, unknown>>;
  return typeof target === 'string' && typeof source === 'object' && source !== null;
}

/** The folder holding the artifact's result: the link's target, or the artifact's own folder. */
export function resultDirOf(artifactDir: string): string {
  const link = readResultLink(artifactDir);
  return link ? path.resolve(artifactDir, link.target) : artifactDir;
}

/**
 * The link's answer per parsed success state. The success-state cache hands out the same
 * frozen state while state.json is unchanged, and a link is only written or removed along
 * with a new state, so a cache hit needs no second look at the link file.
 */
const resultDirs = new WeakMap<GrenState, string>();

function resultDirWith(artifactDir: string, state: GrenState): string {
  let resultDir = resultDirs.get(state);
  if (resultDir === undefined) {
    resultDir = resultDirOf(artifactDir);
    resultDirs.set(state, resultDir);
  }
  return resultDir;
}

/**
 * Why a reused result (a link to an earlier identity's folder) is no longer usable, if it is
 * not; `state` is the artifact's success state, as just read.
 */
export function goneReusedResult(artifactDir: string, state: GrenState): string | undefined {
  const resultDir = resultDirWith(artifactDir, state);
  if (resultDir === artifactDir) return undefined;
  const source = successStates.read(new ArtifactPaths(resultDir).state);
  return source.result.status === 'success' ? undefined : `the reused result in ${resultDir} is no longer a success`;
}

export function removeResultLink(artifactDir: string): void {
  removeUsuallyAbsentFile(resultLinkPath(artifactDir));
}
