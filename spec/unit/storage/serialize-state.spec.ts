import { defaultState, serializeState, type GrenState } from 'gren-ts';
import { finishFailed, finishStopped, finishSuccess } from '../../../lib/src/storage/transitions';
import { parseStateText } from '../../../lib/src/storage/read-state';
import { activeState, at } from './state-samples';

const ID = 'a'.repeat(32);

const OWNER_TEXT = [
  '    "owner": {',
  '      "pid": 4242,',
  '      "host": "this-host",',
  '      "hostname": "this-host",',
  '      "user": "root",',
  '      "command": "train.js",',
  '      "timestamp": null,',
  '      "python_version": null,',
  '      "executable": null,',
  '      "platform": null',
  '    },',
];

function attemptHead(status: string): string[] {
  return [
    '  "attempt": {',
    `    "id": "${ID}",`,
    '    "number": 1,',
    '    "backend": "local",',
    `    "status": "${status}",`,
    '    "started_at": "2026-11-26T04:19:13+00:00",',
    '    "heartbeat_at": "2026-11-26T04:19:13+00:00",',
    '    "lease_duration_sec": 120.0,',
    '    "lease_expires_at": "2026-11-26T04:21:13+00:00",',
    ...OWNER_TEXT,
  ];
}

describe('serializeState', () => {
  describe('when there is no attempt', () => {
    it('should write the default state with nulls, 2-space indentation and no trailing newline', () => {
      expect(serializeState(defaultState())).toBe(
        '{\n  "schema_version": 1,\n  "result": {\n    "status": "absent"\n  },\n  "attempt": null,\n  "updated_at": null\n}',
      );
    });
  });

  describe('when the attempt is running', () => {
    it('should write the common fields in the reference order, the lease as a float, and no ended_at/error/reason', () => {
      const text = serializeState(activeState());

      expect(text).toBe(
        [
          '{',
          '  "schema_version": 1,',
          '  "result": {',
          '    "status": "incomplete"',
          '  },',
          ...attemptHead('running'),
          '    "scheduler": {}',
          '  },',
          '  "updated_at": "2026-11-26T04:19:13+00:00"',
          '}',
        ].join('\n'),
      );
    });
  });

  describe('when the attempt succeeded', () => {
    it('should add ended_at and reason (null) but no error, and the result created_at', () => {
      const state: GrenState = {
        ...finishSuccess(activeState(), ID, at(0))!.state,
        updated_at: '2026-11-26T04:19:13+00:00',
      };

      expect(serializeState(state)).toBe(
        [
          '{',
          '  "schema_version": 1,',
          '  "result": {',
          '    "status": "success",',
          '    "created_at": "2026-11-26T04:19:13+00:00"',
          '  },',
          ...attemptHead('success'),
          '    "scheduler": {},',
          '    "ended_at": "2026-11-26T04:19:13+00:00",',
          '    "reason": null',
          '  },',
          '  "updated_at": "2026-11-26T04:19:13+00:00"',
          '}',
        ].join('\n'),
      );
    });
  });

  describe('when the attempt failed or stopped', () => {
    it('should write ended_at, error (type, message, traceback) and reason, in that order, escaping non-ASCII like Python', () => {
      const error = { type: 'RangeError', message: 'bad \u00e9 "q"', traceback: null };
      const state = finishFailed(activeState(), ID, error, at(0))!.state;

      const text = serializeState(state);

      expect(text).toContain(
        [
          '    "scheduler": {},',
          '    "ended_at": "2026-11-26T04:19:13+00:00",',
          '    "error": {',
          '      "type": "RangeError",',
          '      "message": "bad \\u00e9 \\"q\\"",',
          '      "traceback": null',
          '    },',
          '    "reason": null',
          '  },',
        ].join('\n'),
      );
    });

    it('should write a null error for a crashed attempt', () => {
      const state = finishStopped(activeState(), ID, 'crashed', null, 'pid_dead', at(0))!.state;

      expect(serializeState(state)).toContain('"error": null,\n    "reason": "pid_dead"\n  },');
    });
  });

  describe('when the lease is not whole', () => {
    it('should keep the fraction', () => {
      expect(serializeState(activeState({ leaseSec: 2.5 }))).toContain('"lease_duration_sec": 2.5,');
    });
  });

  describe('when a serialized state is read back', () => {
    it('should round-trip every variant', () => {
      const states = [
        activeState(),
        activeState({ status: 'queued' }),
        finishSuccess(activeState(), ID, at(0))!.state,
        finishFailed(activeState(), ID, { type: 'E', message: 'm', traceback: 't' }, at(0), 'why')!.state,
        finishStopped(
          activeState(),
          ID,
          'preempted',
          { type: 'signal', message: 'signal:15', traceback: null },
          null,
          at(0),
        )!.state,
      ];

      for (const state of states) {
        const text = serializeState(state);
        expect(serializeState(parseStateText(text, '/x/state.json'))).toBe(text);
      }
    });
  });
});
