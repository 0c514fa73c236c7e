import * as fs from 'node:fs';
import { GrenError } from '../errors/gren-error';

/**
 * The text of a task list: line i lists the payload paths of array task i, separated by tabs
 * (one path per line unless the executor packs several configs into one task).
 */
export function renderTaskList(tasks: readonly (readonly string[])[]): string {
  for (const file of tasks.flat()) {
    if (/[\n\t]/.test(file))
      throw new GrenError(
        'WORKER_TASK_LIST',
        `A payload path cannot contain a newline or a tab: ${JSON.stringify(file)}.`,
      );
  }
  return `${tasks.map((files) => files.join('\t')).join('\n')}\n`;
}

/** The payload paths of this SLURM array task (SLURM_ARRAY_TASK_ID selects the line). */
export function payloadsOfArrayTask(taskList: string, env: Readonly<Record<string, string | undefined>>): string[] {
  const taskId = env['SLURM_ARRAY_TASK_ID'];
  if (taskId === undefined || !/^\d+$/.test(taskId)) {
    throw new GrenError(
      'WORKER_TASK_LIST',
      `gren-worker --task-list ${taskList} runs inside a SLURM array task, but SLURM_ARRAY_TASK_ID is ${taskId === undefined ? 'unset' : JSON.stringify(taskId)}.`,
    );
  }
  let lines: string[];
  try {
    lines = fs.readFileSync(taskList, 'utf8').split('\n');
  } catch (error) {
    throw new GrenError(
      'WORKER_TASK_LIST',
      `gren-worker cannot read the task list ${taskList}: ${(error as Error).message}.`,
      { cause: error },
    );
  }
  const line = lines[Number(taskId)];
  if (!line)
    throw new GrenError(
      'WORKER_TASK_LIST',
      `The task list ${taskList} has no line for array task ${taskId} (it lists ${lines.filter(Boolean).length} tasks).`,
    );
  return line.split('\t');
}
