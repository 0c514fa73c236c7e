import * as fs from 'node:fs';
import { stringifyPythonJson } from '../serialization/python-json';
import { writeFileAtomic, type FileContent } from './atomic-write';
import type { ArtifactPaths } from './artifact-paths';
import { isoSeconds } from './iso-time';
import { removeUsuallyAbsentFile } from './remove-absent-file';

/** `.gren/SUCCESS.json`: written before the state records success, so a crash between the two is recoverable. */
export function writeSuccessMarker(paths: ArtifactPaths, attemptId: string, now: Date): void {
  const { file, text } = successMarkerContent(paths, attemptId, now);
  writeFileAtomic(file, text);
}

/** The marker's file and text, for writing it in one batch with the state that records success. */
export function successMarkerContent(paths: ArtifactPaths, attemptId: string, now: Date): FileContent {
  return {
    file: paths.success,
    text: stringifyPythonJson({ attempt_id: attemptId, created_at: isoSeconds(now) }, { indent: 2 }),
  };
}

/** The attempt id the marker names; undefined without a (readable) marker. */
export function readSuccessMarker(paths: ArtifactPaths): string | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(paths.success, 'utf8')) as { attempt_id?: unknown };
    return typeof data.attempt_id === 'string' ? data.attempt_id : undefined;
  } catch {
    return undefined;
  }
}

export function removeSuccessMarker(paths: ArtifactPaths): void {
  removeUsuallyAbsentFile(paths.success);
}
