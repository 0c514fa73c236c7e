import * as os from 'node:os';
import { stringifyPythonJson } from '../serialization/python-json';
import type { Clock } from '../runtime/clock';
import { appendLine, writeFilesAtomic, type FileContent } from './atomic-write';
import type { ArtifactPaths } from './artifact-paths';
import { isoSeconds } from './iso-time';
import { readState } from './read-state';
import { serializeState } from './serialize-state';
import { withStateLock } from './state-lock';
import type { GrenState } from './state-types';
import type { EventBody, Transition } from './transitions';

export interface UpdateOutcome {
  state: GrenState;
  changed: boolean;
}

/**
 * Reads and changes state.json. Changes are serialized per artifact by the state lock,
 * written atomically, stamped with `updated_at`, and logged to events.jsonl. A mutation
 * that returns undefined writes nothing (so cache hits never touch the store).
 */
export class StateStore {
  private readonly hostname = os.hostname();

  constructor(private readonly clock: Clock) {}

  read(paths: ArtifactPaths): GrenState {
    return readState(paths.state);
  }

  update(
    paths: ArtifactPaths,
    mutate: (state: GrenState, now: Date) => Transition | undefined,
  ): Promise<UpdateOutcome> {
    return withStateLock(paths, () => this.updateLocked(paths, mutate));
  }

  /**
   * For callers that already hold the state lock (see withStateLock). `before` are files
   * replaced in the same batch, ahead of state.json, and only when the state changes: the
   * success marker. Such a batch, the success record, also fsyncs the folder once, so it
   * survives a power cut as soon as it is reported. `current` is the state the caller read
   * under the lock it still holds, when it has one: reading the file again would give the
   * same (one read less on every create).
   */
  updateLocked(
    paths: ArtifactPaths,
    mutate: (state: GrenState, now: Date) => Transition | undefined,
    before: readonly FileContent[] = [],
    current: GrenState = readState(paths.state),
  ): UpdateOutcome {
    const now = this.clock.now();
    const transition = mutate(current, now);
    if (!transition) return { state: current, changed: false };
    const next: GrenState = { ...transition.state, updated_at: isoSeconds(now) };
    writeFilesAtomic([...before, { file: paths.state, text: serializeState(next) }], {
      durableRename: before.length > 0,
    });
    for (const event of transition.events) this.appendEvent(paths, event, now);
    return { state: next, changed: true };
  }

  appendEvent(paths: ArtifactPaths, event: EventBody, now: Date = this.clock.now()): void {
    const line = stringifyPythonJson(
      { ts: isoSeconds(now), pid: process.pid, host: this.hostname, ...event },
      { spaced: true },
    );
    appendLine(paths.events, line);
  }
}
