import { defaultState, type GrenState } from 'gren-ts';
import { orphanReason } from '../../../lib/src/store/orphan-reason';
import { finishFailed, finishStopped, finishSuccess, startAttempt } from '../../../lib/src/storage/transitions';

const ID = 'b'.repeat(32);
const owner = {
  pid: 1,
  host: 'h',
  hostname: 'h',
  user: null,
  command: null,
  timestamp: null,
  python_version: null,
  executable: null,
  platform: null,
};
const running = startAttempt(
  defaultState(),
  { id: ID, status: 'running', backend: 'local', leaseSec: 120, owner },
  new Date(0),
).state;
const record = (
  state: GrenState | undefined,
  fields: { invalid?: { code: string; message: string }; hasInternalDir?: boolean } = {},
) => ({ state, invalid: fields.invalid, hasInternalDir: fields.hasInternalDir ?? true });

describe(orphanReason, () => {
  it('should not call a successful or failed artifact an orphan', () => {
    expect(orphanReason(record(finishSuccess(running, ID, new Date(1))!.state))).toBeUndefined();
    expect(
      orphanReason(record(finishFailed(running, ID, { type: 'E', message: 'm', traceback: null }, new Date(1))!.state)),
    ).toBeUndefined();
  });

  it('should call a crashed, never finished or invalidated artifact an orphan', () => {
    expect(orphanReason(record(finishStopped(running, ID, 'crashed', null, 'pid_dead', new Date(1))!.state))).toBe(
      'result incomplete, attempt #1 crashed (pid_dead)',
    );
    expect(orphanReason(record(running))).toBe('result incomplete, attempt #1 running');
    expect(orphanReason(record(defaultState()))).toBe('result absent, no attempt');
  });

  it('should call a folder without .gren and a corrupt state an orphan', () => {
    expect(orphanReason(record(defaultState(), { hasInternalDir: false }))).toBe('no .gren folder');
    expect(orphanReason(record(undefined, { invalid: { code: 'STATE_INVALID_JSON', message: 'bad' } }))).toBe(
      'unreadable state (STATE_INVALID_JSON)',
    );
  });

  it('should leave a state of another schema version alone', () => {
    expect(
      orphanReason(record(undefined, { invalid: { code: 'STATE_UNSUPPORTED_SCHEMA', message: 'v2' } })),
    ).toBeUndefined();
  });
});
