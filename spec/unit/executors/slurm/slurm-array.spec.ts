import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { arraySpec, chunk, parseArrayTaskId } from '../../../../lib/src/executors/slurm/array-spec';
import {
  AUTO_TASKS_PER_SLOT,
  checkConfigsPerTask,
  configsPerArrayTask,
} from '../../../../lib/src/executors/slurm/configs-per-task';
import { parseMaxArraySize } from '../../../../lib/src/executors/slurm/parse-max-array-size';
import { parseSinfoCpus } from '../../../../lib/src/executors/slurm/parse-sinfo-cpus';
import { SlurmError } from '../../../../lib/src/executors/slurm/slurm-error';
import { slurmWorkerEnvironment } from '../../../../lib/src/executors/slurm/slurm-worker-environment';
import { payloadsOfArrayTask, renderTaskList } from '../../../../lib/src/runtime/array-task-list';
import { GrenError } from '../../../../lib/src/errors/gren-error';
import { GREN_CONFIG } from '../../../../lib/src/settings/gren-config';
import { slurmFixture } from './slurm-fixtures';

describe('SLURM job arrays', () => {
  describe('arraySpec', () => {
    it('should throttle with %N only when N is below the task count', () => {
      expect(arraySpec(500, 20)).toBe('0-499%20');
      expect(arraySpec(3, 20)).toBe('0-2');
      expect(arraySpec(1, 1)).toBe('0');
    });
  });

  describe('chunk', () => {
    it('should split 2,500 tasks into arrays of at most MaxArraySize', () => {
      const sizes = chunk(
        Array.from({ length: 2500 }, (_unused, i) => i),
        1001,
      ).map((part) => part.length);
      expect(sizes).toEqual([1001, 1001, 498]);
    });
  });

  describe('parseArrayTaskId', () => {
    it('should split <array>_<task> and ignore plain job ids', () => {
      expect(parseArrayTaskId('123_4')).toEqual({ arrayJobId: '123', taskId: 4 });
      expect(parseArrayTaskId('123')).toBeUndefined();
      expect(parseArrayTaskId('123_[4-9%2]')).toBeUndefined();
    });
  });

  describe('parseMaxArraySize', () => {
    it('should read MaxArraySize from a real `scontrol show config`', () => {
      expect(parseMaxArraySize(slurmFixture('scontrol-show-config.txt'))).toBe(1001);
    });

    it('should give undefined when the line is missing', () => {
      expect(parseMaxArraySize('ClusterName = x\n')).toBeUndefined();
    });
  });

  describe('configsPerArrayTask', () => {
    it('should keep one config per task while a level fits in AUTO_TASKS_PER_SLOT tasks per slot', () => {
      expect(AUTO_TASKS_PER_SLOT).toBe(4);
      expect(configsPerArrayTask('auto', 8, 2)).toBe(1);
      expect(configsPerArrayTask('auto', 3, 50)).toBe(1);
    });

    it('should pack a level of 200 configs on 2 slots into 8 tasks of 25', () => {
      expect(configsPerArrayTask('auto', 200, 2)).toBe(25);
      expect(configsPerArrayTask('auto', 100, 2)).toBe(13);
      expect(configsPerArrayTask('auto', 9, 2)).toBe(2);
    });

    it('should never put more than ⌈configs / slots⌉ in a task, whatever the level', () => {
      for (const slots of [1, 2, 3, 7, 64]) {
        for (const configs of [1, 5, 29, 200, 1000, 5000]) {
          const perTask = configsPerArrayTask('auto', configs, slots);
          expect(perTask).toBeGreaterThanOrEqual(1);
          expect(perTask).toBeLessThanOrEqual(Math.ceil(configs / slots));
        }
      }
    });

    it('should give 1 when the slots are unknown, and an explicit number as given', () => {
      expect(configsPerArrayTask('auto', 500, undefined)).toBe(1);
      expect(configsPerArrayTask(1, 500, 2)).toBe(1);
      expect(configsPerArrayTask(10, 3, 2)).toBe(10);
    });
  });

  describe('checkConfigsPerTask', () => {
    it("should accept 'auto' and whole numbers ≥ 1, and name the option and both forms otherwise", () => {
      expect(checkConfigsPerTask('auto')).toBe('auto');
      expect(checkConfigsPerTask(3)).toBe(3);
      for (const bad of [0, 1.5, 'many', -2]) {
        expect(() => checkConfigsPerTask(bad)).toThrow(SlurmError);
        expect(() => checkConfigsPerTask(bad)).toThrow(
          /SlurmArrayExecutor: configsPerTask must be 'auto' \(the default\) or a whole number ≥ 1/,
        );
      }
    });
  });

  describe('parseSinfoCpus', () => {
    it("should read the default partition's CPUs from a real `sinfo -h -o '%P|%C'`, or a named one's", () => {
      const output = slurmFixture('sinfo-partition-cpus.txt');
      expect(parseSinfoCpus(output, null)).toBe(2);
      expect(parseSinfoCpus(output, 'urgent')).toBe(2);
      expect(parseSinfoCpus(output, 'gpu')).toBeUndefined();
    });

    it('should leave out CPUs of down or drained nodes, and give undefined when none is usable', () => {
      expect(parseSinfoCpus('debug*|10/6/48/64\n', null)).toBe(16);
      expect(parseSinfoCpus('debug*|0/0/4/4\n', null)).toBeUndefined();
      expect(parseSinfoCpus('sinfo: error: Unable to contact slurm controller\n', null)).toBeUndefined();
    });
  });

  describe('task lists', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gren-tasks-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('should give array task i the payloads on line i', () => {
      const file = path.join(dir, 'array.tasks');
      fs.writeFileSync(file, renderTaskList([['/a/0.json'], ['/b/1.json', '/b b/2.json'], ['/c/3.json']]));
      expect(payloadsOfArrayTask(file, { SLURM_ARRAY_TASK_ID: '1' })).toEqual(['/b/1.json', '/b b/2.json']);
      expect(payloadsOfArrayTask(file, { SLURM_ARRAY_TASK_ID: '2' })).toEqual(['/c/3.json']);
    });

    it('should refuse a payload path holding a tab or a newline', () => {
      expect(() => renderTaskList([['/a\tb.json']])).toThrow(/cannot contain a newline or a tab/);
    });

    it('should name the list and the task when the task has no line', () => {
      const file = path.join(dir, 'array.tasks');
      fs.writeFileSync(file, renderTaskList([['/a/0.json']]));
      expect(() => payloadsOfArrayTask(file, { SLURM_ARRAY_TASK_ID: '5' })).toThrow(
        /array\.tasks has no line for array task 5/,
      );
    });

    it('should explain that SLURM_ARRAY_TASK_ID is missing outside an array task', () => {
      expect(() => payloadsOfArrayTask('/x.tasks', {})).toThrow(GrenError);
      expect(() => payloadsOfArrayTask('/x.tasks', {})).toThrow(/SLURM_ARRAY_TASK_ID is unset/);
    });
  });

  describe('the worker inside an array task', () => {
    it('should record job_id <array>_<task> with array_job_id and array_task_id', () => {
      const env = { SLURM_JOB_ID: '13', SLURM_ARRAY_JOB_ID: '12', SLURM_ARRAY_TASK_ID: '1' };
      const environment = slurmWorkerEnvironment(env, GREN_CONFIG);
      expect(environment?.jobId).toBe('12_1');
      expect(environment?.scheduler).toMatchObject({ job_id: '12_1', array_job_id: '12', array_task_id: 1 });
    });

    it('should keep the plain job id outside arrays', () => {
      expect(slurmWorkerEnvironment({ SLURM_JOB_ID: '7' }, GREN_CONFIG)?.scheduler).not.toHaveProperty('array_job_id');
    });
  });
});
